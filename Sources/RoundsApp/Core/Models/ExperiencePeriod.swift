import Fluent
import Foundation
import RoundsCore
import Vapor

/// One period of an experience (AMCAS's "date range").
final class ExperiencePeriod: Model, @unchecked Sendable {
    static let schema = "experience_ranges"

    @ID(key: .id) var id: UUID?
    @Field(key: "position") var position: Int
    @Field(key: "start_day") var startDay: Int
    @OptionalField(key: "end_day") var endDay: Int?
    @Field(key: "prior_hours") var priorHours: Int
    @Field(key: "anticipated_hours") var anticipatedHours: Int
    @Parent(key: "experience_id") var experience: Experience

    init() {}

    init(experienceID: UUID, position: Int, range: ExperienceRange) {
        self.$experience.id = experienceID
        self.position = position
        self.startDay = range.start.ordinal
        self.endDay = range.end?.ordinal
        self.priorHours = range.priorHours
        self.anticipatedHours = range.anticipatedHours
    }

    var range: ExperienceRange {
        ExperienceRange(start: Day(ordinal: self.startDay), end: self.endDay.map(Day.init(ordinal:)), priorHours: self.priorHours, anticipatedHours: self.anticipatedHours)
    }
}
