import Foundation

/// Every URL Rounds serves. Routes are registered from these constants and views link with them,
/// so a path is written once.
enum Paths {
    static let home = "/"
    static let healthz = "/healthz"
    static let stylesheet = "/assets/rounds.css"
    static let favicon = "/assets/favicon.svg"
    static let script = "/assets/rounds.js"

    static let signUp = "/sign-up"
    static let signIn = "/sign-in"
    static let signOut = "/sign-out"
    static let forgotPassword = "/password/forgot"
    static let resetPassword = "/password/reset"
    static let account = "/account"
    static let changePassword = "/account/password"
    static let tokens = "/account/tokens"
    static func revokeToken(_ id: UUID) -> String { "/account/tokens/\(id.uuidString)/revoke" }
    static let profile = "/profile"
    static let opportunities = "/opportunities"
    static let hostSites = "/host/sites"
    static let newSite = "/host/sites/new"
    static func newOpportunity(site: UUID) -> String { "/host/sites/\(site.uuidString)/opportunities/new" }
    static func createOpportunity(site: UUID) -> String { "/host/sites/\(site.uuidString)/opportunities" }
    static func hostOpportunity(_ id: UUID) -> String { "/host/opportunities/\(id.uuidString)" }
    static func publishOpportunity(_ id: UUID) -> String { "/host/opportunities/\(id.uuidString)/publish" }
    static func archiveOpportunity(_ id: UUID) -> String { "/host/opportunities/\(id.uuidString)/archive" }
    static func addSession(_ id: UUID) -> String { "/host/opportunities/\(id.uuidString)/sessions" }
    static func deleteSession(_ id: UUID) -> String { "/host/sessions/\(id.uuidString)/delete" }
    static let adminSites = "/admin/sites"
    static func verifySite(_ id: UUID) -> String { "/admin/sites/\(id.uuidString)/verify" }
    static func opportunity(_ id: UUID) -> String { "/opportunities/\(id.uuidString)" }
    static let documents = "/documents"
    static func document(_ id: UUID) -> String { "/documents/\(id.uuidString)" }
    static func deleteDocument(_ id: UUID) -> String { "/documents/\(id.uuidString)/delete" }
    static let applications = "/applications"
    static func apply(session: UUID) -> String { "/sessions/\(session.uuidString)/apply" }
    static func application(_ id: UUID) -> String { "/applications/\(id.uuidString)" }
    static func editApplication(_ id: UUID) -> String { "/applications/\(id.uuidString)/edit" }
    static func applicationAction(_ id: UUID, _ action: String) -> String { "/applications/\(id.uuidString)/actions/\(action)" }
    static func evaluatePlacement(_ id: UUID) -> String { "/host/applications/\(id.uuidString)/evaluation" }
    static let hostApplications = "/host/applications"
    static let hostBulkReject = "/host/applications/reject"
    /// Hosts review an application on the same page its applicant sees, with a host's view of it.
    static func hostApplication(_ id: UUID) -> String { application(id) }
    static let cycles = "/cycles"
    static let advisorCycles = "/advisor/cycles"
    static func advisorCycle(_ id: UUID) -> String { "/advisor/cycles/\(id.uuidString)" }
    static func placementCycle(_ id: UUID) -> String { "/cycles/\(id.uuidString)" }
    static func hostCycleSession(_ cycle: UUID, _ session: UUID) -> String { "/host/cycles/\(cycle.uuidString)/sessions/\(session.uuidString)" }
    static let letters = "/letters"
    static func letter(_ id: UUID) -> String { "/letters/\(id.uuidString)" }
    static func letterFile(_ id: UUID) -> String { "/letters/\(id.uuidString)/file" }
    static func letterAction(_ id: UUID, _ action: String) -> String { "/letters/\(id.uuidString)/\(action)" }
    static func unassignLetter(_ id: UUID, program: UUID) -> String { "/letters/\(id.uuidString)/assignments/\(program.uuidString)/delete" }
    /// The writer's page; the token travels in the query, which logs never record.
    static let letterLink = "/letter-link"
    static let letterLinkUpload = "/letter-link/upload"
    static let letterLinkDecline = "/letter-link/decline"
    static let reviewerPrograms = "/reviewer/programs"
    static func reviewerProgram(_ id: UUID) -> String { "/reviewer/programs/\(id.uuidString)" }
    static func reviewerLetterFile(program: UUID, letter: UUID) -> String { "/reviewer/programs/\(program.uuidString)/letters/\(letter.uuidString)" }
    static let adminPrograms = "/admin/programs"
    static func adminProgramReviewers(_ id: UUID) -> String { "/admin/programs/\(id.uuidString)/reviewers" }
    static let adminLetterReads = "/admin/letter-reads"
    static let portfolio = "/portfolio"
    static let newExperience = "/portfolio/experiences/new"
    static let experiences = "/portfolio/experiences"
    static func experience(_ id: UUID) -> String { "/portfolio/experiences/\(id.uuidString)" }
    static func experienceAction(_ id: UUID, _ action: String) -> String { "/portfolio/experiences/\(id.uuidString)/\(action)" }
    static func deleteHourLog(_ experience: UUID, _ log: UUID) -> String { "/portfolio/experiences/\(experience.uuidString)/logs/\(log.uuidString)/delete" }
    static let portfolioGoals = "/portfolio/goals"
    static func deleteGoal(_ id: UUID) -> String { "/portfolio/goals/\(id.uuidString)/delete" }
    static func portfolioExport(_ format: String) -> String { "/portfolio/export/\(format)" }
    static func portfolioExportCSV(_ format: String) -> String { "/portfolio/export/\(format)/csv" }
    /// The supervisor's page; the token travels in the query.
    static let verifyExperience = "/verify-experience"
    static let notifications = "/notifications"
    static let readNotifications = "/notifications/read"
    static let twoFactor = "/account/two-factor"
    static let enableTwoFactor = "/account/two-factor/enable"
    static let disableTwoFactor = "/account/two-factor/disable"
    static let recoveryCodes = "/account/two-factor/recovery-codes"
    static let signInTwoFactor = "/sign-in/two-factor"

    enum API {
        static let root = "/api/v1"
        static let openAPI = "/api/v1/openapi.json"
        static let tokens = "/api/v1/tokens"
        static let me = "/api/v1/me"
        static let profile = "/api/v1/profile"
        static let opportunities = "/api/v1/opportunities"
        static let documents = "/api/v1/documents"
        static let applications = "/api/v1/applications"
        static let hostApplications = "/api/v1/host/applications"
        static let notifications = "/api/v1/notifications"
        static let cycles = "/api/v1/cycles"
        static let letters = "/api/v1/letters"
        static let experiences = "/api/v1/portfolio/experiences"
        static let portfolio = "/api/v1/portfolio"
        static let verification = "/api/v1/verification"
        static let letterLink = "/api/v1/letter-link"
        static let programs = "/api/v1/programs"
        static let letterReads = "/api/v1/letter-reads"
    }

    /// A path with a query string built from encoded pairs. Pass a path only: an origin in front would be
    /// encoded as part of the path (`http%3A//…`); put the origin before the result instead.
    static func with(_ path: String, query: [(String, String)]) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.string ?? path
    }

    /// Only our own absolute paths may be used as a redirect target after sign-in (no open redirect).
    static func isSafeRedirect(_ target: String) -> Bool {
        target.hasPrefix("/") && !target.hasPrefix("//") && !target.contains("\\")
            && !target.contains("\n") && !target.contains("\r") && target.count <= 512
    }
}
