import Fluent
import Foundation
import RoundsCore

/// A plan task the applicant ticked off for a Match year (one Rounds cannot see done by itself).
final class ResidencyTaskCheck: Model, @unchecked Sendable {
    static let schema = "residency_task_checks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var owner: User
    @Field(key: "match_year") var matchYear: Int
    @Field(key: "task") var task: PlanTaskKind
    @Field(key: "checked_at") var checkedAt: Date

    init() {}

    init(ownerID: UUID, matchYear: Int, task: PlanTaskKind, now: Date) {
        self.$owner.id = ownerID
        self.matchYear = matchYear
        self.task = task
        self.checkedAt = now
    }
}
