import Fluent
import Foundation

/// One thing an administrator did, kept for the audit log: who, what, to what, why, when. The admin's
/// name is copied, so the entry still reads right if the account is gone. In Core because every
/// feature with administrator actions writes here.
final class AdminAction: Model, @unchecked Sendable {
    static let schema = "admin_actions"

    @ID(key: .id) var id: UUID?
    @OptionalParent(key: "admin_id") var admin: User?
    @Field(key: "admin_name") var adminName: String
    /// e.g. `site.reject`, `newsletter.send`.
    @Field(key: "action") var action: String
    /// What it was done to, as a person reads it ("site Mercy Clinic").
    @Field(key: "subject") var subject: String
    @OptionalField(key: "subject_id") var subjectID: UUID?
    @Field(key: "reason") var reason: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// Writes the entry; call it in the transaction of the change, so both happen or neither.
    static func record(
        _ action: String, by admin: User, subject: String, subjectID: UUID? = nil, reason: String = "", now: Date, on db: any Database
    ) async throws {
        let entry = AdminAction()
        entry.$admin.id = try admin.requireID()
        entry.adminName = admin.displayName
        entry.action = action
        entry.subject = subject
        entry.subjectID = subjectID
        entry.reason = reason
        entry.createdAt = now
        try await entry.create(on: db)
    }
}
