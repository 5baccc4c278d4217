import Fluent
import Foundation
import RoundsCore
import Vapor

/// A request to a writer for a letter about an applicant, and the letter once uploaded. Only the hash of
/// the writer's link token is stored. `waived` is set when the request is made and never changed.
final class LetterRequest: Model, @unchecked Sendable {
    static let schema = "letter_requests"
    /// Writers are busy; a link works for two months, and a reminder renews it.
    static let linkLifetime: TimeInterval = 60 * 24 * 60 * 60
    /// Reminders at most this often, so a request cannot be used to flood a writer's inbox.
    static let reminderSpacing: TimeInterval = 3 * 24 * 60 * 60

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    // data fields
    @Field(key: "writer_name") var writerName: String
    @Field(key: "writer_email") var writerEmail: String
    @Field(key: "writer_title") var writerTitle: String
    @Field(key: "writer_institution") var writerInstitution: String
    @Field(key: "message") var message: String
    @Field(key: "waived") var waived: Bool
    @Field(key: "status") var status: LetterStatus
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "link_expires_at") var linkExpiresAt: Date
    @OptionalField(key: "reminded_at") var remindedAt: Date?
    @OptionalField(key: "viewed_at") var viewedAt: Date?
    @OptionalField(key: "uploaded_at") var uploadedAt: Date?
    @OptionalField(key: "declined_at") var declinedAt: Date?
    @OptionalField(key: "decline_note") var declineNote: String?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "file_name") var fileName: String?
    @OptionalField(key: "byte_count") var byteCount: Int?
    @OptionalField(key: "sha256") var sha256: String?
    @OptionalField(key: "storage_key") var storageKey: String?
    @Field(key: "assigned_count") var assignedCount: Int
    /// Programs with a submitted application this letter is assigned to; while above 0 the writer cannot
    /// replace it. Changed in the same transactions as applications and assignments, on this row.
    @Field(key: "applied_count") var appliedCount: Int

    // relationships
    @Parent(key: "applicant_id") var applicant: User
    @OptionalParent(key: "application_id") var application: SessionApplication?

    init() {}

    init(applicantID: UUID, applicationID: UUID?, checked: LetterRequestDraft.Checked, tokenHash: String, now: Date) {
        self.$applicant.id = applicantID
        self.$application.id = applicationID
        self.writerName = checked.writerName
        self.writerEmail = checked.writerEmail
        self.writerTitle = checked.writerTitle
        self.writerInstitution = checked.writerInstitution
        self.message = checked.message
        self.waived = checked.waivesRightToSee
        self.status = LetterStatus.requested
        self.tokenHash = tokenHash
        self.linkExpiresAt = now.addingTimeInterval(Self.linkLifetime)
        self.assignedCount = 0
        self.appliedCount = 0
        self.createdAt = now
        self.updatedAt = now
    }

    var hasFile: Bool { self.storageKey != nil }
    /// Whether the applicant may read (or be shown the name and address of) the file: the one check
    /// every page, API answer and download asks.
    var applicantMayRead: Bool { LetterReadRule.mayRead(.applicant, applicantWaived: self.waived, hasFile: self.hasFile) }

    /// The link works: the request is live and the link has not run out.
    func linkWorks(now: Date) -> Bool { self.status.linkWorks && now < self.linkExpiresAt }
}
