import DelimitedText
import Testing

@testable import RoundsCore

/// The program directory's CSV: whole files or nothing, every value with its provenance, unknowns kept.
@Suite struct DirectoryCSVTests {
    static let zips = ["10016": "NY", "60611": "IL"]
    static func state(_ zip: String) -> String? { Self.zips[zip] }

    static let header = DirectoryCSV.columns.joined(separator: ",")

    /// A row with the identity columns and the given screening cells (by column name).
    static func row(name: String = "Fictional Internal Medicine Residency", zip: String = "10016", state: String = "NY", _ cells: [String: String] = [:]) -> String {
        var values: [String: String] = [
            "name": name, "specialty": "Internal Medicine", "sponsoring_institution": "Fictional University Hospital", "city": "New York",
            "state": state, "zip": zip, "application_service": "eras", "positions": "24",
        ]
        values.merge(cells) { _, new in new }
        return CSV.line(DirectoryCSV.columns.map { values[$0] ?? "" })
    }

    static let provenance = ["_source": "https://fictional.example.org/residency/eligibility", "_verified_on": "2026-11-20", "_verified_by": "advisor@rounds.test"]

    static func withProvenance(_ field: String, _ value: String) -> [String: String] {
        var cells = [field: value]
        for (suffix, text) in Self.provenance { cells[field + suffix] = text }
        return cells
    }

    @Test func aValidFileReadsWithFactsAndUnknowns() throws {
        let cells = Self.withProvenance("accepts_j1", "yes").merging(Self.withProvenance("min_step2_ck", "230")) { a, _ in a }
        let text = Self.header + "\n" + Self.row(cells) + Self.row(name: "Fictional Pediatrics Residency", zip: "60611", state: "IL")
        let programs = try DirectoryCSV.read(text, stateOfZIP: Self.state).get()
        #expect(programs.count == 2)
        #expect(programs[0].requirements.acceptsJ1?.value == true)
        #expect(programs[0].requirements.acceptsJ1?.source == "https://fictional.example.org/residency/eligibility")
        #expect(programs[0].requirements.minimumStep2CK?.value == 230)
        #expect(programs[0].requirements.sponsorsH1B == nil)
        #expect(programs[1].requirements == ProgramRequirements())
        // Export and import again: the same programs.
        #expect(try DirectoryCSV.read(DirectoryCSV.write(programs), stateOfZIP: Self.state).get() == programs)
    }

    @Test func aValueWithoutProvenanceRejectsTheWholeFile() {
        var cells = Self.withProvenance("sponsors_h1b", "no")
        cells["sponsors_h1b_source"] = ""
        cells["sponsors_h1b_verified_by"] = ""
        let text = Self.header + "\n" + Self.row() + Self.row(name: "Second", cells)
        guard case .failure(let report) = DirectoryCSV.read(text, stateOfZIP: Self.state) else {
            Issue.record("a value without provenance was imported")
            return
        }
        #expect(report.errors.map(\.line) == [3, 3])
        #expect(Set(report.errors.map(\.column)) == ["sponsors_h1b_source", "sponsors_h1b_verified_by"])
    }

    @Test func badCellsAreNamedByLineAndColumn() {
        let text = Self.header + "\n"
            + Self.row(zip: "60611", state: "NY", ["application_service": "fax", "positions": "0", "ccn": "12", "usce_hands_on": "maybe"])
            + Self.row(Self.withProvenance("accepts_j1", "perhaps"))
            + Self.row(zip: "99999", state: "ZZ")
        guard case .failure(let report) = DirectoryCSV.read(text, stateOfZIP: Self.state) else {
            Issue.record("bad rows were imported")
            return
        }
        let byLine = Dictionary(grouping: report.errors, by: \.line).mapValues { Set($0.map(\.column)) }
        #expect(byLine[2] == ["zip", "application_service", "positions", "ccn", "usce_hands_on"])
        #expect(byLine[3] == ["accepts_j1"])
        #expect(byLine[4] == ["state", "zip"])
    }

    @Test func aFileWithoutTheProvenanceColumnsIsRefused() {
        let text = "name,specialty\nA,B\n"
        guard case .failure(let report) = DirectoryCSV.read(text, stateOfZIP: Self.state) else {
            Issue.record("a file without columns was imported")
            return
        }
        #expect(report.errors.count == 1)
        #expect(report.errors[0].column.contains("accepts_j1_source"))
    }
}

/// The one check behind the import, the administrators' form and the API.
@Suite struct DirectoryProgramDraftTests {
    @Test func aFactIsKeptInItsOneSpellingWithItsProvenance() throws {
        let fact = try RecordedFact.check(.acceptsJ1, value: " TRUE ", source: "https://x.example.org/a", verifiedOn: "2026-11-20", verifiedBy: "Ada").get()
        #expect(fact == RecordedFact(field: .acceptsJ1, value: "yes", source: "https://x.example.org/a", verifiedOn: Day(iso: "2026-11-20")!, verifiedBy: "Ada"))
        #expect(try RecordedFact.check(.minStep2CK, value: "", source: "", verifiedOn: "", verifiedBy: "").get() == nil)
        guard case .failure(let report) = RecordedFact.check(.minStep2CK, value: "301", source: "javascript:alert(1)", verifiedOn: "2026-13-01", verifiedBy: " ") else {
            Issue.record("a bad fact passed")
            return
        }
        #expect(Set(report.errors.map(\.field)) == ["min_step2_ck", "min_step2_ck_source", "min_step2_ck_verified_on", "min_step2_ck_verified_by"])
        // A year that is a slip (0026 for 2026) is not a day anyone checked the program.
        guard case .failure(let slip) = RecordedFact.check(.acceptsJ1, value: "yes", source: "https://x.example.org/a", verifiedOn: "0026-11-20", verifiedBy: "Ada") else {
            Issue.record("a fact checked in year 26 passed")
            return
        }
        #expect(slip.errors.map(\.field) == ["accepts_j1_verified_on"])
    }

    @Test func requirementsAndFactsRoundTrip() throws {
        let day = Day(iso: "2026-11-20")!
        let facts = ScreeningField.allCases.map { field in
            RecordedFact(field: field, value: field.isFlag ? "no" : "3", source: "https://x.example.org/\(field.rawValue)", verifiedOn: day, verifiedBy: "Ada")
        }
        let requirements = ProgramRequirements(facts: facts, usceMustBeHandsOn: true)
        #expect(requirements.facts == facts)
        #expect(requirements.minimumStep2CK?.value == 3)
        #expect(requirements.acceptsJ1?.value == false)
        #expect(requirements.usceMustBeHandsOn)
    }

    @Test func aSpecialtyOutsideTheListIsRefusedWhenAListIsGiven() {
        var draft = DirectoryProgramDraft()
        for (column, value) in ["name": "Fictional IM", "specialty": "Astrology", "sponsoring_institution": "F", "city": "New York", "state": "ny", "zip": "10016", "application_service": "ERAS"] {
            draft[column] = value
        }
        let state: (String) -> String? = { $0 == "10016" ? "NY" : nil }
        #expect((try? draft.check(stateOfZIP: state).get())?.state == "NY")
        guard case .failure(let report) = draft.check(stateOfZIP: state, specialties: ["Internal Medicine"]) else {
            Issue.record("an unlisted specialty passed")
            return
        }
        #expect(report.errors.map(\.field) == ["specialty"])
    }
}

/// Months of verified US clinical experience, as program screening counts them.
@Suite struct VerifiedUSCETests {
    static func experience(_ start: String, _ end: String?, handsOn: Bool, inUS: Bool = true) -> USCESummary.Experience {
        USCESummary.Experience(
            isClinical: true, isInUS: inUS, handsOn: handsOn, ranges: [(Day(iso: start)!, end.flatMap { Day(iso: $0) })], specialtyID: nil,
            completedHours: 0, verifiedHours: 0)
    }

    @Test func onlyVerifiedUSDaysCountOnceEach() {
        let today = Day(iso: "2026-12-01")!
        let usce = VerifiedUSCE(
            [
                (Self.experience("2026-01-01", "2026-03-31", handsOn: true), true),  // 90 days hands-on
                (Self.experience("2026-03-01", "2026-04-30", handsOn: false), true),  // 61 days, 31 overlapping
                (Self.experience("2026-06-01", "2026-08-31", handsOn: true), false),  // not verified
                (Self.experience("2026-09-01", "2026-10-31", handsOn: true, inUS: false), true),  // not in the US
                (Self.experience("2026-11-20", nil, handsOn: false), true),  // ongoing: 12 days up to today
            ], today: today)
        #expect(usce.handsOnMonths == 90 * 12 / 365)
        #expect(usce.months == (90 + 30 + 12) * 12 / 365)
    }
}

extension DirectoryCSVTests {
    @Test func twoRowsNamingOneProgramAreRefused() {
        let text = Self.header + "\n" + Self.row(["acgme_id": "1403531001"]) + Self.row(name: "Other name", ["acgme_id": "1403531001"])
            + Self.row(name: "fictional internal medicine residency")
        guard case .failure(let report) = DirectoryCSV.read(text, stateOfZIP: Self.state) else {
            Issue.record("a duplicate was imported")
            return
        }
        #expect(report.errors.map(\.description) == ["line 3, acgme_id: the same program as line 2", "line 4, name: the same program as line 2"])
    }
}
