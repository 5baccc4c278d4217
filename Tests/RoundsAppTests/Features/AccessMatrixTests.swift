import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Every route that touches private data, against every role and anonymous. The expected outcome of each
/// pair is written out below; a route registered without a row here fails `everyPrivateRouteHasARow`.
@Suite struct AccessMatrixTests {
    enum Actor: String, CaseIterable, CustomTestStringConvertible {
        case anonymous, applicant, host, advisor, admin
        var testDescription: String { self.rawValue }
        var role: Role? { Role(rawValue: self.rawValue) }
    }

    enum Outcome: Equatable {
        /// Let through: anything but a refusal or a server error.
        case allowed
        /// Sent to the sign-in page (HTML) or 401 (API).
        case signInFirst
        case forbidden
        /// The resource exists but is someone else's, so it is invisible.
        case notFound
    }

    struct ProtectedRoute: Sendable, CustomTestStringConvertible {
        var method: HTTPMethod
        /// The route pattern as registered; `{token}` is replaced by another user's token id.
        var pattern: String
        var form: [(String, String)] = []
        var json: [String: String]? = nil
        var expected: [Actor: Outcome]
        var testDescription: String { "\(self.method.rawValue) \(self.pattern)" }
        var isAPI: Bool { self.pattern.hasPrefix("/api/") }
    }

    static let everyone: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .allowed, .host: .allowed, .advisor: .allowed, .admin: .allowed,
    ]
    static let applicantsOnly: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .allowed, .host: .forbidden, .advisor: .forbidden, .admin: .forbidden,
    ]
    static let hostsOnly: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .forbidden, .host: .allowed, .advisor: .forbidden, .admin: .forbidden,
    ]
    /// Host routes naming something that is not the host's: hosts see 404, other roles are refused first.
    static let hostsButNotTheirs: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .forbidden, .host: .notFound, .advisor: .forbidden, .admin: .forbidden,
    ]
    static let adminsOnly: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .forbidden, .host: .forbidden, .advisor: .forbidden, .admin: .allowed,
    ]
    static let adminsButNotFound: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .forbidden, .host: .forbidden, .advisor: .forbidden, .admin: .notFound,
    ]
    /// Applicant routes naming something that is not the applicant's.
    static let applicantsButNotTheirs: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .notFound, .host: .forbidden, .advisor: .forbidden, .admin: .forbidden,
    ]
    /// Application routes for both sides of an application, naming one that is neither's.
    static let partiesButNotTheirs: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .notFound, .host: .notFound, .advisor: .forbidden, .admin: .forbidden,
    ]
    static let advisorsButNotTheirs: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .forbidden, .host: .forbidden, .advisor: .notFound, .admin: .forbidden,
    ]
    static let advisorsOnly: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .forbidden, .host: .forbidden, .advisor: .allowed, .admin: .forbidden,
    ]
    /// Cycle pages for applicants and hosts, naming a cycle that does not exist.
    static let participantsButNoSuchCycle: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .notFound, .host: .notFound, .advisor: .forbidden, .admin: .forbidden,
    ]
    static let participantsOnly: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .allowed, .host: .allowed, .advisor: .forbidden, .admin: .forbidden,
    ]
    static let everyoneButAdminsNotFound: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .notFound, .host: .notFound, .advisor: .notFound, .admin: .forbidden,
    ]
    static let everyoneButAdmins: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .allowed, .host: .allowed, .advisor: .allowed, .admin: .forbidden,
    ]
    /// The program directory's and the guides' keepers: administrators and advisors.
    static let editorsOnly: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .forbidden, .host: .forbidden, .advisor: .allowed, .admin: .allowed,
    ]
    static let editorsButNotFound: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .forbidden, .host: .forbidden, .advisor: .notFound, .admin: .notFound,
    ]
    /// Reviews: the applicant who asked and the advisor asked, each seeing only their own.
    static let applicantsAndAdvisors: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .allowed, .host: .forbidden, .advisor: .allowed, .admin: .forbidden,
    ]
    static let reviewPartiesButNotTheirs: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .notFound, .host: .forbidden, .advisor: .notFound, .admin: .forbidden,
    ]
    static let nobodyElses: [Actor: Outcome] = [
        .anonymous: .signInFirst, .applicant: .notFound, .host: .notFound, .advisor: .notFound, .admin: .notFound,
    ]

    static let routes: [ProtectedRoute] = [
        ProtectedRoute(method: .GET, pattern: "/account", expected: everyone),
        ProtectedRoute(method: .POST, pattern: "/account/name", form: [("display_name", "")], expected: everyone),
        ProtectedRoute(method: .POST, pattern: "/account/email", form: [("new_email", "")], expected: everyone),
        ProtectedRoute(method: .POST, pattern: "/account/sessions/{token}/end", expected: nobodyElses),
        ProtectedRoute(method: .POST, pattern: "/account/sessions/end-others", expected: everyone),
        // One's own data only: the export and the deletion act on the signed-in account and nothing else.
        ProtectedRoute(method: .GET, pattern: "/account/data", expected: everyone),
        ProtectedRoute(method: .POST, pattern: "/account/data/export", form: [("current_password", "wrong")], expected: everyone),
        ProtectedRoute(method: .POST, pattern: "/account/data/delete", form: [("current_password", "wrong"), ("understood", "yes")], expected: everyone),
        ProtectedRoute(
            method: .POST, pattern: "/account/password",
            form: [("current_password", "x"), ("new_password", "y")], expected: everyone
        ),
        ProtectedRoute(method: .POST, pattern: "/account/tokens", form: [("name", "script")], expected: everyone),
        ProtectedRoute(method: .POST, pattern: "/account/tokens/{token}/revoke", expected: nobodyElses),
        ProtectedRoute(method: .GET, pattern: "/account/two-factor", expected: everyone),
        ProtectedRoute(method: .POST, pattern: "/account/two-factor/enable", form: [("code", "000000")], expected: everyone),
        ProtectedRoute(method: .POST, pattern: "/account/two-factor/recovery-codes", form: [("code", "000000")], expected: everyone),
        ProtectedRoute(method: .POST, pattern: "/account/two-factor/disable", form: [("code", "000000")], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/profile", expected: applicantsOnly),
        ProtectedRoute(
            method: .POST, pattern: "/profile", form: [("track", "pre_med"), ("visa_status", "us_citizen")],
            expected: applicantsOnly
        ),
        ProtectedRoute(method: .GET, pattern: "/host/sites", expected: hostsOnly),
        ProtectedRoute(method: .GET, pattern: "/host/sites/new", expected: hostsOnly),
        ProtectedRoute(method: .POST, pattern: "/host/sites", form: [("name", "")], expected: hostsOnly),
        ProtectedRoute(method: .GET, pattern: "/host/sites/{token}/opportunities/new", expected: hostsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/host/sites/{token}/opportunities", form: [("title", "x")], expected: hostsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/host/opportunities/{token}", expected: hostsButNotTheirs),
        // The same over the API: a host's own sites and listings, other hosts' are 404.
        ProtectedRoute(method: .GET, pattern: "/api/v1/host/sites", expected: hostsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/host/sites", json: ["name": ""], expected: hostsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/host/sites/{token}/opportunities", json: ["title": "x"], expected: hostsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/host/opportunities/{token}", expected: hostsButNotTheirs),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/host/opportunities/{token}", json: ["title": "x"], expected: hostsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/host/opportunities/{token}/actions/{token}", expected: hostsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/host/opportunities/{token}/sessions", json: ["start": "x"], expected: hostsButNotTheirs),
        ProtectedRoute(method: .DELETE, pattern: "/api/v1/host/sessions/{token}", expected: hostsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/host/opportunities/{token}/edit", expected: hostsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/host/opportunities/{token}", form: [("title", "x")], expected: hostsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/host/opportunities/{token}/publish", expected: hostsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/host/opportunities/{token}/archive", expected: hostsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/host/opportunities/{token}/sessions", form: [("seats", "1")], expected: hostsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/host/sessions/{token}/delete", expected: hostsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/admin/sites", expected: adminsOnly),
        ProtectedRoute(method: .POST, pattern: "/admin/sites/{token}/verify", expected: adminsButNotFound),
        ProtectedRoute(method: .GET, pattern: "/documents", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/documents", form: [("kind", "cv")], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/documents/{token}", expected: nobodyElses),
        ProtectedRoute(method: .POST, pattern: "/documents/{token}/delete", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/sessions/{token}/apply", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/sessions/{token}/apply", form: [("statement", "x")], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/applications", expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/applications/{token}", expected: partiesButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/applications/{token}/edit", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/applications/{token}/edit", form: [("statement", "x")], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/applications/{token}/actions/{token}", expected: partiesButNotTheirs),
        // A conversation is its two parties' only; an administrator reads one only once a message in it is
        // reported (MessagesTests), so here, unreported, everyone else gets 404.
        ProtectedRoute(method: .GET, pattern: "/applications/{token}/messages", expected: nobodyElses),
        ProtectedRoute(method: .POST, pattern: "/applications/{token}/messages", form: [("body", "hello")], expected: nobodyElses),
        ProtectedRoute(method: .POST, pattern: "/messages/{token}/report", form: [("reason", "rude")], expected: nobodyElses),
        ProtectedRoute(method: .GET, pattern: "/messages/{token}/attachment", expected: nobodyElses),
        ProtectedRoute(method: .POST, pattern: "/account/message-email", form: [("message_email", "daily")], expected: everyone),
        ProtectedRoute(method: .GET, pattern: "/admin/reports", expected: adminsOnly),
        // Questions before applying: only the applicant and the listing's host, never someone else's.
        ProtectedRoute(method: .GET, pattern: "/opportunities/{token}/questions/{token}", expected: nobodyElses),
        ProtectedRoute(method: .POST, pattern: "/opportunities/{token}/questions/{token}", form: [("body", "hello")], expected: nobodyElses),
        ProtectedRoute(method: .GET, pattern: "/api/v1/opportunities/{token}/questions/{token}", expected: nobodyElses),
        ProtectedRoute(method: .POST, pattern: "/api/v1/opportunities/{token}/questions/{token}", json: ["body": "hello"], expected: nobodyElses),
        ProtectedRoute(method: .GET, pattern: "/host/questions", expected: hostsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/host/questions", expected: hostsOnly),
        ProtectedRoute(method: .POST, pattern: "/host/opportunities/{token}/questions", form: [("accepts_questions", "true")], expected: hostsButNotTheirs),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/host/opportunities/{token}/questions", json: ["accepts_questions": "true"], expected: hostsButNotTheirs),
        // Reports of listings: anyone signed in files one about a listed opportunity; administrators decide.
        ProtectedRoute(method: .POST, pattern: "/opportunities/{token}/reports", form: [("problem", "fraud"), ("details", "asks for cash")], expected: nobodyElses),
        ProtectedRoute(method: .POST, pattern: "/api/v1/opportunities/{token}/reports", json: ["problem": "fraud", "details": "asks for cash"], expected: nobodyElses),
        ProtectedRoute(method: .GET, pattern: "/admin/listing-reports", expected: adminsOnly),
        // Saved searches: anyone signed in keeps their own; nobody reaches another's.
        ProtectedRoute(method: .GET, pattern: "/account/searches", expected: everyone),
        ProtectedRoute(method: .GET, pattern: "/account/favourites", expected: everyone),
        ProtectedRoute(method: .POST, pattern: "/opportunities/{token}/favourite", form: [("keep", "true")], expected: nobodyElses),
        ProtectedRoute(method: .GET, pattern: "/api/v1/favourites", expected: everyone),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/favourites/{token}", expected: nobodyElses),
        ProtectedRoute(method: .DELETE, pattern: "/api/v1/favourites/{token}", expected: everyone),
        ProtectedRoute(method: .POST, pattern: "/account/searches", form: [("name", "Cardiology"), ("alert", "weekly"), ("query", "q=cardiology")], expected: everyone),
        ProtectedRoute(method: .POST, pattern: "/account/searches/{token}", form: [("alert", "off")], expected: nobodyElses),
        ProtectedRoute(method: .POST, pattern: "/account/searches/{token}/delete", expected: nobodyElses),
        ProtectedRoute(method: .GET, pattern: "/api/v1/searches", expected: everyone),
        ProtectedRoute(method: .POST, pattern: "/api/v1/searches", json: ["name": "Cardiology", "alert": "weekly", "query": "q=cardiology"], expected: everyone),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/searches/{token}", json: ["alert": "off"], expected: nobodyElses),
        ProtectedRoute(method: .DELETE, pattern: "/api/v1/searches/{token}", expected: nobodyElses),
        ProtectedRoute(method: .GET, pattern: "/api/v1/admin/newsletter", expected: adminsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/admin/newsletter/issues", json: [:], expected: adminsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/admin/newsletter/issues/{token}", expected: adminsButNotFound),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/admin/newsletter/issues/{token}", json: [:], expected: adminsButNotFound),
        ProtectedRoute(method: .POST, pattern: "/api/v1/admin/newsletter/issues/{token}/send", expected: adminsButNotFound),
        ProtectedRoute(method: .GET, pattern: "/api/v1/admin/listing-reports", expected: adminsOnly),
        ProtectedRoute(method: .POST, pattern: "/admin/listing-reports/{token}/resolve", form: [("resolution", "dismiss")], expected: adminsButNotFound),
        ProtectedRoute(method: .POST, pattern: "/api/v1/admin/listing-reports/{token}/resolution", json: ["resolution": "dismiss"], expected: adminsButNotFound),
        ProtectedRoute(method: .GET, pattern: "/api/v1/admin/reports", expected: adminsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/admin/reports/{token}/resolution", json: ["resolution": "dismiss"], expected: adminsButNotFound),
        ProtectedRoute(method: .GET, pattern: "/api/v1/admin/users", expected: adminsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/admin/users/{token}", expected: adminsButNotFound),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/admin/users/{token}/roles", json: ["roles": "x"], expected: adminsButNotFound),
        ProtectedRoute(method: .POST, pattern: "/api/v1/admin/users/{token}/actions/{token}", expected: adminsButNotFound),
        ProtectedRoute(method: .GET, pattern: "/api/v1/admin/audit", expected: adminsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/admin/sites", expected: adminsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/admin/sites/{token}/review/{token}", expected: adminsButNotFound),
        ProtectedRoute(method: .POST, pattern: "/admin/reports/{token}/resolve", form: [("resolution", "dismiss")], expected: adminsButNotFound),
        ProtectedRoute(method: .GET, pattern: "/host/applications", expected: hostsOnly),
        ProtectedRoute(method: .POST, pattern: "/host/applications/reject", expected: hostsOnly),
        ProtectedRoute(method: .GET, pattern: "/notifications", expected: everyone),
        ProtectedRoute(method: .POST, pattern: "/notifications/read", expected: everyone),
        ProtectedRoute(method: .GET, pattern: "/api/v1/documents", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/documents", json: ["kind": "cv"], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/documents/{token}", expected: nobodyElses),
        ProtectedRoute(method: .DELETE, pattern: "/api/v1/documents/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/applications", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/applications", json: ["statement": "x"], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/applications/{token}", expected: partiesButNotTheirs),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/applications/{token}", json: ["statement": "x"], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/applications/{token}/actions/{token}", expected: partiesButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/applications/{token}/messages", expected: nobodyElses),
        ProtectedRoute(method: .POST, pattern: "/api/v1/applications/{token}/messages", json: ["body": "hello"], expected: nobodyElses),
        ProtectedRoute(method: .POST, pattern: "/api/v1/messages/{token}/reports", json: ["reason": "rude"], expected: nobodyElses),
        ProtectedRoute(method: .GET, pattern: "/api/v1/messages/{token}/attachment", expected: nobodyElses),
        ProtectedRoute(method: .GET, pattern: "/api/v1/host/applications", expected: hostsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/host/applications/reject", json: ["note": "x"], expected: hostsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/notifications", expected: everyone),
        ProtectedRoute(method: .POST, pattern: "/api/v1/notifications/read", expected: everyone),
        ProtectedRoute(method: .GET, pattern: "/advisor/cycles", expected: advisorsOnly),
        ProtectedRoute(method: .POST, pattern: "/advisor/cycles", form: [("name", "x")], expected: advisorsOnly),
        ProtectedRoute(method: .GET, pattern: "/advisor/cycles/{token}", expected: advisorsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/advisor/cycles/{token}/run", expected: advisorsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/advisor/cycles/{token}/publish", expected: advisorsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/cycles", expected: participantsOnly),
        ProtectedRoute(method: .GET, pattern: "/cycles/{token}", expected: participantsButNoSuchCycle),
        ProtectedRoute(method: .POST, pattern: "/cycles/{token}/list", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/cycles/{token}/pairs", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/cycles/{token}/partner/confirm", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/host/cycles/{token}/sessions/{token}", expected: hostsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/host/cycles/{token}/sessions/{token}", expected: hostsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/cycles", expected: everyoneButAdmins),
        ProtectedRoute(method: .POST, pattern: "/api/v1/cycles", json: ["name": "x"], expected: advisorsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/cycles/{token}", expected: everyoneButAdminsNotFound),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/cycles/{token}/list", json: ["partner_email": "x"], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/cycles/{token}/partner/confirm", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/cycles/{token}/sessions/{token}/applicants", expected: hostsButNotTheirs),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/cycles/{token}/sessions/{token}/list", json: ["x": "y"], expected: hostsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/cycles/{token}/run", expected: advisorsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/cycles/{token}/publish", expected: advisorsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/letters", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/letters", form: [("writer_name", "x")], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/letters/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/letters/{token}/file", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/letters/{token}/remind", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/letters/{token}/revoke", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/letters/{token}/assign", form: [("program_id", "x")], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/letters/{token}/assignments/{token}/delete", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/letters/{token}/assignments/{token}/apply", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/reviewer/programs", expected: advisorsOnly),
        ProtectedRoute(method: .GET, pattern: "/reviewer/programs/{token}", expected: advisorsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/reviewer/programs/{token}/letters/{token}", expected: advisorsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/admin/programs", expected: adminsOnly),
        ProtectedRoute(method: .POST, pattern: "/admin/programs", form: [("name", "x")], expected: adminsOnly),
        ProtectedRoute(method: .POST, pattern: "/admin/programs/{token}/reviewers", form: [("email", "x@example.org")], expected: adminsButNotFound),
        ProtectedRoute(method: .GET, pattern: "/admin/letter-reads", expected: adminsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/letters", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/letters", json: ["writer_name": "x"], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/letters/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/letters/{token}/file", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/letters/{token}/remind", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/letters/{token}/revoke", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/letters/{token}/assignments", json: ["program_id": "x"], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .DELETE, pattern: "/api/v1/letters/{token}/assignments/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/letters/{token}/assignments/{token}/application", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/programs", expected: everyone),
        ProtectedRoute(method: .POST, pattern: "/api/v1/programs", json: ["name": "x"], expected: adminsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/programs/{token}/reviewers", json: ["email": "x@example.org"], expected: adminsButNotFound),
        ProtectedRoute(method: .GET, pattern: "/api/v1/programs/{token}/letters", expected: advisorsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/programs/{token}/letters/{token}", expected: advisorsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/letter-reads", expected: adminsOnly),
        ProtectedRoute(method: .GET, pattern: "/portfolio", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/portfolio/goals", form: [("scope", "all")], expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/portfolio/goals/{token}/delete", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/portfolio/experiences/new", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/portfolio/experiences", form: [("title", "x")], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/portfolio/experiences/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/portfolio/experiences/{token}", form: [("title", "x")], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/portfolio/experiences/{token}/delete", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/portfolio/experiences/{token}/logs", form: [("hours", "1")], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/portfolio/experiences/{token}/logs/{token}/delete", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/portfolio/experiences/{token}/verification", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/portfolio/experiences/{token}/procedures", form: [("procedure", "x")], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/portfolio/experiences/{token}/exports", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/portfolio/export/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/portfolio/export/{token}/csv", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/host/applications/{token}/evaluation", expected: hostsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/host/applications/{token}/evaluation", form: [("comments", "x")], expected: hostsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/portfolio", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/portfolio/experiences", json: ["title": "x"], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/portfolio/experiences/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/portfolio/experiences/{token}", json: ["title": "x"], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .DELETE, pattern: "/api/v1/portfolio/experiences/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/portfolio/experiences/{token}/logs", json: ["day": "x"], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .DELETE, pattern: "/api/v1/portfolio/experiences/{token}/logs/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/portfolio/experiences/{token}/verification", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/portfolio/experiences/{token}/procedures", json: ["procedure": "x"], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/portfolio/goals", json: ["scope": "all"], expected: applicantsOnly),
        ProtectedRoute(method: .DELETE, pattern: "/api/v1/portfolio/goals/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/portfolio/exports/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/portfolio/exports/{token}/csv", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/applications/{token}/evaluation", json: ["comments": "x"], expected: hostsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/me", expected: everyone),
        ProtectedRoute(method: .GET, pattern: "/api/v1/me/export", expected: everyone),
        ProtectedRoute(method: .GET, pattern: "/api/v1/tokens", expected: everyone),
        ProtectedRoute(method: .DELETE, pattern: "/api/v1/tokens/{token}", expected: nobodyElses),
        ProtectedRoute(method: .GET, pattern: "/api/v1/profile", expected: applicantsOnly),
        ProtectedRoute(
            method: .PUT, pattern: "/api/v1/profile", json: ["track": "pre_med", "visa_status": "us_citizen"],
            expected: applicantsOnly
        ),
        ProtectedRoute(method: .GET, pattern: "/residency", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/residency/settings", form: [("wants_h1b", "true")], expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/residency/tasks/{token}", form: [("done", "true")], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/residency/programs", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/residency/programs", form: [("name", "")], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/residency/programs/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/residency/programs/{token}", form: [("name", "x")], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/residency/programs/{token}/delete", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/residency/calendar", form: [("action", "revoke")], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/admin/season", expected: adminsOnly),
        ProtectedRoute(method: .POST, pattern: "/admin/season", form: [("match_year", "")], expected: adminsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/residency/plan", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/residency/calendar", expected: applicantsOnly),
        ProtectedRoute(method: .DELETE, pattern: "/api/v1/residency/calendar", expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/admin/season-corrections", expected: adminsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/admin/season-corrections", json: ["milestone": "x"], expected: adminsOnly),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/residency/settings", json: ["wants_h1b": "x"], expected: applicantsOnly),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/residency/tasks/{token}", json: ["done": "true"], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/residency/programs", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/residency/programs", json: ["name": ""], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/residency/programs/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/residency/programs/{token}", json: ["name": "x"], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .DELETE, pattern: "/api/v1/residency/programs/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/residency/rank-list", expected: applicantsOnly),
        // Couples: applicants only, and only their own couple (none here, so 404 where one is needed).
        ProtectedRoute(method: .GET, pattern: "/residency/rank-list/couple", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/residency/rank-list/couple", form: [("partner_email", "nobody@example.org")], expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/residency/rank-list/couple/confirm", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/residency/rank-list/couple/leave", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/residency/rank-list/couple/pairs", form: [("mine", "none"), ("partners", "none")], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/residency/rank-list/couple/pairs/move", form: [("rank", "1"), ("action", "up")], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/residency/rank-list/couple/certify", form: [("name", "Someone")], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/residency/rank-list/couple", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/residency/rank-list/couple", json: ["partner_email": "nobody@example.org"], expected: applicantsOnly),
        ProtectedRoute(method: .DELETE, pattern: "/api/v1/residency/rank-list/couple", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/residency/rank-list/couple/confirmation", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/residency/rank-list/couple/pairs", json: ["pairs": "x"], expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/residency/rank-list/couple/certification", json: ["name": "Someone"], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/residency/rank-list/move", form: [("program", "00000000-0000-0000-0000-000000000000"), ("action", "add")], expected: applicantsOnly),
        ProtectedRoute(
            method: .POST, pattern: "/residency/rank-list/supplemental",
            form: [("advanced", "00000000-0000-0000-0000-000000000000"), ("program", "00000000-0000-0000-0000-000000000001"), ("action", "add")],
            expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/residency/rank-list/certify", form: [("name", "x")], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/residency/rank-list.csv", expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/residency/rank-list/simulation", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/residency/rank-list/advisors", form: [("email", "nobody@example.org")], expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/residency/rank-list/advisors/{token}/delete", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/advisor/rank-lists", expected: advisorsOnly),
        ProtectedRoute(method: .GET, pattern: "/advisor/rank-lists/{token}", expected: advisorsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/residency/rank-list/advisors", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/residency/rank-list/advisors", json: ["email": "nobody@example.org"], expected: applicantsOnly),
        ProtectedRoute(method: .DELETE, pattern: "/api/v1/residency/rank-list/advisors/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/advisor/rank-lists", expected: advisorsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/advisor/rank-lists/{token}", expected: advisorsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/residency/rank-list/simulation", expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/residency/rank-list", expected: applicantsOnly),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/residency/rank-list", json: ["program_ids": "x"], expected: applicantsOnly),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/residency/rank-list/supplemental", json: ["advanced_id": "x"], expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/residency/rank-list/certify", json: ["name": "x"], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/residency/rank-list/csv", expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/residency/directory", expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/residency/directory/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/residency/directory/{token}/add", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/admin/directory", expected: editorsOnly),
        ProtectedRoute(method: .POST, pattern: "/admin/directory", form: [("name", "")], expected: editorsOnly),
        ProtectedRoute(method: .GET, pattern: "/admin/directory/new", expected: editorsOnly),
        ProtectedRoute(method: .POST, pattern: "/admin/directory/import", expected: editorsOnly),
        ProtectedRoute(method: .GET, pattern: "/admin/directory.csv", expected: editorsOnly),
        ProtectedRoute(method: .GET, pattern: "/admin/directory/{token}", expected: editorsButNotFound),
        // Guides: administrators and advisors write; a guide that is not there (or not theirs) is 404.
        ProtectedRoute(method: .GET, pattern: "/guides/manage", expected: editorsOnly),
        ProtectedRoute(method: .GET, pattern: "/guides/new", expected: editorsOnly),
        ProtectedRoute(method: .POST, pattern: "/guides", form: [("title", "")], expected: editorsOnly),
        ProtectedRoute(method: .GET, pattern: "/guides/{token}/edit", expected: editorsButNotFound),
        ProtectedRoute(method: .POST, pattern: "/guides/{token}/edit", form: [("title", "")], expected: editorsButNotFound),
        ProtectedRoute(method: .POST, pattern: "/guides/{token}/delete", expected: editorsButNotFound),
        ProtectedRoute(method: .POST, pattern: "/api/v1/guides", json: [:], expected: editorsOnly),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/guides/{token}", json: [:], expected: editorsButNotFound),
        ProtectedRoute(method: .DELETE, pattern: "/api/v1/guides/{token}", expected: editorsButNotFound),
        // Personal statements are their writer's alone; a review is its two parties'; slots are booked by
        // applicants and kept by their advisor.
        ProtectedRoute(method: .GET, pattern: "/statements", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/statements", form: [("title", "")], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/statements/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/statements/{token}/versions", form: [("title", "")], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/statements/{token}/diff", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/reviews", expected: applicantsAndAdvisors),
        ProtectedRoute(method: .POST, pattern: "/reviews", form: [("subject", "")], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/reviews/{token}", expected: reviewPartiesButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/reviews/{token}/actions/{token}", expected: reviewPartiesButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/reviews/{token}/decisions", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/reviews/{token}/comments", form: [("quote", "")], expected: advisorsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/reviews/{token}/comments/{token}/delete", expected: advisorsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/advising/sessions", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/advising/slots/{token}/book", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/advising/slots/{token}/cancel-booking", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/advisor/slots", expected: advisorsOnly),
        ProtectedRoute(method: .POST, pattern: "/advisor/slots", form: [("kind", "")], expected: advisorsOnly),
        ProtectedRoute(method: .POST, pattern: "/advisor/slots/{token}/cancel", expected: advisorsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/advisor/calendar", form: [("action", "")], expected: advisorsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/statements", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/statements", json: [:], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/statements/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/statements/{token}/versions", json: [:], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/statements/{token}/diff", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/reviews", expected: applicantsAndAdvisors),
        ProtectedRoute(method: .POST, pattern: "/api/v1/reviews", json: [:], expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/reviews/{token}", expected: reviewPartiesButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/reviews/{token}/actions/{token}", expected: reviewPartiesButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/reviews/{token}/decisions", json: [:], expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/reviews/{token}/comments", json: [:], expected: advisorsButNotTheirs),
        ProtectedRoute(method: .DELETE, pattern: "/api/v1/reviews/{token}/comments/{token}", expected: advisorsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/advising/slots", expected: applicantsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/advising/slots/{token}/booking", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .DELETE, pattern: "/api/v1/advising/slots/{token}/booking", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/advisor/slots", expected: advisorsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/advisor/slots", json: [:], expected: advisorsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/advisor/slots/{token}/cancel", expected: advisorsButNotTheirs),
        // The newsletter's issues and subscriber counts: administrators only.
        // Site reviews and the audit log: administrators; a host asks again only for their own site.
        ProtectedRoute(method: .POST, pattern: "/admin/sites/{token}/review/{token}", form: [("reason", "x")], expected: adminsButNotFound),
        ProtectedRoute(method: .POST, pattern: "/host/sites/{token}/resubmit", expected: hostsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/admin/audit", expected: adminsOnly),
        ProtectedRoute(method: .GET, pattern: "/admin/users", expected: adminsOnly),
        ProtectedRoute(method: .GET, pattern: "/admin/users/{token}", expected: adminsButNotFound),
        ProtectedRoute(method: .POST, pattern: "/admin/users/{token}/roles", form: [("roles[]", "host")], expected: adminsButNotFound),
        ProtectedRoute(method: .POST, pattern: "/admin/users/{token}/disable", form: [("reason", "x")], expected: adminsButNotFound),
        ProtectedRoute(method: .POST, pattern: "/admin/users/{token}/enable", expected: adminsButNotFound),
        ProtectedRoute(method: .POST, pattern: "/admin/users/{token}/sign-out", expected: adminsButNotFound),
        ProtectedRoute(method: .GET, pattern: "/admin/newsletter", expected: adminsOnly),
        ProtectedRoute(method: .GET, pattern: "/admin/newsletter/new", expected: adminsOnly),
        ProtectedRoute(method: .POST, pattern: "/admin/newsletter", form: [("subject", "")], expected: adminsOnly),
        ProtectedRoute(method: .GET, pattern: "/admin/newsletter/{token}", expected: adminsButNotFound),
        ProtectedRoute(method: .POST, pattern: "/admin/newsletter/{token}", form: [("subject", "")], expected: adminsButNotFound),
        ProtectedRoute(method: .POST, pattern: "/admin/newsletter/{token}/send", expected: adminsButNotFound),
        ProtectedRoute(method: .POST, pattern: "/admin/directory/{token}", form: [("name", "x")], expected: editorsButNotFound),
        ProtectedRoute(method: .GET, pattern: "/api/v1/residency/directory", expected: applicantsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/residency/directory/{token}", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .POST, pattern: "/api/v1/residency/directory/{token}/add", expected: applicantsButNotTheirs),
        ProtectedRoute(method: .GET, pattern: "/api/v1/admin/directory/programs", expected: editorsOnly),
        ProtectedRoute(method: .POST, pattern: "/api/v1/admin/directory/programs", json: ["name": ""], expected: editorsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/admin/directory/programs/{token}", expected: editorsButNotFound),
        ProtectedRoute(method: .PUT, pattern: "/api/v1/admin/directory/programs/{token}", json: ["name": "x"], expected: editorsButNotFound),
        ProtectedRoute(method: .POST, pattern: "/api/v1/admin/directory/import", expected: editorsOnly),
        ProtectedRoute(method: .GET, pattern: "/api/v1/admin/directory/export", expected: editorsOnly),
    ]

    /// Routes anyone may use; they show no private data.
    static let publicRoutes: Set<String> = [
        "GET /", "GET /healthz", "GET /assets/rounds.css", "GET /assets/favicon.svg", "GET /api/v1/openapi.json",
        "GET /sign-up", "POST /sign-up", "GET /sign-in", "POST /sign-in", "POST /sign-out",
        "GET /password/forgot", "POST /password/forgot", "GET /password/reset", "POST /password/reset",
        "POST /api/v1/tokens", "GET /sign-in/two-factor", "POST /sign-in/two-factor",
        "GET /opportunities", "GET /opportunities/{token}", "GET /api/v1/opportunities", "GET /api/v1/opportunities/{token}",
        // The writer's link is the credential; LetterAccessTests covers these for every actor.
        "GET /letter-link", "POST /letter-link/upload", "POST /letter-link/decline",
        "GET /api/v1/letter-link", "POST /api/v1/letter-link/letter", "POST /api/v1/letter-link/decline",
        // The supervisor's verification link, likewise (PortfolioTests), and the counters script.
        "GET /verify-experience", "POST /verify-experience", "GET /api/v1/verification", "POST /api/v1/verification", "GET /assets/rounds.js",
        // The calendar feed's secret is its credential (calendar apps carry no session); ResidencyPlannerTests.
        "GET /residency/calendar.ics",
        // Reference pages: the visa rules and research programs hold nothing private (ReferencePagesTests).
        "GET /visa-paths", "GET /research-programs",
        // Published guides are for everyone; a draft answers 404 to all but its editors (GuidesTests).
        "GET /guides", "GET /guides.atom", "GET /guides/{token}", "GET /api/v1/guides", "GET /api/v1/guides/{token}",
        // The newsletter needs no account: sign-up, the e-mailed links (their tokens are the credential)
        // and the archive of sent issues (NewsletterTests).
        "GET /newsletter", "POST /newsletter", "GET /newsletter/confirm", "POST /newsletter/confirm", "GET /newsletter/unsubscribe",
        "POST /newsletter/unsubscribe", "GET /newsletter/issues", "GET /newsletter/issues/{token}",
        // The new address's confirmation link: its token is the credential (AccountIdentityTests).
        "GET /account/email/confirm", "POST /account/email/confirm",
        // Monitoring: readiness is public like /healthz; /metrics asks for its own token (OperationsTests).
        "GET /readyz", "GET /metrics",
        // A saved search's alert e-mail: its one-click stop link carries its own token (SavedSearchTests).
        "GET /searches/unsubscribe", "POST /searches/unsubscribe",
        // The advisor's calendar feed: its secret in the query is the credential (AdvisingTests).
        "GET /advisor/calendar.ics",
        "POST /api/v1/newsletter/subscriptions", "GET /api/v1/newsletter/issues", "GET /api/v1/newsletter/issues/{token}",
    ]

    /// Every actor against one route that writes, in one app: each actor has an account of its own, so
    /// their answers do not depend on each other, and a write by one route cannot change what the next sees.
    @Test(arguments: Self.routes.filter { $0.method != .GET })
    func accessIsExactlyAsWritten(route: ProtectedRoute) async throws {
        try await withRoundsApp { app in try await Self.check([route], in: app) }
    }

    /// Reads change nothing, so the reads of one area (a path's first word, with or without /api/v1) share
    /// one app: on PostgreSQL each app is a database copied from the template, and one per read was a third
    /// of the suite's time there.
    @Test(arguments: Self.readAreas)
    func readsAreExactlyAsWritten(area: String) async throws {
        try await withRoundsApp { app in
            try await Self.check(Self.routes.filter { $0.method == .GET && Self.area(of: $0) == area }, in: app)
        }
    }

    static var readAreas: [String] {
        Set(Self.routes.filter { $0.method == .GET }.map(Self.area(of:))).sorted()
    }

    static func area(of route: ProtectedRoute) -> String {
        let words = route.pattern.split(separator: "/")
        return String((words.starts(with: ["api", "v1"]) ? words.dropFirst(2) : words[...]).first ?? "")
    }

    /// Asks each route as every actor, each signed in once to an account of its own.
    static func check(_ routes: [ProtectedRoute], in app: Application) async throws {
        let victim = try await Factories.user(app, email: "victim@example.org", roles: [.applicant])
        let victimToken = try await APITokens.create(for: victim, name: "victim", on: app.db, now: Date()).token
        var sessions: [Actor: (Browser, APIClient)] = [:]
        for actor in Actor.allCases {
            sessions[actor] =
                if let role = actor.role {
                    try await Factories.signedIn(app, email: "\(actor.rawValue)@example.org", roles: [role])
                } else {
                    (Browser(app), APIClient(app: app))
                }
        }
        for route in routes {
            let path = route.pattern.replacingOccurrences(of: "{token}", with: try victimToken.requireID().uuidString)
            for actor in Actor.allCases {
                guard let (browser, client) = sessions[actor] else { continue }
                let response: TestingHTTPResponse
                if route.isAPI {
                    response = try await client.send(route.method, path, json: route.json)
                } else if route.method == .GET {
                    response = try await browser.get(path)
                } else {
                    response = try await browser.post(path, form: route.form)
                }
                #expect(Self.outcome(of: response, isAPI: route.isAPI) == route.expected[actor], "\(actor) \(route.testDescription)")
                #expect(response.status.code < 500, "\(actor) \(route.testDescription)")
            }
        }
    }

    static func outcome(of response: TestingHTTPResponse, isAPI: Bool) -> Outcome {
        switch response.status {
        case .unauthorized: return .signInFirst
        case .seeOther where response.location?.hasPrefix(SiteRoute.signIn.path) == true: return .signInFirst
        case .forbidden: return .forbidden
        case .notFound where !isAPI || response.body.string.contains("No such"): return .notFound
        default: return .allowed
        }
    }

    @Test func everyPrivateRouteHasARow() async throws {
        try await withRoundsApp { app in
            let registered = Set(
                app.routes.all.map { route in
                    let path = route.path.map { component -> String in
                        if case .parameter = component { return "{token}" }
                        return component.description
                    }
                    return "\(route.method.rawValue) /\(path.joined(separator: "/"))"
                }
            )
            let covered = Set(Self.routes.map(\.testDescription)).union(Self.publicRoutes)
            #expect(registered == covered)
            for route in Self.routes {
                #expect(Set(route.expected.keys) == Set(Actor.allCases), "\(route.testDescription) lacks a row")
            }
        }
    }
}

extension AccessMatrixTests {
    /// Every refusal the matrix expects from an API route is an answer its operation documents, so a client
    /// (or a fuzzer) reading the document is never surprised by a 401, 403 or 404.
    @Test func everyExpectedAPIRefusalIsDocumented() throws {
        let document = try OpenAPIBoundsTests.document()
        let paths = try #require(document["paths"] as? [String: Any])
        func shape(_ path: String) -> String { path.replacing(/\{[^}]*\}/, with: "{}") }
        let operations = Dictionary(paths.map { (shape($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        for route in Self.routes where route.isAPI {
            let operation = (operations[shape(route.pattern)] as? [String: Any])?[route.method.rawValue.lowercased()] as? [String: Any]
            let documented = Set((operation?["responses"] as? [String: Any] ?? [:]).keys)
            for (actor, outcome) in route.expected {
                let status: String? =
                    switch outcome {
                    case .signInFirst: "401"
                    case .forbidden: "403"
                    case .notFound: "404"
                    case .allowed: nil
                    }
                guard let status else { continue }
                #expect(documented.contains(status), "\(route.testDescription) answers \(status) to \(actor) but its operation does not document it")
            }
        }
    }
}
