import Foundation
import Tagged
import Plot
import RoundsCore

/// The booking pages: open slots and the applicant's bookings; the advisor's slots and the form
/// that publishes one.
enum AdvisingSessionPages {
    static func sessions(open: [AdvisorSlot], bookings: [AdvisorSlot], now: Date, refusal: String?, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Advisor sessions",
            context: context,
            content: .div(
                .h1("Advisor sessions"),
                .p(.text("Book a mock interview, a strategy call or a statement review call with a Rounds advisor. Times are shown in the advisor's time zone.")),
                .p(.class("hint"), .safeText(BookingPolicy.summary)),
                .errorSummary(refusal, field: "open-slots"),
                .h2("Your bookings"),
                bookings.isEmpty
                    ? .p(.text("None yet."))
                    : .stackingTable(
                        ["When", "What", "Advisor", "Where", ""],
                        rows: bookings.map { slot in
                            [
                                .safeText(AdvisingFormat.time(slot) + " (\(slot.minutes) min)"),
                                .safeText(slot.kind.label),
                                .safeText(slot.advisor.displayName),
                                slot.isCancelled ? .safeText("Cancelled by the advisor: \(slot.cancelReason ?? "")") : Self.location(slot),
                                !slot.isCancelled && BookingPolicy.applicantMayCancel(startingAt: slot.startsAt, now: now)
                                            ? .postButton(SiteRoute.cancelBooking(slot.typedID).path, title: "Cancel booking", csrfToken: context.csrfToken, style: "link")
                                            : .empty,
                            ]
                        }
                    ),
                .h2(.id("open-slots"), .text("Open slots")),
                open.isEmpty
                    ? .p(.text("No open slots right now. Advisors add them every week; check back."))
                    : .stackingTable(
                        ["When", "What", "Advisor", "Where", ""],
                        rows: open.map { slot in
                            [
                                .safeText(AdvisingFormat.time(slot) + " (\(slot.minutes) min)"),
                                .group(.safeText(slot.kind.label), slot.note.isEmpty ? .empty : .p(.class("hint"), .safeText(slot.note))),
                                .safeText(slot.advisor.displayName),
                                .safeText(slot.isVideoLink ? "Video call (link after booking)" : slot.location),
                                .postButton(SiteRoute.bookSlot(slot.typedID).path, title: "Book", csrfToken: context.csrfToken, style: "primary"),
                            ]
                        }
                    )
            )
        )
    }

    static func location(_ slot: AdvisorSlot) -> BodyNode {
        slot.isVideoLink ? .safeLink(slot.location, .text("Video call link")) : .safeText(slot.location)
    }

    struct AdvisorSlotsPage {
        var slots: [AdvisorSlot]
        var draft: AdvisorSlotDraft
        var errors: ValidationReport
        var now: Date
        var hasCalendar: Bool
        /// The feed's address, shown once right after it is made.
        var newCalendarURL: String?
        var context: PageContext
    }

    static func advisorSlots(_ p: AdvisorSlotsPage) -> PageLayout {
        let (slots, draft, errors, now, context) = (p.slots, p.draft, p.errors, p.now, p.context)
        return PageLayout(
            title: "My slots",
            context: context,
            content: .div(
                .h1("My slots"),
                .p(.class("hint"), .safeText("Applicants see your open slots and book them; each slot is booked by one applicant at most. " + BookingPolicy.summary)),
                slots.isEmpty
                    ? .p(.text("No slots yet."))
                    : .stackingTable(
                        ["When", "What", "Where", "Booked by", ""],
                        rows: slots.map { slot in
                            [
                                .safeText(AdvisingFormat.time(slot) + " (\(slot.minutes) min)"),
                                .safeText(slot.kind.label),
                                Self.location(slot),
                                .safeText(slot.isCancelled ? "Cancelled" : slot.bookedBy.map { "\($0.displayName) <\($0.email)>" } ?? "Open"),
                                slot.isCancelled || slot.startsAt <= now
                                            ? .empty
                                            : .postForm(
                                                SiteRoute.cancelSlot(slot.typedID).path, csrfToken: context.csrfToken,
                                                slot.isBooked
                                                    ? .field("Reason (sent to the applicant)", name: "reason", isRequired: true, maxLength: 500, id: "reason-\(slot.id!.uuidString)")
                                                    : .empty,
                                                .tag("button", .safeAttribute("type", "submit"), .class("button link"), .text("Cancel slot"))),
                            ]
                        }
                    ),
                .h2("Publish a slot"),
                .errorSummary(errors),
                .postForm(
                    SiteRoute.advisorSlots.path, csrfToken: context.csrfToken,
                    .selectField("Kind", name: "kind", choices: AdvisingSessionKind.allCases.map { Choice(value: $0.rawValue, label: $0.label) }, selected: draft.kind, error: errors.message(for: "kind")),
                    .field("Date", name: "date", value: draft.date, type: "date", error: errors.message(for: "date"), isRequired: true),
                    .field("Start time", name: "time", value: draft.time, type: "time", error: errors.message(for: "time"), isRequired: true),
                    .selectField(
                        "Time zone", name: "time_zone", choices: ResidencyProgramDraft.timeZones.map { Choice(value: $0, label: $0) }, selected: draft.timeZone,
                        error: errors.message(for: "time_zone")),
                    .field("Length (minutes)", name: "minutes", value: draft.minutes, type: "number", error: errors.message(for: "minutes"), isRequired: true),
                    .field(
                        "Video link or place", name: "location", value: draft.location, error: errors.message(for: "location"),
                        hint: "A https:// link is shown only to the applicant who books; a place is shown to everyone.", isRequired: true, maxLength: AdvisorSlotDraft.locationLimit),
                    .textArea("Note for applicants (optional)", name: "note", value: draft.note, error: errors.message(for: "note"), maxLength: AdvisorSlotDraft.noteLimit, rows: 3),
                    .submit("Publish slot")
                ),
                Self.calendarSection(p)
            )
        )
    }

    static func calendarSection(_ p: AdvisorSlotsPage) -> BodyNode {
        .tag(
            "section",
            .h2("Calendar feed"),
            .p(.text("Subscribe to your slots in a calendar app: booked ones show who booked, open ones show as open. The address is secret; anyone with it sees your bookings.")),
            p.newCalendarURL.map { url in
                .div(.class("notice"), .p(.text("Your feed's address (shown once; copy it into your calendar app now):")), .p(.tag("code", .class("secret"), .safeText(url))))
            } ?? .empty,
            .postForm(
                SiteRoute.advisorCalendar.path, csrfToken: p.context.csrfToken,
                .voidTag("input", [("type", "hidden"), ("name", "action"), ("value", "create")]),
                .submit(p.hasCalendar ? "Make a new address (the old one stops working)" : "Make a calendar feed")),
            p.hasCalendar
                ? .postForm(
                    SiteRoute.advisorCalendar.path, csrfToken: p.context.csrfToken,
                    .voidTag("input", [("type", "hidden"), ("name", "action"), ("value", "revoke")]),
                    .tag("button", .safeAttribute("type", "submit"), .class("button link"), .text("Turn the feed off")))
                : .empty
        )
    }
}

extension AdvisorSlot {
    var typedID: AdvisorSlotID? { self.id.map(AdvisorSlotID.init(rawValue:)) }
}
