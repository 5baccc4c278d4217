import Fluent
import Foundation
import Tagged
import RoundsCore
import SafeMarkdown
import Vapor

/// Administrators compose the monthly issue from published guides, preview it, and send it.
struct NewsletterAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admins = routes.grouped(SignInRequired(roles: [.admin]))
        admins.get(SiteRoute.adminNewsletter, use: self.list)
        admins.get(SiteRoute.adminNewsletterNew, use: self.new)
        admins.post(SiteRoute.adminNewsletter, use: self.create)
        admins.get(SiteRoute.adminNewsletterIssue(.key), use: self.show)
        admins.post(SiteRoute.adminNewsletterIssue(.key), use: self.update)
        admins.post(SiteRoute.adminNewsletterSend(.key), use: self.send)
    }

    struct IssueForm: Content {
        var subject: String?
        var intro: String?
        var guides: [String]?

        var draft: Newsletter.IssueDraft {
            Newsletter.IssueDraft(subject: self.subject ?? "", intro: self.intro ?? "", guideIDs: (self.guides ?? []).filter { !$0.isEmpty })
        }
    }

    static func issue(_ req: Request) async throws -> NewsletterIssue {
        guard let id = req.parameters.get(NewsletterIssueID.self)?.rawValue, let issue = try await NewsletterIssue.find(id, on: req.db) else {
            throw Abort(.notFound, reason: "No such issue.")
        }
        return issue
    }

    @Sendable func list(req: Request) async throws -> HTMLPage {
        _ = try req.requireUser(.admin)
        let issues = try await NewsletterIssue.query(on: req.db).sort(\.$createdAt, .descending).all()
        return NewsletterAdminPages.list(issues, counts: try await req.newsletter.counts(), context: req.pageContext).page()
    }

    private func formPage(_ req: Request, issue: NewsletterIssue?, form: IssueForm, errors: ValidationReport) async throws -> PageLayout {
        var preview: NewsletterAdminPages.Preview?
        if let issue {
            let guides = try await req.newsletter.guides(of: issue)
            let sample = req.newsletter.unsubscribeLink("(each subscriber's own link)")
            preview = .init(text: NewsletterMail.issue(issue, guides: guides, origin: req.application.config.server.origin, unsubscribe: sample), intro: SafeMarkdown.render(issue.intro), guides: guides)
        }
        return NewsletterAdminPages.form(
            .init(issue: issue, form: form, errors: errors, guides: try await req.guides.listed(), preview: preview, confirmed: try await req.newsletter.counts().confirmed, context: req.pageContext))
    }

    @Sendable func new(req: Request) async throws -> HTMLPage {
        _ = try req.requireUser(.admin)
        return try await self.formPage(req, issue: nil, form: IssueForm(), errors: ValidationReport()).page()
    }

    @Sendable func create(req: Request) async throws -> Response {
        _ = try req.requireUser(.admin)
        let form = try req.content.decode(IssueForm.self)
        do {
            let issue = try await req.newsletter.save(form.draft, as: nil)
            return req.redirect(to: SiteRoute.adminNewsletterIssue(try issue.requireTypedID()).path, flash: Flash(kind: .success, message: "Draft saved. Check the preview, then send."))
        } catch let report as ValidationReport {
            return try await self.formPage(req, issue: nil, form: form, errors: report).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        _ = try req.requireUser(.admin)
        let issue = try await Self.issue(req)
        let form = IssueForm(subject: issue.subject, intro: issue.intro, guides: issue.guideIDs.map(\.uuidString))
        return try await self.formPage(req, issue: issue, form: form, errors: ValidationReport()).page()
    }

    @Sendable func update(req: Request) async throws -> Response {
        _ = try req.requireUser(.admin)
        let issue = try await Self.issue(req)
        let form = try req.content.decode(IssueForm.self)
        do {
            try await req.newsletter.save(form.draft, as: issue)
            return req.redirect(to: SiteRoute.adminNewsletterIssue(try issue.requireTypedID()).path, flash: Flash(kind: .success, message: "Draft saved."))
        } catch let report as ValidationReport {
            return try await self.formPage(req, issue: issue, form: form, errors: report).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func send(req: Request) async throws -> Response {
        let admin = try req.requireUser(.admin)
        let issue = try await Self.issue(req)
        let count = try await req.newsletter.send(issue, by: admin)
        return req.redirect(
            to: SiteRoute.adminNewsletter.path,
            flash: Flash(kind: .success, message: "“\(issue.subject)” queued for \(counted(count, "confirmed subscriber")); the outbox sends it in batches."))
    }
}
