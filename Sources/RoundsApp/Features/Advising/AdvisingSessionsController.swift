import Fluent
import RoundsCore
import Tagged
import Vapor

/// Advisor sessions: advisors publish slots and cancel them; applicants book and cancel bookings.
struct AdvisingSessionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
        applicants.get(SiteRoute.advisingSessions, use: self.sessions)
        applicants.post(SiteRoute.bookSlot(.key), use: self.book)
        applicants.post(SiteRoute.cancelBooking(.key), use: self.cancelBooking)
        let advisors = routes.grouped(SignInRequired(roles: [.advisor]))
        advisors.get(SiteRoute.advisorSlots, use: self.slots)
        advisors.post(SiteRoute.advisorSlots, use: self.publish)
        advisors.post(SiteRoute.cancelSlot(.key), use: self.cancelSlot)
        advisors.post(SiteRoute.advisorCalendar, use: self.calendar)
        // Fetched by calendar apps, which carry no session: the secret in the query is the key.
        routes.get(SiteRoute.advisorCalendarFeed, use: self.feed)
    }

    @Sendable func sessions(req: Request) async throws -> HTMLPage {
        try await Self.sessionsPage(req, refusal: nil).page()
    }

    static func sessionsPage(_ req: Request, refusal: String?) async throws -> PageLayout {
        let user = try req.requireUser(.applicant)
        return AdvisingSessionPages.sessions(
            open: try await req.advisorSlots.open(), bookings: try await req.advisorSlots.bookings(of: user), now: req.now, refusal: refusal, context: req.pageContext)
    }

    @Sendable func book(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let slot = try await req.advisorSlots.slot(req.parameters.get(AdvisorSlotID.self))
        do {
            try await req.advisorSlots.book(slot, for: user)
        } catch let refusal as Abort where refusal.status == .conflict {
            // The list again, with the reason and what is still free: never a dead end.
            return try await Self.sessionsPage(req, refusal: refusal.reason).page(status: .conflict).encodeResponse(for: req)
        }
        return req.redirect(to: SiteRoute.advisingSessions.path, flash: Flash(kind: .success, message: "Booked: \(slot.kind.label), \(AdvisingFormat.time(slot)) with \(slot.advisor.displayName)."))
    }

    @Sendable func cancelBooking(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let slot = try await req.advisorSlots.slot(req.parameters.get(AdvisorSlotID.self))
        do {
            try await req.advisorSlots.cancelBooking(slot, by: user)
        } catch let refusal as Abort where refusal.status == .conflict {
            return try await Self.sessionsPage(req, refusal: refusal.reason).page(status: .conflict).encodeResponse(for: req)
        }
        return req.redirect(to: SiteRoute.advisingSessions.path, flash: Flash(kind: .success, message: "Booking cancelled; the slot is open to others again."))
    }

    struct SlotForm: Content {
        var kind: String?
        var date: String?
        var time: String?
        var time_zone: String?
        var minutes: String?
        var location: String?
        var note: String?

        var draft: AdvisorSlotDraft {
            AdvisorSlotDraft(
                kind: self.kind ?? "", date: self.date ?? "", time: self.time ?? "", timeZone: self.time_zone ?? "", minutes: self.minutes ?? "",
                location: self.location ?? "", note: self.note ?? "")
        }
    }

    @Sendable func slots(req: Request) async throws -> HTMLPage {
        try await Self.slotsPage(req, draft: AdvisorSlotDraft(), errors: ValidationReport()).page()
    }

    static func slotsPage(_ req: Request, draft: AdvisorSlotDraft, errors: ValidationReport, newCalendarURL: String? = nil) async throws -> PageLayout {
        let user = try req.requireUser(.advisor)
        return AdvisingSessionPages.advisorSlots(
            .init(
                slots: try await req.advisorSlots.slots(of: user), draft: draft, errors: errors, now: req.now,
                hasCalendar: try await AdvisorCalendarFeed.exists(for: user, on: req.db), newCalendarURL: newCalendarURL, context: req.pageContext))
    }

    @Sendable func publish(req: Request) async throws -> Response {
        let user = try req.requireUser(.advisor)
        let draft = try req.content.decode(SlotForm.self).draft
        do {
            let slot = try await req.advisorSlots.publish(draft, by: user)
            return req.redirect(to: SiteRoute.advisorSlots.path, flash: Flash(kind: .success, message: "Published: \(slot.kind.label), \(AdvisingFormat.time(slot))."))
        } catch let report as ValidationReport {
            return try await Self.slotsPage(req, draft: draft, errors: report).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    struct CalendarForm: Content {
        var action: String?
    }

    @Sendable func calendar(req: Request) async throws -> Response {
        let user = try req.requireUser(.advisor)
        switch try req.content.decode(CalendarForm.self).action {
        case "create":
            let url = try await AdvisorCalendarFeed.rotate(for: user, origin: req.application.config.server.origin, now: req.now, on: req.db)
            return try await Self.slotsPage(req, draft: AdvisorSlotDraft(), errors: ValidationReport(), newCalendarURL: url).page().encodeResponse(for: req)
        case "revoke":
            try await AdvisorCalendarFeed.revoke(for: user, on: req.db)
            return req.redirect(to: SiteRoute.advisorSlots.path, flash: Flash(kind: .success, message: "Calendar feed turned off."))
        default:
            throw Abort(.badRequest, reason: "Say create or revoke.")
        }
    }

    @Sendable func feed(req: Request) async throws -> Response {
        guard let advisor = try await AdvisorCalendarFeed.owner(ofToken: (try? req.query.get(String.self, at: "token")) ?? "", on: req.db) else {
            throw Abort(.notFound, reason: "No calendar feed at this address; make a new one on your slots page.")
        }
        return .iCalendar(try await AdvisorCalendarFeed.render(for: advisor, req: req))
    }

    struct CancelForm: Content {
        var reason: String?
    }

    @Sendable func cancelSlot(req: Request) async throws -> Response {
        let user = try req.requireUser(.advisor)
        let slot = try await req.advisorSlots.slot(req.parameters.get(AdvisorSlotID.self))
        do {
            try await req.advisorSlots.cancelSlot(slot, by: user, reason: try req.content.decode(CancelForm.self).reason ?? "")
        } catch let report as ValidationReport {
            return try await Self.slotsPage(req, draft: AdvisorSlotDraft(), errors: report).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        return req.redirect(to: SiteRoute.advisorSlots.path, flash: Flash(kind: .success, message: slot.isBooked ? "Slot cancelled; \(slot.bookedBy?.displayName ?? "the applicant") was told why." : "Slot cancelled."))
    }
}
