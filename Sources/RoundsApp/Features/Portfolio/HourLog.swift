import Fluent
import Foundation
import RoundsCore
import Vapor

/// Hours on one day under an experience, in quarter hours.
final class HourLog: Model, @unchecked Sendable {
    static let schema = "hour_logs"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "day") var day: Int
    @Field(key: "quarter_hours") var quarterHours: Int
    @Field(key: "activities") var activities: String
    @Parent(key: "experience_id") var experience: Experience

    init() {}

    init(experienceID: UUID, checked: HourLogDraft.Checked, now: Date) {
        self.$experience.id = experienceID
        self.day = checked.day.ordinal
        self.quarterHours = checked.quarterHours
        self.activities = checked.activities
        self.createdAt = now
    }

    var hours: Double { Double(self.quarterHours) / 4 }
}
