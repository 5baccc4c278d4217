import Fluent
import RoundsCore
import Tagged
import Vapor

/// The supervisor's verification page (no account: the link's token is the credential) and the host's
/// evaluation of a completed placement.
struct VerificationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.verifyExperience, use: self.show)
        routes.post(SiteRoute.verifyExperience, use: self.answer)
        let hosts = routes.grouped(SignInRequired(roles: [.host]))
        hosts.get(SiteRoute.evaluatePlacement(.key), use: self.evaluationForm)
        hosts.post(SiteRoute.evaluatePlacement(.key), use: self.evaluate)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        do {
            let (_, loaded, applicant) = try await req.experienceVerifications.open(token: token, ip: req.clientIP)
            return try await VerificationPages.page(loaded, applicant: applicant, token: token, errors: ValidationReport(), context: req.pageContext)
                .page().encodeResponse(for: req)
        } catch let error as any AbortError where error.status == .gone {
            return try await VerificationPages.done(error.reason, status: "Link used or expired", context: req.pageContext).page(status: .gone).encodeResponse(for: req)
        }
    }

    @Sendable func answer(req: Request) async throws -> Response {
        let form = try req.content.decode(VerificationAnswerForm.self)
        let token = form.token ?? ""
        do {
            let checked = try await req.experienceVerifications.answer(token: token, form.draft, ip: req.clientIP)
            let message =
                checked.outcome == .declined
                ? "You declined to confirm the experience; the applicant has been told."
                : "Thank you, \(checked.typedName): the experience now shows as verified by you (\(counted(checked.hours ?? 0, "hour")))."
            return try await VerificationPages.done(message, status: "Answer recorded", context: req.pageContext).page().encodeResponse(for: req)
        } catch let report as ValidationReport {
            let (_, loaded, applicant) = try await req.experienceVerifications.open(token: token, ip: req.clientIP)
            return try await VerificationPages.page(loaded, applicant: applicant, token: token, errors: report, context: req.pageContext)
                .page(status: .unprocessableEntity).encodeResponse(for: req)
        } catch let error as any AbortError where error.status == .gone {
            return try await VerificationPages.done(error.reason, status: "Link used or expired", context: req.pageContext).page(status: .gone).encodeResponse(for: req)
        }
    }

    @Sendable func evaluationForm(req: Request) async throws -> HTMLPage {
        let loaded = try await self.hosted(req)
        return VerificationPages.evaluation(loaded, errors: ValidationReport(), context: req.pageContext).page()
    }

    @Sendable func evaluate(req: Request) async throws -> Response {
        let loaded = try await self.hosted(req)
        let form = try EvaluationForm.decode(req)
        do {
            try await req.placementEvaluations.record(loaded, by: try req.requireUser(.host), scores: form.scores, comments: form.comments)
        } catch let report as ValidationReport {
            return try await VerificationPages.evaluation(loaded, errors: report, context: req.pageContext).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        return req.redirect(to: SiteRoute.application(try loaded.application.requireTypedID()).path, flash: Flash(kind: .success, message: "Evaluation sent."))
    }

    private func hosted(_ req: Request) async throws -> LoadedApplication {
        let host = try req.requireUser(.host)
        let loaded = try await LoadedApplication.visible(req, to: host)
        guard loaded.parties(of: host).contains(.host) else { throw ApplicationWorkflow.notFound }
        return loaded
    }
}
