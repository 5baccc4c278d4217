import Fluent
import Foundation

/// An applicant's planner settings: whether they aim for H-1B sponsorship (which adds Step 3 to the
/// plan) and the hash of their calendar feed's secret, when they have one.
final class ResidencySettings: Model, @unchecked Sendable {
    static let schema = "residency_settings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var owner: User
    @Field(key: "wants_h1b") var wantsH1B: Bool
    @OptionalField(key: "calendar_token_hash") var calendarTokenHash: String?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(ownerID: UUID, now: Date) {
        self.$owner.id = ownerID
        self.wantsH1B = false
        self.updatedAt = now
    }
}
