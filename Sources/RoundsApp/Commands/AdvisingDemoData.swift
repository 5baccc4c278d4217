import Fluent
import Foundation
import RoundsCore
import Vapor

/// The demo advisor's open slots over the coming week and a statement with two versions for the demo
/// applicant. Skipped when there are slots.
enum AdvisingDemoData {
    static let statement = [
        "My first week on an inpatient medicine service began with a patient whose heart failure had been managed for years by a single careful family physician. Reading the notes, I saw how much of the care happened between visits.",
        "My first week on an inpatient medicine service began with a patient whose heart failure had been managed for years by a careful family physician. Reading the notes, I saw how much of good care happens between visits, and I wanted to be the doctor who plans for those weeks.",
    ]

    static func load(_ app: Application) async throws {
        guard try await AdvisorSlot.query(on: app.db).count() == 0,
            let advisor = try await User.find(email: "advisor@rounds.test", on: app.db),
            let applicant = try await User.find(email: "applicant@rounds.test", on: app.db)
        else { return }
        let now = app.services.clock.now()
        let book = AdvisorSlotBook(db: app.db, now: now, origin: app.config.server.origin)
        let zone = TimeZone(identifier: "America/New_York")!
        let today = Day(now)
        for (offset, time, kind, place) in [
            (3, "10:00", AdvisingSessionKind.mockInterview, "https://meet.example.org/rounds-mock-1"), (3, "14:00", .strategyCall, "https://meet.example.org/rounds-strategy-1"),
            (5, "10:00", .statementReview, "Rounds office, room 2"), (5, "14:00", .mockInterview, "https://meet.example.org/rounds-mock-2"),
        ] {
            let draft = AdvisorSlotDraft(kind: kind.rawValue, date: today.adding(days: offset).iso, time: time, timeZone: zone.identifier, minutes: "45", location: place)
            _ = try await book.publish(draft, by: advisor)
        }
        let statements = StatementStore(db: app.db, now: now)
        let created = try await statements.create(
            StatementDraft(title: "Internal medicine, main", specialty: "internal-medicine", service: StatementService.eras.rawValue, text: Self.statement[0], note: "first draft"),
            by: applicant)
        try await statements.addVersion(
            StatementDraft(title: created.title, specialty: created.specialty, service: created.service.rawValue, text: Self.statement[1], note: "a sharper ending"),
            to: created, by: applicant)
    }
}
