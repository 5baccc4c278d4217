import Foundation
import Testing

@testable import RoundsCore

/// Issue 21: NRMP program types (the 8th character of a program code) on the program list, and the
/// supplemental-list rule they allow Rounds to check.
@Suite struct PositionTypeTests {
    func draft(code: String, type: String = "") -> ResidencyProgramDraft {
        var draft = ResidencyProgramDraft()
        draft.name = "Fictional Program"
        draft.specialty = "Internal Medicine"
        draft.nrmpCode = code
        draft.positionType = type
        return draft
    }

    func validate(_ draft: ResidencyProgramDraft) -> Result<ResidencyProgramInput, ValidationReport> { draft.validate(specialties: ["Internal Medicine"]) }

    @Test func anInterviewDateInAYearThatIsASlipIsRefused() throws {
        var draft = self.draft(code: "")
        draft.status = "interview_scheduled"
        draft.interviewDate = "0027-01-12"
        guard case .failure(let report) = self.validate(draft) else { Issue.record("an interview in year 27 passed"); return }
        #expect(report.message(for: "interview_date") == "Check the year of the interview date.")
        draft.interviewDate = "2027-01-12"
        #expect(try self.validate(draft).get().interview?.day == Day(iso: "2027-01-12"))
    }

    @Test func codesAreNineToElevenCharactersAndNameTheirType() throws {
        // nrmp.org "Program Codes and Types": 4-digit institution, 3-digit specialty, type letter, 1-3 digit track.
        #expect(try self.validate(self.draft(code: "1000140C0")).get().positionType == .categorical)
        #expect(try self.validate(self.draft(code: "1000140A12")).get().positionType == .advanced)
        #expect(try self.validate(self.draft(code: "1000140p123")).get().positionType == .preliminary, "typed in lower case")
        #expect(try self.validate(self.draft(code: "")).get().positionType == nil)
        for bad in ["1000140C", "1000140C0000", "100014CC0", "1000140C0A"] {
            guard case .failure(let report) = self.validate(self.draft(code: bad)) else { Issue.record("\(bad) accepted"); continue }
            #expect(report.message(for: "nrmp_code")?.contains("1- to 3-digit track") == true)
        }
        // F and S are Specialties Matching Service (fellowship) types, not Main Match ones.
        guard case .failure(let fellowship) = self.validate(self.draft(code: "1000140F0")) else { Issue.record("fellowship code accepted"); return }
        #expect(fellowship.message(for: "nrmp_code") == "The 8th character of a Main Residency Match code is the program type: C, M, P, A or R.")
    }

    @Test func aChosenTypeMustAgreeWithTheCode() throws {
        #expect(try self.validate(self.draft(code: "", type: "P")).get().positionType == .preliminary)
        #expect(try self.validate(self.draft(code: "1000140A0", type: "A")).get().positionType == .advanced)
        guard case .failure(let clash) = self.validate(self.draft(code: "1000140A0", type: "P")) else { Issue.record("clash accepted"); return }
        #expect(clash.message(for: "position_type")?.contains("says this is a A program") == true)
        guard case .failure(let unknown) = self.validate(self.draft(code: "", type: "X")) else { Issue.record("X accepted"); return }
        #expect(unknown.message(for: "position_type") == "Choose a program type from the list.")
    }

    @Test func supplementalListsBelongToAdvancedProgramsAndHoldPreliminaryOnes() throws {
        let types: [String: PositionType] = ["adv": .advanced, "cat": .categorical, "pre": .preliminary, "cat2": .categorical]
        let open: Set<String> = ["adv", "cat", "pre", "cat2", "unknown"]
        var list = RankOrderList(keys: ["adv", "cat"], maximumRanks: 300)
        try list.applySupplemental(.add, to: "pre", under: "adv", allowed: open, types: types)
        try list.applySupplemental(.add, to: "unknown", under: "adv", allowed: open, types: types)
        #expect(list.supplementalList(of: "adv") == ["pre", "unknown"])
        #expect(throws: RankOrderList.SupplementalRefusal.notAdvanced(.categorical)) {
            try list.applySupplemental(.add, to: "pre", under: "cat", allowed: open, types: types)
        }
        #expect(throws: RankOrderList.SupplementalRefusal.notPreliminary(.categorical)) {
            try list.applySupplemental(.add, to: "cat2", under: "adv", allowed: open, types: types)
        }
        #expect(throws: RankOrderList.SupplementalRefusal.notPreliminary(.categorical)) {
            try list.replaceSupplemental(of: "adv", with: ["pre", "cat2"], allowed: open, types: types)
        }
        #expect(list.supplementalList(of: "adv") == ["pre", "unknown"])
        // Without known types (older entries), the rule cannot be checked and is not guessed.
        try list.applySupplemental(.add, to: "pre", under: "cat", allowed: open)
        #expect(list.supplementalList(of: "cat") == ["pre"])
    }

    @Test func theShippedTableNamesEveryTypeWithItsSource() throws {
        let table = try ProgramTypeTable.decode(try ResidencyData.data("program-types.json"))
        #expect(table.entries.map(\.type) == [.categorical, .primaryCare, .preliminary, .advanced, .physician])
        #expect(table.provenance.source == "https://www.nrmp.org/program-codes-and-types/" && table.provenance.confidence == .primary)
        #expect(table.supplementalProvenance.source == RankOrderList.supplementalSource)
        #expect(throws: ReferenceDataError.self) {
            try ProgramTypeTable.decode(Data(#"{"holds_for": "x", "source": "s", "confidence": "primary", "checked": "2026-12-03", "types": [{"letter": "C", "name": "C", "description": "d"}], "supplemental_rule": {"rule": "r", "source": "s", "checked": "c"}}"#.utf8))
        }
    }
}
