import Fluent
import Foundation
import RoundsCore
import SafeMarkdown
import Tagged
import Vapor

/// An issue as administrators see it over JSON: a draft or a sent issue, with the e-mail's text.
struct AdminNewsletterIssueResponse: Content {
    var id: UUID
    var subject: String
    var intro: String
    var guideIDs: [UUID]
    var status: NewsletterIssue.Status
    var createdAt: Date
    var sentAt: Date?
    var recipients: Int
    /// The e-mail as each subscriber gets it, with a placeholder for their own unsubscribe link.
    var preview: String

    enum CodingKeys: String, CodingKey {
        case id, subject, intro, status, recipients, preview
        case guideIDs = "guide_ids"
        case createdAt = "created_at"
        case sentAt = "sent_at"
    }
}

struct AdminNewsletterResponse: Content {
    struct Counts: Content {
        var confirmed: Int
        var pending: Int
        var unsubscribed: Int
    }

    /// Subscribers by state; never their addresses.
    var subscribers: Counts
    var issues: [AdminNewsletterIssueResponse]
}

struct NewsletterSendResponse: Content {
    var issue: AdminNewsletterIssueResponse
    var queued: Int
}

extension API {
    /// The administrators' newsletter over JSON: the same drafts, checks and sending as the pages.
    struct NewsletterAdminController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let admins = routes.grouped(SignInRequired(roles: [.admin]))
            admins.get(APIRoute.adminNewsletter, use: self.overview)
            admins.post(APIRoute.adminNewsletterIssues, use: self.create)
            admins.get(APIRoute.adminNewsletterIssue(.key), use: self.show)
            admins.put(APIRoute.adminNewsletterIssue(.key), use: self.update)
            admins.post(APIRoute.adminNewsletterSend(.key), use: self.send)
        }

        struct IssueInput: Content {
            var subject: String
            var intro: String
            var guideIDs: [String]

            enum CodingKeys: String, CodingKey {
                case subject, intro
                case guideIDs = "guide_ids"
            }

            var draft: Newsletter.IssueDraft { Newsletter.IssueDraft(subject: self.subject, intro: self.intro, guideIDs: self.guideIDs) }
        }

        private func response(_ issue: NewsletterIssue, _ req: Request) async throws -> AdminNewsletterIssueResponse {
            let guides = try await req.newsletter.guides(of: issue)
            let sample = req.newsletter.unsubscribeLink("(each subscriber's own link)")
            return AdminNewsletterIssueResponse(
                id: try issue.requireID(), subject: issue.subject, intro: issue.intro, guideIDs: issue.guideIDs, status: issue.status,
                createdAt: issue.createdAt, sentAt: issue.sentAt, recipients: issue.recipients,
                preview: NewsletterMail.issue(issue, guides: guides, origin: req.application.config.server.origin, unsubscribe: sample))
        }

        @Sendable func overview(req: Request) async throws -> AdminNewsletterResponse {
            _ = try req.requireUser(.admin)
            let counts = try await req.newsletter.counts()
            var issues: [AdminNewsletterIssueResponse] = []
            for issue in try await NewsletterIssue.query(on: req.db).sort(\.$createdAt, .descending).all() {
                issues.append(try await self.response(issue, req))
            }
            return AdminNewsletterResponse(
                subscribers: .init(confirmed: counts.confirmed, pending: counts.pending, unsubscribed: counts.unsubscribed), issues: issues)
        }

        @Sendable func create(req: Request) async throws -> Response {
            _ = try req.requireUser(.admin)
            let issue = try await req.newsletter.save(try req.jsonBody(IssueInput.self).draft, as: nil)
            return try await self.response(issue, req).encodeResponse(status: .created, for: req)
        }

        @Sendable func show(req: Request) async throws -> AdminNewsletterIssueResponse {
            _ = try req.requireUser(.admin)
            return try await self.response(try await RoundsApp.NewsletterAdminController.issue(req), req)
        }

        @Sendable func update(req: Request) async throws -> AdminNewsletterIssueResponse {
            _ = try req.requireUser(.admin)
            let issue = try await RoundsApp.NewsletterAdminController.issue(req)
            try await req.newsletter.save(try req.jsonBody(IssueInput.self).draft, as: issue)
            return try await self.response(issue, req)
        }

        @Sendable func send(req: Request) async throws -> NewsletterSendResponse {
            let admin = try req.requireUser(.admin)
            let issue = try await RoundsApp.NewsletterAdminController.issue(req)
            let queued = try await req.newsletter.send(issue, by: admin)
            guard let sent = try await NewsletterIssue.find(issue.id, on: req.db) else { throw Abort(.notFound, reason: "No such issue.") }
            return NewsletterSendResponse(issue: try await self.response(sent, req), queued: queued)
        }
    }
}
