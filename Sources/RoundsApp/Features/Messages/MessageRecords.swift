import Fluent
import Foundation
import RoundsCore

/// One message in an application's thread, between its applicant and the site's host.
final class ApplicationMessage: Model, @unchecked Sendable {
    static let schema = "application_messages"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: SessionApplication
    @OptionalParent(key: "author_id") var author: User?
    /// The author's name when sent, so the thread reads right if the account is gone.
    @Field(key: "author_name") var authorName: String
    /// `applicant` or `host`: which side wrote it.
    @Field(key: "party") var party: ApplicationParty
    @OptionalParent(key: "recipient_id") var recipient: User?
    @Field(key: "body") var body: String
    @Field(key: "created_at") var createdAt: Date
    /// When the recipient was e-mailed about it (at once, or in a digest); nil until then.
    @OptionalField(key: "mailed_at") var mailedAt: Date?
    /// Set when an administrator removed it after a report; the body is then blank.
    @OptionalField(key: "removed_at") var removedAt: Date?
    /// One file sent with the message, checked like a document upload; its bytes are in the document store.
    @OptionalField(key: "attachment_key") var attachmentKey: String?
    @OptionalField(key: "attachment_name") var attachmentName: String?
    @OptionalField(key: "attachment_media_type") var attachmentMediaType: String?
    @OptionalField(key: "attachment_byte_count") var attachmentByteCount: Int?
    @OptionalField(key: "attachment_sha256") var attachmentSHA256: String?

    init() {}

    init(applicationID: UUID, author: User, party: ApplicationParty, recipientID: UUID, body: String, now: Date) throws {
        self.$application.id = applicationID
        self.$author.id = try author.requireID()
        self.authorName = author.displayName
        self.party = party
        self.$recipient.id = recipientID
        self.body = body
        self.createdAt = now
    }
}

/// A party's report of a message, for the administrators.
final class MessageReport: Model, @unchecked Sendable {
    static let schema = "message_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "message_id") var message: ApplicationMessage
    @OptionalParent(key: "reporter_id") var reporter: User?
    @Field(key: "reporter_name") var reporterName: String
    @Field(key: "reason") var reason: String
    /// The message as it was when reported, kept if it is removed.
    @Field(key: "message_body") var messageBody: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "resolved_at") var resolvedAt: Date?
    @OptionalField(key: "resolution") var resolution: ReportResolution?
    @OptionalField(key: "resolution_note") var resolutionNote: String?

    init() {}

    init(message: ApplicationMessage, reporter: User, reason: String, now: Date) throws {
        self.$message.id = try message.requireID()
        self.$reporter.id = try reporter.requireID()
        self.reporterName = reporter.displayName
        self.reason = reason
        self.messageBody = message.body
        self.createdAt = now
    }
}

extension ApplicationMessage: RouteIdentified { static let routeParameterName = "messageID" }
extension MessageReport: RouteIdentified { static let routeParameterName = "reportID" }
