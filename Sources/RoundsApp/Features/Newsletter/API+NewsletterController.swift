import Fluent
import Foundation
import RoundsCore
import SafeMarkdown
import Tagged
import Vapor

extension API {
    /// The newsletter over JSON: sign up (the confirmation still comes by e-mail) and read past issues.
    /// Nothing here needs an account.
    struct NewsletterController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            routes.post(APIRoute.newsletterSubscriptions, use: self.subscribe)
            routes.get(APIRoute.newsletterIssues, use: self.issues)
            routes.get(APIRoute.newsletterIssue(.key), use: self.issue)
        }

        struct SubscriptionInput: Content {
            var email: String
        }

        struct SubscriptionResponse: Content {
            var message: String
        }

        /// 202 whether or not the address was on the list, as the page answers.
        @Sendable func subscribe(req: Request) async throws -> Response {
            let input = try req.jsonBody(SubscriptionInput.self)
            guard input.email.textLength <= EmailAddress.maximumLength else {
                throw ValidationReport([FieldError(field: "email", message: "An e-mail address is at most \(EmailAddress.maximumLength) characters.")])
            }
            try await req.subscribeToNewsletter(input.email)
            return try await SubscriptionResponse(message: "A confirmation link is on its way (if the address was already subscribed, nothing changes). It works once, for 48 hours.")
                .encodeResponse(status: .accepted, for: req)
        }

        struct IssueSummary: Content {
            var id: UUID
            var subject: String
            var sentAt: Date?
            var url: String

            enum CodingKeys: String, CodingKey {
                case id, subject, url
                case sentAt = "sent_at"
            }

            init(_ issue: NewsletterIssue) throws {
                self.id = try issue.requireID()
                self.subject = issue.subject
                self.sentAt = issue.sentAt
                self.url = SiteRoute.newsletterIssue(NewsletterIssueID(rawValue: self.id)).path
            }
        }

        struct IssueResponse: Content {
            var issue: IssueSummary
            var intro: String
            var introHTML: String
            var guides: [GuideSummaryResponse]

            enum CodingKeys: String, CodingKey {
                case issue, intro, guides
                case introHTML = "intro_html"
            }
        }

        @Sendable func issues(req: Request) async throws -> [IssueSummary] {
            try await req.newsletter.sentIssues().map(IssueSummary.init)
        }

        @Sendable func issue(req: Request) async throws -> IssueResponse {
            let issue = try await req.newsletter.sentIssue(req.parameters.get(NewsletterIssueID.self))
            return IssueResponse(
                issue: try IssueSummary(issue), intro: issue.intro, introHTML: SafeMarkdown.render(issue.intro).html,
                guides: try await req.newsletter.guides(of: issue).map(GuideSummaryResponse.init))
        }
    }
}
