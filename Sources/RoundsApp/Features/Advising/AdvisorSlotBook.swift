import Fluent
import Foundation
import SQLKit
import RoundsCore
import Tagged
import Vapor

/// Advisors' slots and their bookings. A slot is taken by one conditional update (booker still empty,
/// slot not cancelled, start far enough ahead), so two applicants pressing "Book" at once get one
/// booking and one refusal, on SQLite and PostgreSQL alike: the seat discipline of applications.
struct AdvisorSlotBook {
    let db: any Database
    let now: Date
    let origin: String

    static let notFound = Abort(.notFound, reason: "No such slot.")

    /// Slots still open to booking, soonest first, with their advisors.
    func open() async throws -> [AdvisorSlot] {
        try await AdvisorSlot.query(on: self.db)
            .filter(\.$bookedBy.$id == nil).filter(\.$cancelledAt == nil)
            .filter(\.$startsAt >= self.now.addingTimeInterval(BookingPolicy.bookingCutoff))
            .with(\.$advisor).sort(\.$startsAt).limit(200).all()
    }

    /// The applicant's bookings that have not ended, soonest first (cancelled by the advisor included, so
    /// they see why).
    func bookings(of applicant: User) async throws -> [AdvisorSlot] {
        try await AdvisorSlot.query(on: self.db).filter(\.$bookedBy.$id == applicant.requireID())
            .filter(\.$startsAt >= self.now.addingTimeInterval(-24 * 3600))
            .with(\.$advisor).sort(\.$startsAt).all()
    }

    /// The advisor's slots from a day ago on, with their bookers.
    func slots(of advisor: User) async throws -> [AdvisorSlot] {
        try await AdvisorSlot.query(on: self.db).filter(\.$advisor.$id == advisor.requireID())
            .filter(\.$startsAt >= self.now.addingTimeInterval(-24 * 3600))
            .with(\.$bookedBy).sort(\.$startsAt).all()
    }

    func slot(_ id: AdvisorSlotID?) async throws -> AdvisorSlot {
        guard let id, let slot = try await AdvisorSlot.query(on: self.db).filter(\.$id == id.rawValue).with(\.$advisor).with(\.$bookedBy).first() else {
            throw Self.notFound
        }
        return slot
    }

    /// Publishes a slot; refused when it overlaps one of the advisor's own that is not cancelled.
    func publish(_ draft: AdvisorSlotDraft, by advisor: User) async throws -> AdvisorSlot {
        let checked = try draft.check(now: self.now).get()
        let advisorID = try advisor.requireID()
        let overlapping = try await AdvisorSlot.query(on: self.db).filter(\.$advisor.$id == advisorID).filter(\.$cancelledAt == nil)
            .filter(\.$startsAt < checked.end).filter(\.$startsAt > checked.start.addingTimeInterval(-Double(BookingPolicy.minutes.upperBound * 60)))
            .all().filter { $0.endsAt > checked.start }
        if let other = overlapping.first {
            throw ValidationReport([FieldError(field: "date", message: "It overlaps your slot at \(AdvisingFormat.time(other)); choose another time.")])
        }
        let slot = AdvisorSlot(advisorID: advisorID, slot: checked, now: self.now)
        try await slot.create(on: self.db)
        slot.$advisor.value = advisor
        return slot
    }

    /// Books the slot for the applicant, or says why not (taken, cancelled, too late, too many bookings);
    /// the slot in hand then shows the booking.
    func book(_ slot: AdvisorSlot, for applicant: User) async throws {
        let applicantID = try applicant.requireID()
        let slotID = try slot.requireID()
        let cutoff = self.now.addingTimeInterval(BookingPolicy.bookingCutoff)
        try await self.db.transaction { db in
            let changed = try await db.updateReturningCount(AdvisorSlot.schema, set: [("booked_by_id", applicantID), ("booked_at", self.now)]) {
                $0.where("id", .equal, slotID).where("booked_by_id", .is, SQLLiteral.null).where("cancelled_at", .is, SQLLiteral.null)
                    .where("starts_at", .greaterThanOrEqual, cutoff)
            }
            guard changed == 1 else {
                throw Abort(.conflict, reason: slot.$bookedBy.id == applicantID ? "You have booked this slot already." : "This slot is no longer free: someone else booked it, or it was cancelled or is about to start. Choose another.")
            }
            // Counted after the claim, inside the same transaction, so the limit holds when bookings race.
            let live = try await AdvisorSlot.query(on: db).filter(\.$bookedBy.$id == applicantID).filter(\.$cancelledAt == nil).filter(\.$startsAt >= self.now).count()
            guard live <= BookingPolicy.maximumLiveBookings else {
                throw Abort(.conflict, reason: "You hold \(BookingPolicy.maximumLiveBookings) upcoming bookings already; cancel one before booking another.")
            }
            try await Notifier.notify(
                slot.advisor, title: "Booked: \(slot.kind.label) \(AdvisingFormat.time(slot))",
                body: "\(applicant.displayName) booked your \(slot.kind.label.lowercased()) slot.", link: SiteRoute.advisorSlots.path, origin: self.origin, now: self.now, on: db)
        }
        slot.$bookedBy.id = applicantID
        slot.$bookedBy.value = applicant
        slot.bookedAt = self.now
    }

    /// The applicant gives the slot back, at least a day before it starts; it opens for others.
    func cancelBooking(_ slot: AdvisorSlot, by applicant: User) async throws {
        let applicantID = try applicant.requireID()
        guard slot.$bookedBy.id == applicantID else { throw Abort(.notFound, reason: "You have no booking in this slot.") }
        guard BookingPolicy.applicantMayCancel(startingAt: slot.startsAt, now: self.now) else {
            throw Abort(.conflict, reason: "Bookings can be cancelled up to 24 hours before they start; write to your advisor instead.")
        }
        try await self.db.transaction { db in
            let slotID = try slot.requireID()
            let changed = try await db.updateReturningCount(AdvisorSlot.schema, set: [("booked_by_id", UUID?.none), ("booked_at", Date?.none)]) {
                $0.where("id", .equal, slotID).where("booked_by_id", .equal, applicantID)
            }
            guard changed == 1 else { throw Abort(.conflict, reason: "The booking changed meanwhile; reload the page.") }
            try await Notifier.notify(
                slot.advisor, title: "Booking cancelled: \(AdvisingFormat.time(slot))",
                body: "\(applicant.displayName) cancelled; the slot is open again.", link: SiteRoute.advisorSlots.path, origin: self.origin, now: self.now, on: db)
        }
    }

    /// The advisor withdraws a slot before it starts, with a reason the booker (if any) is sent.
    func cancelSlot(_ slot: AdvisorSlot, by advisor: User, reason: String) async throws {
        guard slot.$advisor.id == advisor.id else { throw Self.notFound }
        // The limit holds for the reason as sent (as the API schema says), not only once trimmed.
        let raw = reason
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty || !slot.isBooked, raw.textLength <= 500 else {
            throw ValidationReport([FieldError(field: "reason", message: "Tell the applicant who booked it why, in at most 500 characters.")])
        }
        try await self.db.transaction { db in
            let slotID = try slot.requireID()
            let changed = try await db.updateReturningCount(AdvisorSlot.schema, set: [("cancelled_at", self.now), ("cancel_reason", reason)]) {
                $0.where("id", .equal, slotID).where("cancelled_at", .is, SQLLiteral.null).where("starts_at", .greaterThan, self.now)
            }
            guard changed == 1 else { throw Abort(.conflict, reason: "The slot has started or was cancelled already.") }
            // The booker as of the cancellation, read in the transaction (a booking may have just landed).
            if let booker = try await AdvisorSlot.query(on: db).filter(\.$id == slot.requireID()).with(\.$bookedBy).first()?.bookedBy {
                try await Notifier.notify(
                    booker, title: "Cancelled by your advisor: \(slot.kind.label) \(AdvisingFormat.time(slot))",
                    body: "\(advisor.displayName) cancelled the session. Their reason: \(reason)", link: SiteRoute.advisingSessions.path, origin: self.origin, now: self.now, on: db)
            }
        }
    }
}

/// Slot times as pages and messages show them: in the zone the advisor gave, with the zone named.
enum AdvisingFormat {
    static func time(_ slot: AdvisorSlot) -> String {
        DateWords.dateTime(slot.startsAt, in: TimeZone(identifier: slot.timeZone) ?? .gmt)
    }
}

extension Request {
    var advisorSlots: AdvisorSlotBook { AdvisorSlotBook(db: self.db, now: self.now, origin: self.application.config.server.origin) }
}
