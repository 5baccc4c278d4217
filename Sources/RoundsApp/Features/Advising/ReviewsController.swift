import Fluent
import RoundsCore
import Tagged
import Vapor

/// Review requests: the applicant sends a statement version, an export or the program list to an
/// advisor; the advisor comments on passages and returns it; the applicant decides on suggestions.
struct ReviewsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let parties = routes.grouped(SignInRequired(roles: [.applicant, .advisor]))
        parties.get(SiteRoute.reviews, use: self.list)
        parties.get(SiteRoute.review(.key), use: self.show)
        parties.post(SiteRoute.reviewAction(.key, .key), use: self.act)
        let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
        applicants.post(SiteRoute.reviews, use: self.request)
        applicants.post(SiteRoute.reviewDecisions(.key), use: self.decide)
        let advisors = routes.grouped(SignInRequired(roles: [.advisor]))
        advisors.post(SiteRoute.reviewComments(.key), use: self.comment)
        advisors.post(SiteRoute.deleteReviewComment(.key, .key), use: self.deleteComment)
    }

    @Sendable func list(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser()
        return ReviewPages.index(
            reviews: try await req.reviews.reviews(of: user), viewerIsAdvisor: user.has(.advisor) && !user.has(.applicant), form: .init(), errors: ValidationReport(),
            context: req.pageContext
        ).page()
    }

    @Sendable func request(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let form = try req.content.decode(ReviewDesk.RequestForm.self)
        do {
            let review = try await req.reviews.request(form, by: user, sending: { try await Self.sent($0, version: $1, by: user, req: req) })
            return req.redirect(to: SiteRoute.review(review.typedID).path, flash: Flash(kind: .success, message: "Sent to \(review.advisor.displayName)."))
        } catch let report as ValidationReport {
            // A statement's request comes from its page: answer there, with the form as typed.
            if form.subject == ReviewSubject.statement.rawValue, let id = form.version.flatMap(UUID.init(uuidString:)),
                let version = try await StatementVersion.query(on: req.db).filter(\.$id == id).first(),
                let statement = try? await req.statements.statement(StatementID(rawValue: version.$statement.id), of: user)
            {
                return try await StatementsController.page(req, statement: statement, shown: statement.versions.last!, draft: nil, errors: ValidationReport(), requestForm: form, requestErrors: report)
                    .page(status: .unprocessableEntity).encodeResponse(for: req)
            }
            let reviews = try await req.reviews.reviews(of: user)
            return try await ReviewPages.index(reviews: reviews, viewerIsAdvisor: false, form: form, errors: report, context: req.pageContext)
                .page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    /// What a request sends, read now: only the applicant's own statement versions, exports and list.
    static func sent(_ subject: ReviewSubject, version: UUID?, by user: User, req: Request) async throws -> ReviewDesk.Sent {
        switch subject {
        case .statement:
            guard let version, let found = try await StatementVersion.query(on: req.db).filter(\.$id == version).with(\.$statement).first(),
                found.statement.$owner.id == user.id
            else { throw ValidationReport([FieldError(field: "version", message: "Choose one of your statement's versions to send.")]) }
            return .init(subject: .statement, title: "\(found.statement.title), version \(found.number)", text: found.text, version: found)
        case .erasExport, .amcasExport:
            let format: PortfolioExport.Format = subject == .erasExport ? .eras : .amcas
            let result = try await req.portfolio.export(format, of: user)
            guard !result.entries.isEmpty else {
                throw ValidationReport([FieldError(field: "subject", message: "No experience in your portfolio is marked for the \(format.displayName) export yet; there is nothing to send.")])
            }
            return .init(subject: subject, title: "\(format.displayName) (\(result.entries.count) entries)", text: PortfolioExport.plainText(result), version: nil)
        case .programList:
            let year = try await ResidencyController.year(req, user: user)
            let programs = try await req.planner.programs(of: user, year: year)
            guard !programs.isEmpty else {
                throw ValidationReport([FieldError(field: "subject", message: "Your \(year) program list is empty; add programs in the residency planner first.")])
            }
            let lines = programs.sorted { ($0.rank ?? Int.max, $0.name) < ($1.rank ?? Int.max, $1.name) }.map { program in
                (program.rank.map { "Rank \($0): " } ?? "") + "\(program.name) — \(program.specialty), \(program.city), \(program.state) — \(program.status.rawValue)"
                    + (program.signal.map { ", \($0.rawValue) signal" } ?? "")
            }
            return .init(subject: .programList, title: "Program list for the \(year) Match (\(programs.count) programs)", text: lines.joined(separator: "\n"), version: nil)
        }
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser()
        let review = try await req.reviews.review(req.parameters.get(ReviewID.self), for: user)
        return Self.page(req, review: review, user: user, draft: ReviewCommentDraft(), errors: ValidationReport()).page()
    }

    static func page(_ req: Request, review: Review, user: User, draft: ReviewCommentDraft, errors: ValidationReport) -> PageLayout {
        ReviewPages.review(.init(review: review, viewerIsAdvisor: review.$advisor.id == user.id, commentDraft: draft, errors: errors, context: req.pageContext))
    }

    struct CommentForm: Content {
        var quote: String?
        var near: String?
        var body: String?
        var replacement: String?
        var suggests: String?

        var draft: ReviewCommentDraft {
            ReviewCommentDraft(quote: self.quote ?? "", near: self.near ?? "", body: self.body ?? "", replacement: self.replacement ?? "", suggests: self.suggests == "yes")
        }
    }

    @Sendable func comment(req: Request) async throws -> Response {
        let user = try req.requireUser(.advisor)
        let review = try await req.reviews.review(req.parameters.get(ReviewID.self), for: user)
        let draft = try req.content.decode(CommentForm.self).draft
        do {
            _ = try await req.reviews.comment(draft, on: review, by: user)
            return req.redirect(to: SiteRoute.review(review.typedID).path, flash: Flash(kind: .success, message: "Comment added."))
        } catch let report as ValidationReport {
            return try await Self.page(req, review: review, user: user, draft: draft, errors: report).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func deleteComment(req: Request) async throws -> Response {
        let user = try req.requireUser(.advisor)
        let review = try await req.reviews.review(req.parameters.get(ReviewID.self), for: user)
        try await req.reviews.deleteComment(req.parameters.get(ReviewCommentID.self), on: review, by: user)
        return req.redirect(to: SiteRoute.review(review.typedID).path, flash: Flash(kind: .success, message: "Comment removed."))
    }

    struct ActionForm: Content {
        var summary: String?
    }

    @Sendable func act(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let review = try await req.reviews.review(req.parameters.get(ReviewID.self), for: user)
        guard let action = req.parameters.get(ReviewAction.self) else { throw Abort(.notFound) }
        do {
            try await req.reviews.act(action, on: review, by: user, summary: try req.content.decode(ActionForm.self).summary)
        } catch let report as ValidationReport {
            return try await Self.page(req, review: review, user: user, draft: ReviewCommentDraft(), errors: report).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        let message = switch action {
        case .start: "Review started."
        case .return: "Returned to \(review.applicant.displayName)."
        case .close: "Review closed."
        case .withdraw: "Request withdrawn."
        }
        return req.redirect(to: SiteRoute.review(review.typedID).path, flash: Flash(kind: .success, message: message))
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let review = try await req.reviews.review(req.parameters.get(ReviewID.self), for: user)
        let fields = try req.content.decode([String: String].self)
        var decisions: [UUID: SuggestionDecision] = [:]
        for (key, value) in fields where key.hasPrefix("decision-") {
            guard let id = UUID(uuidString: String(key.dropFirst("decision-".count))), let decision = SuggestionDecision(rawValue: value) else {
                throw Abort(.badRequest, reason: "Each decision is one of: \(SuggestionDecision.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            decisions[id] = decision
        }
        do {
            let version = try await req.reviews.decide(decisions, on: review, by: user, statements: req.statements)
            if let version {
                return req.redirect(
                    to: SiteRoute.statement(StatementID(rawValue: version.$statement.id)).path,
                    flash: Flash(kind: .success, message: "Saved version \(version.number) with the accepted suggestions."))
            }
            return req.redirect(to: SiteRoute.review(review.typedID).path, flash: Flash(kind: .success, message: "Decisions saved."))
        } catch let report as ValidationReport {
            return try await Self.page(req, review: review, user: user, draft: ReviewCommentDraft(), errors: report).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }
}
