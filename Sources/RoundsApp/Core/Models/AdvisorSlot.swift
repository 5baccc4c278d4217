import Fluent
import Foundation
import RoundsCore

/// A time an advisor offers; booked by at most one applicant. In Core because the applicant's calendar
/// feed (residency planner) shows bookings as well as the advising pages.
final class AdvisorSlot: Model, @unchecked Sendable {
    static let schema = "advisor_slots"

    @ID(key: .id) var id: UUID?
    @Parent(key: "advisor_id") var advisor: User
    @Field(key: "kind") var kind: AdvisingSessionKind
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "minutes") var minutes: Int
    /// The zone the advisor gave the time in; pages show the time in it.
    @Field(key: "time_zone") var timeZone: String
    @Field(key: "location") var location: String
    @Field(key: "note") var note: String
    @OptionalParent(key: "booked_by_id") var bookedBy: User?
    @OptionalField(key: "booked_at") var bookedAt: Date?
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @OptionalField(key: "cancel_reason") var cancelReason: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(advisorID: UUID, slot: AdvisorSlotDraft.Checked, now: Date) {
        self.$advisor.id = advisorID
        self.kind = slot.kind
        self.startsAt = slot.start
        self.minutes = slot.minutes
        self.timeZone = slot.timeZone
        self.location = slot.location
        self.note = slot.note
        self.createdAt = now
    }

    var endsAt: Date { self.startsAt.addingTimeInterval(TimeInterval(self.minutes * 60)) }
    var isCancelled: Bool { self.cancelledAt != nil }
    var isBooked: Bool { self.$bookedBy.id != nil }
    var isVideoLink: Bool { self.location.hasPrefix("https://") }

    /// The slot in a calendar feed: the applicant's (with the advisor loaded) or the advisor's own (with
    /// the booker loaded). The UID stays the same, so a calendar app updates the event.
    func calendarEvent(forAdvisor: Bool) -> ICalendar.Event {
        let local = ICalendar.newYorkTime(self.startsAt)
        let with = forAdvisor ? (self.$bookedBy.value ?? nil).map { "booked by \($0.displayName) <\($0.email)>" } ?? "open" : "with \(self.advisor.displayName)"
        return ICalendar.Event(
            uid: "advising-\(self.id?.uuidString ?? "new")@rounds", day: local.day, minuteOfDay: local.minute, durationMinutes: self.minutes,
            summary: "\(self.kind.label) (\(with))", description: "Where: \(self.location)" + (self.note.isEmpty ? "" : "\n\(self.note)"),
            url: self.isVideoLink ? self.location : nil)
    }
}
