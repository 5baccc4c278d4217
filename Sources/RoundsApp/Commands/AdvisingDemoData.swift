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
        let second = try await statements.addVersion(
            StatementDraft(title: created.title, specialty: created.specialty, service: created.service.rawValue, text: Self.statement[1], note: "a sharper ending"),
            to: created, by: applicant)
        // Version 2 sent to the demo advisor, who returned it with a comment and a suggestion.
        let desk = ReviewDesk(db: app.db, now: now, origin: app.config.server.origin)
        let review = try await desk.request(
            .init(subject: ReviewSubject.statement.rawValue, version: second.id?.uuidString, advisor_email: advisor.email, message: "Does the ending land?"), by: applicant,
            sending: { _, _ in .init(subject: .statement, title: "\(created.title), version 2", text: second.text, version: second) })
        let loaded = try await desk.review(review.typedID, for: advisor)
        try await desk.act(.start, on: loaded, by: advisor)
        _ = try await desk.comment(.init(quote: "a careful family physician", body: "Name what they did: one concrete habit shows it better."), on: loaded, by: advisor)
        _ = try await desk.comment(
            .init(quote: "I wanted to be the doctor who plans for those weeks", body: "Stronger in the present tense.", replacement: "I want to be the doctor who plans for those weeks", suggests: true),
            on: loaded, by: advisor)
        try await desk.act(.return, on: try await desk.review(review.typedID, for: advisor), by: advisor, summary: "A clear, specific opening. Keep the ending this short.")
    }
}
