import Fluent
import Foundation
import RoundsCore

/// A residency program on an applicant's list for one Match year, with where it stands, its interview
/// and the signal sent to it.
final class ResidencyProgram: Model, @unchecked Sendable {
    static let schema = "residency_programs"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var owner: User
    @Field(key: "match_year") var matchYear: Int
    @Field(key: "name") var name: String
    @Field(key: "specialty") var specialty: String
    @Field(key: "city") var city: String
    @Field(key: "state") var state: String
    @OptionalField(key: "nrmp_code") var nrmpCode: String?
    /// The NRMP program type (from the code, or chosen), nil when not known.
    @OptionalField(key: "position_type") var positionType: PositionType?
    @Field(key: "status") var status: ProgramListStatus
    /// The interview's local date as a `Day` ordinal, its minute of the day and the zone both are in.
    @OptionalField(key: "interview_day") var interviewDay: Int?
    @OptionalField(key: "interview_minute") var interviewMinute: Int?
    @OptionalField(key: "interview_time_zone") var interviewTimeZone: String?
    @OptionalField(key: "interview_format") var interviewFormat: InterviewFormat?
    @OptionalField(key: "signal") var signal: SignalTier?
    @Field(key: "notes") var notes: String
    /// The directory entry the program was added from, if any.
    @OptionalField(key: "directory_program_id") var directoryProgramID: UUID?
    /// 1-based place on the owner's rank order list for the year; nil when not ranked.
    @OptionalField(key: "rank") var rank: Int?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(ownerID: UUID, matchYear: Int, now: Date) {
        self.$owner.id = ownerID
        self.matchYear = matchYear
        self.createdAt = now
        self.updatedAt = now
    }

    func apply(_ input: ResidencyProgramInput, now: Date) {
        self.name = input.name
        self.specialty = input.specialty
        self.city = input.city
        self.state = input.state
        self.nrmpCode = input.nrmpCode
        self.positionType = input.positionType
        self.status = input.status
        self.interviewDay = input.interview?.day.ordinal
        self.interviewMinute = input.interview?.minuteOfDay
        self.interviewTimeZone = input.interview?.timeZone
        self.interviewFormat = input.interview?.format
        self.signal = input.signal
        self.notes = input.notes
        self.updatedAt = now
        // A program the applicant withdrew from, or that rejected them, cannot stay ranked.
        if input.status.isClosed { self.rank = nil }
    }

    var interviewSlot: InterviewSlot? {
        guard let day = self.interviewDay, let id = self.id else { return nil }
        return InterviewSlot(programKey: id.uuidString, day: Day(ordinal: day), minuteOfDay: self.interviewMinute, timeZone: self.interviewTimeZone ?? "America/New_York")
    }
}
