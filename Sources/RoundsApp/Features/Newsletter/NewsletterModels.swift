import Fluent
import Foundation
import Tagged

/// An e-mail address on the newsletter list. Pending until its confirmation link is used (double
/// opt-in); only confirmed subscribers are sent issues. The confirmation token is stored hashed.
final class NewsletterSubscriber: Model, @unchecked Sendable {
    static let schema = "newsletter_subscribers"

    enum Status: String, Codable, Sendable { case pending, confirmed, unsubscribed }

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "status") var status: Status
    @OptionalField(key: "confirm_token_hash") var confirmTokenHash: String?
    @OptionalField(key: "confirm_expires_at") var confirmExpiresAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "unsubscribed_at") var unsubscribedAt: Date?

    init() {}

    init(email: String, now: Date) {
        self.email = email
        self.status = .pending
        self.createdAt = now
    }
}

/// A monthly issue: an introduction in Markdown and guides, a draft until sent.
final class NewsletterIssue: Model, @unchecked Sendable {
    static let schema = "newsletter_issues"

    enum Status: String, Codable, Sendable { case draft, sent }

    @ID(key: .id) var id: UUID?
    @Field(key: "subject") var subject: String
    @Field(key: "intro") var intro: String
    /// The guides' ids in order, comma-separated.
    @Field(key: "guide_ids") var guideList: String
    @Field(key: "status") var status: Status
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @Field(key: "recipients") var recipients: Int

    init() {}

    init(now: Date) {
        self.status = .draft
        self.createdAt = now
        self.recipients = 0
    }

    var guideIDs: [UUID] { self.guideList.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }

    /// The issue's id in links; pages only link issues read from the database, which have one.
    var route: NewsletterIssueID { NewsletterIssueID(rawValue: self.id ?? UUID()) }
}

/// One issue sent to one subscriber; its unsubscribe link's token, hashed.
final class NewsletterDelivery: Model, @unchecked Sendable {
    static let schema = "newsletter_deliveries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "issue_id") var issue: NewsletterIssue
    @Parent(key: "subscriber_id") var subscriber: NewsletterSubscriber
    @Field(key: "unsubscribe_token_hash") var unsubscribeTokenHash: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(issue: UUID, subscriber: UUID, tokenHash: String, now: Date) {
        self.$issue.id = issue
        self.$subscriber.id = subscriber
        self.unsubscribeTokenHash = tokenHash
        self.createdAt = now
    }
}
