import DelimitedText
import Testing

@testable import RoundsCore

@Suite struct PortfolioRulesTests {
    /// Issue 16: the AMCAS cycle that opened in May 2026 is AMCAS 2027, named for its entry year.
    @Test func amcasCyclesAreNamedForTheirEntryYear() {
        #expect(ApplicationFormats.AMCAS.cycleName(openingYear: 2026) == "AMCAS 2027")
        #expect(ApplicationFormats.AMCAS.cycleName(openingYear: 2023) == "AMCAS 2024")
        #expect(ApplicationFormats.AMCAS.season.hasPrefix(ApplicationFormats.AMCAS.cycleName(openingYear: ApplicationFormats.AMCAS.openingYear)))
        #expect(ApplicationFormats.ERAS.readFrom.contains("2025 season"))
    }

    static let today = Day(iso: "2026-11-30")!

    static func draft() -> ExperienceDraft {
        var draft = ExperienceDraft()
        draft.title = "Observer, Internal Medicine"
        draft.organization = "Fictional General Hospital"
        draft.city = "Boston"
        draft.state = "MA"
        draft.amcasType = AMCASExperienceType.shadowing.rawValue
        draft.setting = "inpatient"
        draft.description = "Followed the inpatient team on daily rounds and presented two patients a week."
        draft.ranges = [.init(start: "2026-03-02", end: "2026-03-27", priorHours: "120", anticipatedHours: "")]
        return draft
    }

    @Test func aCompleteExperienceParsesAndTakesTheSuggestedERASType() throws {
        let checked = try Self.draft().check(today: Self.today).get()
        #expect(checked.amcasType == .shadowing)
        #expect(checked.erasType == .educationTraining)
        var unknown = Self.draft()
        unknown.erasType = "AAA"
        guard case .failure(let report) = unknown.check(today: Self.today) else { Issue.record("accepted an unknown ERAS type"); return }
        #expect(report.message(for: "eras_type") != nil)
        #expect(checked.ranges == [ExperienceRange(start: Day(iso: "2026-03-02")!, end: Day(iso: "2026-03-27")!, priorHours: 120, anticipatedHours: 0)])
    }

    @Test func datesAndHoursMustMakeSense() {
        let cases: [(ExperienceDraft.RangeDraft, String)] = [
            (.init(start: "2026-03-27", end: "2026-03-02", priorHours: "", anticipatedHours: ""), "ends before it starts"),
            (.init(start: "March", end: "", priorHours: "", anticipatedHours: ""), "YYYY-MM-DD"),
            (.init(start: "2026-03-02", end: "2026-03-03", priorHours: "49", anticipatedHours: ""), "do not fit in 2 days"),
            (.init(start: "2027-01-04", end: "2027-02-01", priorHours: "10", anticipatedHours: ""), "has not started yet"),
            (.init(start: "2026-03-02", end: "2026-03-27", priorHours: "", anticipatedHours: "40"), "completed, not anticipated"),
            (.init(start: "2026-03-02", end: "", priorHours: "-3", anticipatedHours: ""), "whole number"),
            (.init(start: "0026-03-02", end: "", priorHours: "", anticipatedHours: ""), "Period 1: Check the year of the start date: give a date from 1900-01-01 to 2036-11-30."),
            (.init(start: "2026-03-02", end: "2926-03-27", priorHours: "", anticipatedHours: "40"), "Check the year of the end date"),
        ]
        for (range, message) in cases {
            var draft = Self.draft()
            draft.ranges = [range]
            guard case .failure(let report) = draft.check(today: Self.today) else { Issue.record("accepted \(range)"); continue }
            #expect(report.message(for: "ranges")?.contains(message) == true, "\(report.summary)")
        }
        var five = Self.draft()
        five.ranges = Array(repeating: .init(start: "2026-01-05", end: "2026-01-06", priorHours: "", anticipatedHours: ""), count: 5)
        guard case .failure(let report) = five.check(today: Self.today) else { Issue.record("accepted five ranges"); return }
        #expect(report.message(for: "ranges")?.contains("at most 4") == true)
    }

    @Test func identifiersInADescriptionOrReflectionAreRefusedWithTheSpan() {
        var draft = Self.draft()
        draft.description = "Saw Mr. John Smith, MRN 00123456, on 03/14/2026 for chest pain."
        draft.erasReflection = "A 93-year-old taught me patience."
        guard case .failure(let report) = draft.check(today: Self.today) else { Issue.record("accepted identifiers"); return }
        let description = report.message(for: "description") ?? ""
        #expect(description.contains("MRN 00123456") || description.contains("00123456"))
        #expect(description.contains("03/14/2026"))
        #expect(report.message(for: "eras_reflection")?.contains("93") == true)
        // An ordinary clinical reflection passes.
        var plain = Self.draft()
        plain.description = "Watched the team manage a patient in her sixties with heart failure; learned how diuresis is titrated."
        #expect((try? plain.check(today: Self.today).get()) != nil)
    }

    @Test func hourLogsFallInsideAPeriodAndHaveSensibleHours() throws {
        let ranges = try Self.draft().check(today: Self.today).get().ranges
        let good = try HourLogDraft(day: "2026-03-10", hours: "7.5", activities: "Rounds and two admissions").check(today: Self.today, ranges: ranges).get()
        #expect(good.quarterHours == 30)
        let cases: [(HourLogDraft, String, String)] = [
            (HourLogDraft(day: "2026-04-10", hours: "4", activities: ""), "day", "outside"),
            (HourLogDraft(day: "2026-12-10", hours: "4", activities: ""), "day", "not ahead"),
            (HourLogDraft(day: "2026-03-10", hours: "25", activities: ""), "hours", "at most 24"),
            (HourLogDraft(day: "2026-03-10", hours: "24.1", activities: ""), "hours", "at most 24"),
            (HourLogDraft(day: "2026-03-10", hours: "0.1", activities: ""), "hours", "quarter hour"),
            (HourLogDraft(day: "2026-03-10", hours: "7.3", activities: ""), "hours", "quarter hour"),
            (HourLogDraft(day: "2026-03-10", hours: "0", activities: ""), "hours", "more than 0"),
            (HourLogDraft(day: "2026-03-10", hours: "nan", activities: ""), "hours", "more than 0"),
            (HourLogDraft(day: "2026-03-10", hours: "-inf", activities: ""), "hours", "more than 0"),
            (HourLogDraft(day: "2026-03-10", hours: "3", activities: "Called the patient at 617-555-0142"), "activities", "617-555-0142"),
            // Counted as sent, in code points as the API's schema counts: blank space and combining accents included.
            (HourLogDraft(day: "2026-03-10", hours: "3", activities: "Rounds" + String(repeating: " ", count: HourLogDraft.maximumActivities)), "activities", "longer than"),
            (HourLogDraft(day: "2026-03-10", hours: "3", activities: String(repeating: "e\u{301}", count: HourLogDraft.maximumActivities / 2 + 1)), "activities", "longer than"),
        ]
        for (log, field, message) in cases {
            guard case .failure(let report) = log.check(today: Self.today, ranges: ranges) else { Issue.record("accepted \(log)"); continue }
            #expect(report.message(for: field)?.contains(message) == true, "\(report.summary)")
        }
    }

    /// A host's evaluation: six scores from 1 to 5; comments limited as sent (blank space counts) and guarded.
    @Test func evaluationCommentsAreLimitedAsSentAndGuarded() throws {
        let scores = Dictionary(uniqueKeysWithValues: Competency.allCases.map { ($0.rawValue, "4") })
        #expect(try Competency.check(scores: scores, comments: "  Reliable and curious. ").get().count == 6)
        for comments in ["Reliable" + String(repeating: " ", count: 2_000), "Saw Mr. John Carter, MRN 48213377, on ward 4."] {
            guard case .failure(let report) = Competency.check(scores: scores, comments: comments) else { Issue.record("accepted \(comments.prefix(40))"); continue }
            #expect(report.message(for: "comments") != nil)
        }
    }

    static func exportable(_ index: Int, description: String = "Followed the inpatient team.", meaningful: Bool = false) -> ExportableExperience {
        ExportableExperience(
            title: "Experience \(index)", organization: "Org", city: "Boston", state: "MA", country: "United States", amcasType: .shadowing,
            erasType: .educationTraining, erasSetting: .urban, focusArea: nil, frequency: .daily, supervisorName: "Dr. A", supervisorTitle: "Attending",
            supervisorEmail: "a@example.org", description: description, amcasMostMeaningful: meaningful, amcasReflection: meaningful ? "Why it mattered." : "",
            erasMostMeaningful: meaningful, erasReflection: meaningful ? "Why it mattered." : "",
            ranges: [.init(start: Day(iso: "2026-03-02")!, end: Day(iso: "2026-03-27")!, completedHours: 120, anticipatedHours: 0)], verification: nil
        )
    }

    @Test func exportsSayWhichEntriesDoNotFitAndWhy() {
        let amcas = PortfolioExport.check((0..<16).map { Self.exportable($0, meaningful: $0 < 4) } + [Self.exportable(99, description: String(repeating: "x", count: 701))], format: .amcas)
        #expect(!amcas.isValid)
        #expect(amcas.problems.contains { $0.contains("at most 15") })
        #expect(amcas.problems.contains { $0.contains("at most 3 most meaningful") })
        #expect(amcas.entries.last?.problems == ["The description is 701 characters; AMCAS allows 700."])
        // ERAS allows 750 for the same text, but only 10 entries.
        let eras = PortfolioExport.check([Self.exportable(1, description: String(repeating: "x", count: 701))], format: .eras)
        #expect(eras.isValid)
        let tooLong = PortfolioExport.check([Self.exportable(1, description: String(repeating: "x", count: 751))], format: .eras)
        #expect(tooLong.entries[0].problems == ["The description is 751 characters; ERAS allows 750."])
        #expect(!PortfolioExport.check((0..<11).map { Self.exportable($0) }, format: .eras).isValid)
    }

    /// Whether AMCAS requires a most meaningful experience is not known (rules file): the export says so
    /// without refusing; once the file knows a minimum, fewer are refused with the source.
    @Test func amcasMostMeaningfulMinimumIsANoticeWhileUnknownAndARefusalOnceKnown() {
        #expect(ApplicationFormats.AMCAS.minimumMostMeaningful == nil)
        let noneMarked = PortfolioExport.check([Self.exportable(1), Self.exportable(2)], format: .amcas)
        #expect(noneMarked.isValid)
        #expect(noneMarked.notices.count == 1)
        #expect(noneMarked.notices.first?.contains("not known") == true)
        #expect(PortfolioExport.check([Self.exportable(1, meaningful: true)], format: .amcas).notices.isEmpty)
        #expect(PortfolioExport.check([], format: .amcas).notices.isEmpty)
        // ERAS has no such question.
        #expect(PortfolioExport.check([Self.exportable(1)], format: .eras).notices.isEmpty)

        let required = PortfolioExport.amcas([Self.exportable(1)], minimumMostMeaningful: 1)
        #expect(!required.isValid)
        #expect(required.problems.contains { $0.contains("at least 1 most meaningful experience") })
        #expect(PortfolioExport.amcas([Self.exportable(1, meaningful: true)], minimumMostMeaningful: 1).isValid)
    }

    /// ERAS asks every entry how often the applicant took part; the key characteristic is optional there
    /// ("as applicable"), so an entry without one still exports.
    @Test func erasNeedsTheFrequencyButNotTheKeyCharacteristic() throws {
        var withoutFrequency = Self.exportable(1)
        withoutFrequency.frequency = nil
        let refused = PortfolioExport.check([withoutFrequency], format: .eras)
        #expect(!refused.isValid)
        #expect(refused.entries[0].problems.contains { $0.contains("frequency of participation") })
        #expect(PortfolioExport.check([withoutFrequency], format: .amcas).isValid)
        var complete = Self.exportable(2)
        complete.keyCharacteristic = .teamwork
        let exported = PortfolioExport.check([complete, Self.exportable(3)], format: .eras)
        #expect(exported.isValid)
        let records = try CSV.parse(PortfolioExport.csv(exported))
        let header = records[0].fields
        let frequency = try #require(header.firstIndex(of: "Frequency of Participation"))
        let characteristic = try #require(header.firstIndex(of: "Key Characteristic"))
        #expect(records[1].fields[frequency] == "Daily")
        #expect(records[1].fields[characteristic] == "Teamwork and leadership")
        #expect(records[2].fields[characteristic] == "")
    }

    @Test func theDraftReadsFrequencyAndKeyCharacteristicFromTheLists() {
        var draft = ExperienceDraft()
        draft.title = "Observer"
        draft.organization = "Fictional Heart Institute"
        draft.amcasType = AMCASExperienceType.shadowing.rawValue
        draft.ranges = [.init(start: "2026-01-05", end: "2026-01-30", priorHours: "20", anticipatedHours: "")]
        draft.frequency = "weekly"
        draft.keyCharacteristic = "empathy_compassion"
        guard case .success(let checked) = draft.check(today: Day(iso: "2026-12-02")!) else {
            Issue.record("a valid draft was refused")
            return
        }
        #expect(checked.frequency == .weekly)
        #expect(checked.keyCharacteristic == .empathy)
        draft.frequency = "fortnightly"
        draft.keyCharacteristic = "charm"
        guard case .failure(let report) = draft.check(today: Day(iso: "2026-12-02")!) else {
            Issue.record("unknown values were accepted")
            return
        }
        #expect(report.message(for: "frequency") != nil)
        #expect(report.message(for: "key_characteristic") != nil)
    }

    @Test func theCSVHasOneRowPerEntryAndCannotRunFormulas() throws {
        var formula = Self.exportable(1)
        formula.title = "=HYPERLINK(\"http://evil\")"
        let text = PortfolioExport.csv(PortfolioExport.check([formula, Self.exportable(2, meaningful: true)], format: .amcas))
        let records = try CSV.parse(text)
        #expect(records.count == 3)
        #expect(records[0].fields.count == 9 + 16 + 4)
        #expect(records[1].fields[1] == "'=HYPERLINK(\"http://evil\")")
        #expect(records[1].fields[0] == "Physician Shadowing/Clinical Observation")
        #expect(records[1].fields[9] == "03/2026")
        #expect(records[1].fields[11] == "120")
        #expect(records[2].fields[26] == "Yes")
    }

    @Test func theSummaryCountsDistinctUSClinicalWeeksInEachWindow() {
        let today = Self.today
        func range(_ start: String, _ end: String?) -> (start: Day, end: Day?) { (Day(iso: start)!, end.flatMap(Day.init(iso:))) }
        let experiences = [
            // 28 days hands-on last spring, overlapping another hands-on week: 28 distinct days = 4 weeks.
            USCESummary.Experience(isClinical: true, isInUS: true, handsOn: true, ranges: [range("2026-03-02", "2026-03-29")], specialtyID: "internal-medicine", completedHours: 160, verifiedHours: 160),
            USCESummary.Experience(isClinical: true, isInUS: true, handsOn: true, ranges: [range("2026-03-23", "2026-03-29")], specialtyID: "internal-medicine", completedHours: 40, verifiedHours: 0),
            // 14 days observational 18 months ago: only in the 24-month window.
            USCESummary.Experience(isClinical: true, isInUS: true, handsOn: false, ranges: [range("2025-05-05", "2025-05-18")], specialtyID: "pediatrics", completedHours: 60, verifiedHours: 60),
            // Abroad, and not clinical: neither counts.
            USCESummary.Experience(isClinical: true, isInUS: false, handsOn: true, ranges: [range("2026-06-01", "2026-06-30")], specialtyID: "surgery", completedHours: 100, verifiedHours: 0),
            USCESummary.Experience(isClinical: false, isInUS: true, handsOn: false, ranges: [range("2026-06-01", "2026-06-30")], specialtyID: nil, completedHours: 100, verifiedHours: 0),
        ]
        let summary = USCESummary(experiences, lettersObtained: 2, today: today)
        #expect(summary.handsOnWeeks12 == 4)
        #expect(summary.observationalWeeks12 == 0)
        #expect(summary.observationalWeeks24 == 2)
        #expect(summary.specialties == ["Internal Medicine", "Pediatrics"])
        #expect(summary.completedHours == 260)
        #expect(summary.verifiedHours == 220)
        #expect(summary.lettersObtained == 2)
    }
}
