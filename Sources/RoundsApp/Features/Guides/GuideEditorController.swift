import Fluent
import Foundation
import RoundsCore
import SafeMarkdown
import Vapor

/// Administrators and advisors write guides: a list of those they keep, a form, delete.
struct GuideEditorController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let editors = routes.grouped(SignInRequired(roles: [.admin, .advisor]))
        editors.get(SiteRoute.manageGuides, use: self.manage)
        editors.get(SiteRoute.newGuide, use: self.new)
        editors.post(SiteRoute.guides, use: self.create)
        editors.get(SiteRoute.editGuide(.key), use: self.edit)
        editors.post(SiteRoute.editGuide(.key), use: self.update)
        editors.post(SiteRoute.deleteGuide(.key), use: self.delete)
    }

    static func editor(_ req: Request) throws -> User {
        let user = try req.requireUser()
        guard GuidesController.canWrite(user) else { throw Abort(.forbidden, reason: "Only administrators and advisors write guides.") }
        return user
    }

    /// The form's fields; absent ones are empty, so the check names each.
    struct GuideForm: Content {
        var title: String?
        var slug: String?
        var summary: String?
        var body: String?
        var tags: [String]?
        var status: String?

        var draft: GuideDraft {
            GuideDraft(
                title: self.title ?? "", slug: self.slug ?? "", summary: self.summary ?? "", body: self.body ?? "",
                tags: (self.tags ?? []).filter { !$0.isEmpty }, status: self.status ?? GuideStatus.draft.rawValue)
        }
    }

    @Sendable func manage(req: Request) async throws -> HTMLPage {
        let user = try Self.editor(req)
        return GuideEditorPages.manage(try await req.guides.kept(by: user), isAdmin: user.has(.admin), context: req.pageContext).page()
    }

    @Sendable func new(req: Request) async throws -> HTMLPage {
        _ = try Self.editor(req)
        return GuideEditorPages.form(.init(guide: nil, draft: GuideDraft(), errors: ValidationReport(), preview: nil, context: req.pageContext)).page()
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try Self.editor(req)
        let draft = try req.content.decode(GuideForm.self).draft
        do {
            let guide = try await req.guides.save(draft, as: nil, by: user)
            return req.redirect(to: SiteRoute.guide(guide.route).path, flash: Flash(kind: .success, message: guide.isPublished ? "Guide published." : "Draft saved."))
        } catch let report as ValidationReport {
            return try await GuideEditorPages.form(.init(guide: nil, draft: draft, errors: report, preview: nil, context: req.pageContext))
                .page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func edit(req: Request) async throws -> HTMLPage {
        let user = try Self.editor(req)
        let guide = try await req.guides.editable(req.parameters.get(GuideSlug.self), by: user)
        return GuideEditorPages.form(
            .init(guide: guide, draft: GuideDraft(guide.content), errors: ValidationReport(), preview: SafeMarkdown.render(guide.body), context: req.pageContext)
        ).page()
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try Self.editor(req)
        let guide = try await req.guides.editable(req.parameters.get(GuideSlug.self), by: user)
        let draft = try req.content.decode(GuideForm.self).draft
        let preview = SafeMarkdown.render(guide.body)
        do {
            try await req.guides.save(draft, as: guide, by: user)
            return req.redirect(to: SiteRoute.guide(guide.route).path, flash: Flash(kind: .success, message: "Saved."))
        } catch let report as ValidationReport {
            return try await GuideEditorPages.form(.init(guide: guide, draft: draft, errors: report, preview: preview, context: req.pageContext))
                .page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let user = try Self.editor(req)
        let guide = try await req.guides.editable(req.parameters.get(GuideSlug.self), by: user)
        try await req.guides.delete(guide)
        return req.redirect(to: SiteRoute.manageGuides.path, flash: Flash(kind: .success, message: "Deleted “\(guide.title)”."))
    }
}
