import Fluent
import Foundation

/// An applicant's planner settings: whether they aim for H-1B sponsorship (which adds Step 3 to the
/// plan), the hash of their calendar feed's secret, and their e-mail reminders (off until turned on).
final class ResidencySettings: Model, @unchecked Sendable {
    static let schema = "residency_settings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var owner: User
    @Field(key: "wants_h1b") var wantsH1B: Bool
    @OptionalField(key: "calendar_token_hash") var calendarTokenHash: String?
    /// Days before a due date to send a reminder; nil: no reminders.
    @OptionalField(key: "reminder_days") var reminderDays: Int?
    @Field(key: "weekly_digest") var weeklyDigest: Bool
    /// The `Day` ordinal of the last weekly digest.
    @OptionalField(key: "last_digest_day") var lastDigestDay: Int?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(ownerID: UUID, now: Date) {
        self.$owner.id = ownerID
        self.wantsH1B = false
        self.weeklyDigest = false
        self.updatedAt = now
    }
}
