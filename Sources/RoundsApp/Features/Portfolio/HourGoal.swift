import Fluent
import Foundation
import RoundsCore
import Vapor

/// A target the applicant sets, e.g. 100 hours of physician shadowing. `scope` is an AMCAS type, or
/// "clinical" for every clinical type, or "all".
final class HourGoal: Model, @unchecked Sendable {
    static let schema = "hour_goals"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "scope") var scope: String
    @Field(key: "target_hours") var targetHours: Int
    @Parent(key: "owner_id") var owner: User

    init() {}

    init(ownerID: UUID, scope: String, targetHours: Int, now: Date) {
        self.$owner.id = ownerID
        self.scope = scope
        self.targetHours = targetHours
        self.createdAt = now
    }
}
