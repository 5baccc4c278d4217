import Testing

@testable import RoundsCore

@Suite struct CatalogDraftTests {
    static let today = Day(iso: "2026-12-01")!

    @Test(arguments: [
        (SessionDraft(start: "2027-02-01", end: "2027-01-31", deadline: "2027-01-01", seats: "2"), "end", "The last day must not be before the first."),
        (SessionDraft(start: "2027-02-01", end: "2027-02-28", deadline: "2027-02-01", seats: "2"), "deadline", "The deadline must be before the first day."),
        (SessionDraft(start: "2027-02-01", end: "2027-02-28", deadline: "2027-01-01", seats: "0"), "seats", "Enter at least 1 seat (at most 1000)."),
        (SessionDraft(start: "2026-11-01", end: "2026-11-28", deadline: "2026-10-01", seats: "1"), "start", "The first day must not be in the past."),
        (SessionDraft(start: "02/01/2027", end: "2027-02-28", deadline: "2027-01-01", seats: "1"), "start", "Enter the first day as YYYY-MM-DD."),
        (SessionDraft(start: "2027-02-01", end: "2027-02-28", deadline: "0027-01-01", seats: "1"), "deadline", "Check the year of the deadline: give a date from 1900-01-01 to 2036-12-01."),
        (SessionDraft(start: "2207-02-01", end: "2207-02-28", deadline: "2207-01-01", seats: "1"), "start", "Check the year of the first day: give a date from 1900-01-01 to 2036-12-01."),
    ])
    func badSessionsNameTheField(draft: SessionDraft, field: String, message: String) {
        guard case .failure(let report) = draft.parse(today: Self.today) else {
            Issue.record("accepted \(draft)")
            return
        }
        #expect(report.errors.contains(FieldError(field: field, message: message)), "\(report.errors)")
    }

    @Test func aGoodSessionParses() throws {
        let session = try SessionDraft(start: "2027-02-01", end: "2027-02-28", deadline: "2027-01-10", seats: "3").parse(today: Self.today).get()
        #expect(session.start.days(to: session.end) == 27)
        #expect(session.seats == 3)
    }

    @Test(arguments: [("", 0), ("1500", 150_000), ("1,500.5", 150_050), ("$99.99", 9_999), ("0", 0)])
    func feesAreReadAsCents(text: String, cents: Int) {
        #expect(OpportunityDraft.cents(text) == cents)
    }

    @Test(arguments: ["-1", "12.345", "abc", "1.2.3"])
    func badFeesAreRefused(text: String) {
        #expect(OpportunityDraft.cents(text) == nil)
    }

    /// A complete opportunity draft, free.
    static func opportunity() -> OpportunityDraft {
        var draft = OpportunityDraft()
        draft.title = "Cardiology Observership"
        draft.type = "observership"
        draft.specialty = "cardiology"
        draft.setting = "inpatient"
        draft.audiences = ["img_graduate"]
        draft.visaClasses = ["b1_b2"]
        draft.letterPolicy = "on_request"
        draft.fee = "0"
        return draft
    }

    @Test func anOpportunityNeedsEveryChoiceAndSaysWhichIsMissing() throws {
        guard case .failure(let report) = OpportunityDraft().parse() else {
            Issue.record("an empty draft was accepted")
            return
        }
        #expect(Set(report.errors.map(\.field)) == ["title", "type", "specialty", "setting", "audiences", "visa_classes", "letter_policy"])

        var draft = Self.opportunity()
        draft.fee = "2000"
        draft.maximumYearsSinceGraduation = "5"
        let checked = try draft.parse().get()
        #expect(checked.feeCents == 200_000)
        #expect(checked.rules.maximumYearsSinceGraduation == 5)
    }

    /// A complete site draft in Chicago (ZIP 60611).
    static func site() -> SiteDraft {
        var draft = SiteDraft()
        draft.name = "Lakeside Hospital"
        draft.kind = "hospital"
        draft.street = "1 Lake Road"
        draft.city = "Chicago"
        draft.state = "IL"
        draft.zip = "60611"
        return draft
    }

    @Test func aSiteNeedsARealZIPAndASafeWebsite() throws {
        var draft = Self.site()
        draft.state = "il"
        draft.website = "javascript:alert(1)"
        guard case .failure(let report) = draft.parse(stateOfZIP: { $0 == "60611" ? "IL" : nil }) else {
            Issue.record("accepted a javascript: website")
            return
        }
        #expect(report.errors.map(\.field) == ["website"])
        draft.website = "https://lakeside.example"
        #expect(try draft.parse(stateOfZIP: { $0 == "60611" ? "IL" : nil }).get().state == "IL")
        draft.zip = "99999"
        #expect(throws: ValidationReport.self) { try draft.parse(stateOfZIP: { $0 == "60611" ? "IL" : nil }).get() }
    }

    /// Issue 18: "Boston, ZZ" was publishable; a site's state must be a US state or territory and its ZIP
    /// must lie in it.
    @Test func aSitesStateIsRealAndHoldsItsZIP() throws {
        var draft = SiteDraft()
        draft.name = "Harbor Hospital"
        draft.kind = "hospital"
        draft.street = "1 Harbor Road"
        draft.city = "Boston"
        draft.state = "ZZ"
        draft.zip = "02114"
        let lookup: (String) -> String? = { ["02114": "MA", "60611": "IL"][$0] }
        guard case .failure(let unknown) = draft.parse(stateOfZIP: lookup) else { Issue.record("accepted state ZZ"); return }
        #expect(unknown.errors.map(\.field) == ["state"])
        draft.state = "IL"
        guard case .failure(let elsewhere) = draft.parse(stateOfZIP: lookup) else { Issue.record("accepted a ZIP of another state"); return }
        #expect(elsewhere.errors.map(\.message) == ["ZIP code 02114 is in MA, not IL."])
        draft.state = "ma"
        #expect(try draft.parse(stateOfZIP: lookup).get().state == "MA")
    }

    /// The API's schema limits the text as sent; whitespace around a value counts, though the value kept is trimmed.
    @Test func limitsCountTheTextAsSent() throws {
        let site = Self.site()
        let lookup: (String) -> String? = { $0 == "60611" ? "IL" : nil }
        #expect(try site.parse(stateOfZIP: lookup).get().name == "Lakeside Hospital")
        for (field, change) in [("name", \SiteDraft.name), ("street", \SiteDraft.street), ("city", \SiteDraft.city)] as [(String, WritableKeyPath<SiteDraft, String>)] {
            var padded = site
            padded[keyPath: change] = " " + site[keyPath: change] + String(repeating: " ", count: 200)
            guard case .failure(let report) = padded.parse(stateOfZIP: lookup) else { Issue.record("accepted a padded \(field)"); continue }
            #expect(report.errors.map(\.field) == [field])
        }

        var draft = Self.opportunity()
        draft.title = " Cardiology Observership "
        draft.currency = "usd"
        #expect(try draft.parse().get().title == "Cardiology Observership")
        var padded = draft
        padded.title = "Cardiology Observership" + String(repeating: "\u{0B}", count: 190)
        padded.currency = " USD"
        guard case .failure(let report) = padded.parse() else { Issue.record("accepted a padded title and currency"); return }
        #expect(report.errors.map(\.field) == ["title", "currency"])
    }
}
