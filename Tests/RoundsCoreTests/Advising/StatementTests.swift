import Foundation
import Testing

@testable import RoundsCore

@Suite struct StatementTests {
    @Test func countsAgreeWithThePageScript() {
        let counts = StatementCounts(StatementDraft.normalized("Two words\r\nand e\u{301} 😀"))
        #expect(counts.words == 5)
        // Code points, as the counter script's Array.from(value).length counts them.
        #expect(counts.characters == 18)
        #expect(StatementCounts(String(repeating: "a", count: 5_301)).overrun(for: .amcas) == 1)
        #expect(StatementCounts(String(repeating: "a", count: 5_301)).overrun(for: .eras) == 0)
        #expect(StatementService.storageLimit == 28_000)
        #expect(StatementService.eras.limitSource.url.hasPrefix("https://students-residents.aamc.org/"))
    }

    @Test func aVersionIsCheckedAndGuarded() throws {
        let draft = StatementDraft(title: " Family medicine ", specialty: "family-medicine", service: "eras", text: "Line one\r\nLine two", note: "first")
        let checked = try draft.check().get()
        #expect(checked.title == "Family medicine" && checked.text == "Line one\nLine two" && checked.service == .eras)

        guard case .failure(let report) = StatementDraft(title: "", specialty: "astrology", service: "common-app", text: " ").check() else {
            Issue.record("accepted"); return
        }
        #expect(report.errors.map(\.field) == ["title", "specialty", "service", "text"])

        let tooLong = StatementDraft(title: "t", specialty: "family-medicine", text: String(repeating: "a", count: 28_001))
        #expect(tooLong.check().failureFields == ["text"])
        // Drafts may run past AMCAS's limit while they are worked on; the page says by how much.
        #expect((try? StatementDraft(title: "t", specialty: "family-medicine", service: "amcas", text: String(repeating: "a ", count: 3_000)).check().get()) != nil)
    }

    @Test func theIdentifierGuardRunsOnSave() {
        let text = "On 03/14/2025 I met Mr. Alvarez, MRN 4471823, whose courage stayed with me."
        let result = StatementDraft(title: "IM", specialty: "internal-medicine", text: text).check(allowing: ["Dana Writer"])
        #expect(result.failureFields == ["text"])
        if case .failure(let report) = result { #expect(report.errors[0].message.contains("4471823")) }
        // The writer's own name is allowed.
        #expect((try? StatementDraft(title: "IM", specialty: "internal-medicine", text: "My name is Dana Writer and I love medicine.").check(allowing: ["Dana Writer"]).get()) != nil)
    }

    @Test func slotsAreCheckedInTheirOwnZone() throws {
        let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30T...Z
        let slot = try AdvisorSlotDraft(kind: "mock-interview", date: "2026-12-10", time: "18:30", timeZone: "America/Chicago", minutes: "45", location: "https://meet.example.org/abc")
            .check(now: now).get()
        #expect(ISO8601DateFormatter().string(from: slot.start) == "2026-12-11T00:30:00Z")
        #expect(slot.isVideoLink && slot.end.timeIntervalSince(slot.start) == 2_700)
        let bad = AdvisorSlotDraft(kind: "lunch", date: "2026-02-30", time: "25:00", timeZone: "Mars/Olympus", minutes: "5", location: "http://insecure example")
        #expect(bad.check(now: now).failureFields == ["kind", "time_zone", "minutes", "location"])
        #expect(AdvisorSlotDraft(date: "2026-11-29", time: "19:00", location: "Room 4").check(now: now).failureFields == ["date"])
        #expect(AdvisorSlotDraft(date: "2028-01-01", time: "09:00", location: "Room 4").check(now: now).failureFields == ["date"])
        #expect(BookingPolicy.applicantMayCancel(startingAt: now.addingTimeInterval(86_400), now: now))
        #expect(!BookingPolicy.applicantMayCancel(startingAt: now.addingTimeInterval(86_399), now: now))
    }
}

extension Result where Failure == ValidationReport {
    var failureFields: [String] {
        guard case .failure(let report) = self else { return [] }
        return report.errors.map(\.field)
    }
}
