import Fluent
import Foundation
import RoundsCore

/// One message between an applicant and a site's host: in an application's thread, or in the applicant's
/// questions about an opportunity before applying (then `opportunity` and `applicant` are set instead).
final class ApplicationMessage: Model, @unchecked Sendable {
    static let schema = "application_messages"

    @ID(key: .id) var id: UUID?
    @OptionalParent(key: "application_id") var application: SessionApplication?
    @OptionalParent(key: "opportunity_id") var opportunity: Opportunity?
    @OptionalParent(key: "applicant_id") var applicant: User?
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

    init(in thread: MessageDesk.Thread.Subject, author: User, party: ApplicationParty, recipientID: UUID, body: String, now: Date) throws {
        switch thread {
        case .application(let loaded):
            self.$application.id = try loaded.application.requireID()
        case .questions(let opportunity, let applicant):
            self.$opportunity.id = try opportunity.requireID()
            self.$applicant.id = try applicant.requireID()
        }
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
