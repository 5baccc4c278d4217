import Fluent
import Foundation
import Tagged
import RoundsCore
import SafeMarkdown
import Vapor

/// The newsletter for visitors: sign up, confirm from the e-mail, unsubscribe with one click, and read
/// past issues. Nothing here needs an account.
struct NewsletterController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.newsletter, use: self.form)
        routes.post(SiteRoute.newsletter, use: self.subscribe)
        routes.get(SiteRoute.newsletterConfirm, use: self.confirmPage)
        routes.post(SiteRoute.newsletterConfirm, use: self.confirm)
        routes.get(SiteRoute.newsletterUnsubscribe, use: self.unsubscribePage)
        // Also the one-click target of the List-Unsubscribe header (RFC 8058): mail programs POST here
        // without a form or cookie, so CSRFMiddleware lets this path through; the token is the credential.
        routes.post(SiteRoute.newsletterUnsubscribe, use: self.unsubscribe)
        routes.get(SiteRoute.newsletterIssues, use: self.archive)
        routes.get(SiteRoute.newsletterIssue(.key), use: self.issue)
    }

    struct SignUpForm: Content {
        var email: String?
    }

    struct TokenQuery: Content {
        var token: String?
    }

    @Sendable func form(req: Request) async throws -> HTMLPage {
        NewsletterPages.signUp(email: "", errors: ValidationReport(), context: req.pageContext).page()
    }

    @Sendable func subscribe(req: Request) async throws -> Response {
        let email = try req.content.decode(SignUpForm.self).email ?? ""
        do {
            try await req.subscribeToNewsletter(email)
        } catch let report as ValidationReport {
            return try await NewsletterPages.signUp(email: email, errors: report, context: req.pageContext).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        // The same answer whether or not the address was on the list.
        return req.redirect(
            to: SiteRoute.newsletter.path,
            flash: Flash(kind: .success, message: "Check your inbox: a confirmation link is on its way (if the address was already subscribed, nothing changes). It works once, for 48 hours."))
    }

    @Sendable func confirmPage(req: Request) async throws -> HTMLPage {
        let token = try req.query.decode(TokenQuery.self).token
        _ = try await req.newsletter.pending(token: token)
        return NewsletterPages.confirm(token: token ?? "", context: req.pageContext).page()
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        try await req.newsletter.confirm(token: try req.content.decode(TokenQuery.self).token)
        return req.redirect(to: SiteRoute.newsletterIssues.path, flash: Flash(kind: .success, message: "You are subscribed. The next issue comes to your inbox."))
    }

    @Sendable func unsubscribePage(req: Request) async throws -> HTMLPage {
        let token = try req.query.decode(TokenQuery.self).token
        let subscriber = try await req.newsletter.subscriber(unsubscribeToken: token)
        return NewsletterPages.unsubscribe(token: token ?? "", alreadyOff: subscriber.status == .unsubscribed, context: req.pageContext).page()
    }

    @Sendable func unsubscribe(req: Request) async throws -> HTMLPage {
        try await req.newsletter.unsubscribe(token: try req.query.decode(TokenQuery.self).token)
        return NewsletterPages.unsubscribed(context: req.pageContext).page()
    }

    @Sendable func archive(req: Request) async throws -> HTMLPage {
        NewsletterPages.archive(try await req.newsletter.sentIssues(), context: req.pageContext).page()
    }

    @Sendable func issue(req: Request) async throws -> HTMLPage {
        let issue = try await req.newsletter.sentIssue(req.parameters.get(NewsletterIssueID.self))
        return NewsletterPages.issue(issue, intro: SafeMarkdown.render(issue.intro), guides: try await req.newsletter.guides(of: issue), context: req.pageContext).page()
    }
}
