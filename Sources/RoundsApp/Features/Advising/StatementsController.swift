import Fluent
import RoundsCore
import Tagged
import Vapor

/// The applicant's personal statements: list and create, one statement with its versions, a new
/// version, and the word diff of two versions.
struct StatementsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
        applicants.get(SiteRoute.statements, use: self.list)
        applicants.post(SiteRoute.statements, use: self.create)
        applicants.get(SiteRoute.statement(.key), use: self.show)
        applicants.post(SiteRoute.statementVersions(.key), use: self.addVersion)
        applicants.get(SiteRoute.statementDiff(.key), use: self.diff)
    }

    /// A version as the form or JSON sends it; absent fields are empty, so the check names each.
    struct VersionForm: Content {
        var title: String?
        var specialty: String?
        var service: String?
        var text: String?
        var note: String?

        var draft: StatementDraft {
            StatementDraft(title: self.title ?? "", specialty: self.specialty ?? "", service: self.service ?? "", text: self.text ?? "", note: self.note ?? "")
        }
    }

    @Sendable func list(req: Request) async throws -> HTMLPage {
        try await Self.listPage(req, draft: StatementDraft(), errors: ValidationReport()).page()
    }

    static func listPage(_ req: Request, draft: StatementDraft, errors: ValidationReport) async throws -> PageLayout {
        let user = try req.requireUser(.applicant)
        return StatementPages.list(
            .init(statements: try await req.statements.statements(of: user), reviews: try await req.reviews.reviews(of: user).filter { $0.$applicant.id == user.id },
                  draft: draft, errors: errors, context: req.pageContext))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let draft = try req.content.decode(VersionForm.self).draft
        do {
            let statement = try await req.statements.create(draft, by: user)
            return req.redirect(to: SiteRoute.statement(statement.typedID).path, flash: Flash(kind: .success, message: "Saved version 1."))
        } catch let report as ValidationReport {
            return try await Self.listPage(req, draft: draft, errors: report).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser(.applicant)
        let statement = try await req.statements.statement(req.parameters.get(StatementID.self), of: user)
        let shown = try Self.version(req, of: statement)
        return try await Self.page(req, statement: statement, shown: shown, draft: nil, errors: ValidationReport()).page()
    }

    /// `?version=N`, or the latest; 404 for a number the statement does not have.
    static func version(_ req: Request, of statement: PersonalStatement, key: String = "version") throws -> StatementVersion {
        guard let raw = req.query[String.self, at: key] else {
            guard let latest = statement.versions.last else { throw StatementStore.notFound }
            return latest
        }
        guard let number = Int(raw), let version = statement.versions.first(where: { $0.number == number }) else {
            throw Abort(.notFound, reason: "This statement has no version \(raw.prefix(20)).")
        }
        return version
    }

    static func page(
        _ req: Request, statement: PersonalStatement, shown: StatementVersion, draft: StatementDraft?, errors: ValidationReport,
        requestForm: ReviewDesk.RequestForm = .init(), requestErrors: ValidationReport = ValidationReport()
    ) async throws -> PageLayout {
        let latest = statement.versions.last ?? shown
        let comments = try await Self.comments(req, on: statement, placedIn: shown)
        let draft = draft ?? StatementDraft(title: statement.title, specialty: statement.specialty, service: statement.service.rawValue, text: latest.text)
        return StatementPages.statement(
            .init(statement: statement, shown: shown, comments: comments, draft: draft, errors: errors, requestErrors: requestErrors, requestForm: requestForm, context: req.pageContext))
    }

    /// Comments from the statement's returned and closed reviews, each placed in the shown version when
    /// its passage is still there word for word, else marked outdated.
    static func comments(_ req: Request, on statement: PersonalStatement, placedIn shown: StatementVersion) async throws -> [(comment: ReviewComment, review: Review, anchor: TextAnchor?)] {
        let versionIDs = statement.versions.compactMap(\.id)
        let reviews = try await Review.query(on: req.db).filter(\.$statementVersion.$id ~~ versionIDs).filter(\.$status ~~ [.returned, .closed])
            .with(\.$advisor).with(\.$comments).sort(\.$createdAt).all()
        return reviews.flatMap { review in
            review.comments.sorted { $0.start < $1.start }.map { comment in
                (comment, review, review.$statementVersion.id == shown.id ? comment.anchor : comment.anchor.relocated(in: shown.text))
            }
        }
    }

    @Sendable func addVersion(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let statement = try await req.statements.statement(req.parameters.get(StatementID.self), of: user)
        let draft = try req.content.decode(VersionForm.self).draft
        do {
            let version = try await req.statements.addVersion(draft, to: statement, by: user)
            return req.redirect(to: SiteRoute.statement(statement.typedID).path, flash: Flash(kind: .success, message: "Saved version \(version.number)."))
        } catch let report as ValidationReport {
            let shown = statement.versions.last!
            return try await Self.page(req, statement: statement, shown: shown, draft: draft, errors: report).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func diff(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser(.applicant)
        let statement = try await req.statements.statement(req.parameters.get(StatementID.self), of: user)
        let from = try Self.version(req, of: statement, key: "from")
        let to = try Self.version(req, of: statement, key: "to")
        return StatementPages.diff(statement: statement, from: from, to: to, result: WordDiff.compare(from.text, to.text), context: req.pageContext).page()
    }
}
