import Fluent
import Foundation
import RoundsCore

/// A reminder e-mailed for a plan task, so each task is reminded of once per Match year.
final class ResidencyReminder: Model, @unchecked Sendable {
    static let schema = "residency_reminders"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var owner: User
    @Field(key: "match_year") var matchYear: Int
    @Field(key: "task") var task: PlanTaskKind
    @Field(key: "sent_at") var sentAt: Date

    init() {}

    init(ownerID: UUID, matchYear: Int, task: PlanTaskKind, now: Date) {
        self.$owner.id = ownerID
        self.matchYear = matchYear
        self.task = task
        self.sentAt = now
    }
}
