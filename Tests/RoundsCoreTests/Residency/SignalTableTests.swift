import Testing

@testable import RoundsCore

@Suite struct SignalTableTests {
    @Test func goldAndSilverBudgetsAreSeparateAndRefusedPastTheirEnd() throws {
        let table = try ResidencyData.signals()
        #expect(table.season == 2025)
        #expect(table.refusal(specialty: "Internal Medicine", tier: .gold, alreadyUsed: 2) == nil)
        let refusal = try #require(table.refusal(specialty: "Internal Medicine", tier: .gold, alreadyUsed: 3))
        #expect(refusal.contains("3 gold signals (2025 season)"))
        #expect(table.refusal(specialty: "Internal Medicine", tier: .silver, alreadyUsed: 11) == nil)
        #expect(table.refusal(specialty: "Internal Medicine", tier: .silver, alreadyUsed: 12) != nil)
        #expect(table.refusal(specialty: "Internal Medicine", tier: .signal, alreadyUsed: 0)?.contains("gold or silver") == true)
    }

    @Test func aSingleTierSpecialtyTakesPlainSignals() throws {
        let table = try ResidencyData.signals()
        #expect(table.refusal(specialty: "Family Medicine", tier: .signal, alreadyUsed: 4) == nil)
        #expect(table.refusal(specialty: "family medicine", tier: .signal, alreadyUsed: 5) != nil)
        #expect(table.refusal(specialty: "Family Medicine", tier: .gold, alreadyUsed: 0) != nil)
        #expect(table.allowance(for: "Emergency Medicine")?.note?.contains("away rotations") == true)
    }

    @Test func aSpecialtyOutsideTheTableHasNoBudget() throws {
        let refusal = try #require(try ResidencyData.signals().refusal(specialty: "Urology", tier: .signal, alreadyUsed: 0))
        #expect(refusal.contains("did not take part"))
    }

    /// The residency list writes combined programs with a hyphen and radiology apart; the AAMC's table
    /// writes "Internal Medicine/Psychiatry" and one budget for DR and IR. Every signal-table specialty
    /// is reachable from the residency list.
    @Test func residencyListNamesFindTheirAllowance() throws {
        let table = try ResidencyData.signals()
        #expect(table.allowance(for: "Internal Medicine-Psychiatry")?.specialty == "Internal Medicine/Psychiatry")
        #expect(table.allowance(for: "Interventional Radiology")?.specialty == "Diagnostic Radiology / Interventional Radiology")
        #expect(table.allowance(for: "Cardiology") == nil)
        let names = Specialties.residency.all.map(\.name)
        #expect(table.specialties(sharingBudgetWith: "Diagnostic Radiology", among: names) == ["Diagnostic Radiology", "Interventional Radiology"])
        #expect(table.specialties(sharingBudgetWith: "Pediatrics", among: names) == ["Pediatrics"])
        for allowance in table.allowances {
            #expect(names.contains { table.allowance(for: $0)?.specialty == allowance.specialty }, "\(allowance.specialty)")
        }
    }
}
