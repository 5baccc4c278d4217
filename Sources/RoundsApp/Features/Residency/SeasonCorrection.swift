import Fluent
import Foundation
import RoundsCore

/// An administrator's correction of a season milestone, kept as a change log: who, when, the value
/// before and after, and the source. The newest correction of a milestone overrides the shipped file.
final class SeasonCorrection: Model, @unchecked Sendable {
    static let schema = "season_corrections"

    @ID(key: .id) var id: UUID?
    @Field(key: "match_year") var matchYear: Int
    @Field(key: "milestone") var milestone: MilestoneKind
    /// The new date as a `Day` ordinal; nil: not published after all.
    @OptionalField(key: "day") var day: Int?
    @OptionalField(key: "minute") var minute: Int?
    @OptionalField(key: "source") var source: String?
    @Field(key: "confidence") var confidence: SourceConfidence
    @Field(key: "note") var note: String
    /// The value it replaced, as it was shown ("2027-03-19, inferred, no source").
    @Field(key: "previous") var previous: String
    @OptionalParent(key: "changed_by") var changedBy: User?
    @Field(key: "changed_at") var changedAt: Date

    init() {}

    init(_ correction: MilestoneCorrection, previous: String, by userID: UUID, now: Date) {
        self.matchYear = correction.matchYear
        self.milestone = correction.kind
        self.day = correction.day?.ordinal
        self.minute = correction.minuteOfDay
        self.source = correction.provenance.source
        self.confidence = correction.provenance.confidence
        self.note = correction.provenance.note ?? ""
        self.previous = previous
        self.$changedBy.id = userID
        self.changedAt = now
    }

    var correction: MilestoneCorrection {
        MilestoneCorrection(
            matchYear: self.matchYear, kind: self.milestone, day: self.day.map(Day.init(ordinal:)), minuteOfDay: self.minute,
            provenance: Provenance(
                source: self.source, confidence: self.confidence, holdsFor: "\(self.matchYear) Match, corrected \(Day(self.changedAt).iso)",
                note: self.note.isEmpty ? nil : self.note))
    }

    /// The shipped calendar with every correction applied, oldest first.
    static func calendar(_ shipped: SeasonCalendar, on db: any Database) async throws -> SeasonCalendar {
        shipped.applying(try await SeasonCorrection.query(on: db).sort(\.$changedAt).sort(\.$id).all().map(\.correction))
    }
}
