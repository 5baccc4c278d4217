import Fluent
import RoundsCore
import Vapor

/// The applicant's profile page.
struct ProfileController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
        applicants.get(SiteRoute.profile, use: self.edit)
        applicants.post(SiteRoute.profile, use: self.update)
    }

    @Sendable func edit(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser(.applicant)
        let stored = try await ProfileStore.load(for: user, on: req.db)
        let draft = stored.map(ApplicantProfileDraft.init) ?? ApplicantProfileDraft()
        return ProfileEditPage(draft: draft, errors: ValidationReport(), isNew: stored == nil, context: req.pageContext)
            .layout().page()
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let draft = try req.content.decode(ProfileForm.self).draft
        do {
            try await ProfileStore.save(draft, for: user, on: req.db, now: req.now)
        } catch let report as ValidationReport {
            return try await ProfileEditPage(draft: draft, errors: report, isNew: false, context: req.pageContext)
                .layout().page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        return req.redirect(to: SiteRoute.profile.path, flash: Flash(kind: .success, message: "Profile saved."))
    }
}
