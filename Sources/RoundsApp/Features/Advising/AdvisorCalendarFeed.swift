import Fluent
import Foundation
import RoundsCore
import Vapor

/// The advisor's calendar feed: every slot not cancelled from a day ago on, booked or open, so a
/// calendar app shows who comes when. The address carries a secret; only its hash is stored.
enum AdvisorCalendarFeed {
    static func owner(ofToken token: String, on db: any Database) async throws -> User? {
        guard !token.isEmpty, token.utf8.count <= 100 else { return nil }
        return try await AdvisorCalendar.query(on: db).filter(\.$tokenHash == SecretToken.hash(token)).with(\.$advisor).first()?.advisor
    }

    static func exists(for advisor: User, on db: any Database) async throws -> Bool {
        try await AdvisorCalendar.query(on: db).filter(\.$advisor.$id == advisor.requireID()).count() > 0
    }

    /// Makes (or replaces) the feed's secret; the address comes back once.
    static func rotate(for advisor: User, origin: String, now: Date, on db: any Database) async throws -> String {
        let token = SecretToken(prefix: "cal_")
        let advisorID = try advisor.requireID()
        try await db.transaction { db in
            try await AdvisorCalendar.query(on: db).filter(\.$advisor.$id == advisorID).delete()
            let calendar = AdvisorCalendar()
            calendar.$advisor.id = advisorID
            calendar.tokenHash = token.hash
            calendar.createdAt = now
            try await calendar.create(on: db)
        }
        return origin + SiteRoute.advisorCalendarFeed.path(query: [("token", token.value)])
    }

    static func revoke(for advisor: User, on db: any Database) async throws {
        try await AdvisorCalendar.query(on: db).filter(\.$advisor.$id == advisor.requireID()).delete()
    }

    static func render(for advisor: User, req: Request) async throws -> String {
        let slots = try await AdvisorSlot.query(on: req.db).filter(\.$advisor.$id == advisor.requireID()).filter(\.$cancelledAt == nil)
            .filter(\.$startsAt >= req.now.addingTimeInterval(-86_400)).with(\.$bookedBy).sort(\.$startsAt).all()
        let stamp = Date(timeIntervalSince1970: req.now.timeIntervalSince1970.rounded(.down))
        return ICalendar(name: "Rounds: advising sessions", events: slots.map { $0.calendarEvent(forAdvisor: true) }).render(stamp: ICalendar.stamp(stamp))
    }
}
