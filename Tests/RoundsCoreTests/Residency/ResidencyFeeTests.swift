import Foundation
import Testing

@testable import RoundsCore

@Suite struct ResidencyFeeTests {
    /// The AAMC's own example for the 2026 season: 43 Internal Medicine and 7 Diagnostic Radiology
    /// programs cost $797 (the count restarts per specialty).
    @Test func theAAMCWorkedExampleCosts797() throws {
        let fees = try ResidencyData.fees()
        let estimate = FeeEstimate(
            fees: fees, matchYear: 2026, programsBySpecialty: ["Internal Medicine": 43, "Diagnostic Radiology": 7], isIMG: false, ranks: 0)
        #expect(estimate.erasTotal == 797)
        #expect(estimate.specialties.map(\.amount) == [77, 720])
    }

    /// The worked example written in the data file itself agrees with the computation.
    @Test func theDataFilesOwnWorkedExampleAgrees() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: try ResidencyData.data("fees.json")) as? [String: Any])
        let example = try #require(((json["eras"] as? [String: Any])?["2026"] as? [String: Any])?["worked_example"] as? [String: Any])
        let programs = try #require(example["programs_by_specialty"] as? [String: Int])
        let schedule = try #require(try ResidencyData.fees().eras[2026])
        #expect(programs.values.reduce(0) { $0 + schedule.cost(programs: $1) } == example["total"] as? Int)
    }

    @Test(arguments: [(0, 0), (1, 99), (10, 99), (11, 118), (20, 289), (21, 312), (30, 519), (31, 546)])
    func the2024TiersStartWithAFlatFee(programs: Int, cost: Int) throws {
        #expect(try #require(try ResidencyData.fees().eras[2024]).cost(programs: programs) == cost)
    }

    @Test func theNextProgramCostsMoreAfterThirty() throws {
        let schedule = try #require(try ResidencyData.fees().eras[2026])
        #expect(schedule.nextProgramCost(after: 29) == 11)
        #expect(schedule.nextProgramCost(after: 30) == 30)
    }

    @Test func anUnpublishedSeasonUsesTheLatestPublishedOneAndSaysSo() throws {
        let estimate = FeeEstimate(fees: try ResidencyData.fees(), matchYear: 2027, programsBySpecialty: ["Internal Medicine": 5], isIMG: true, ranks: 0)
        #expect(estimate.erasSeasonUsed == 2026)
        #expect(estimate.usesEarlierSeason)
        #expect(estimate.erasTotal == 55)
    }

    @Test func anIMGPaysTheTokenAndLongListsPayPerExtraRank() throws {
        let fees = try ResidencyData.fees()
        let img = FeeEstimate(fees: fees, matchYear: 2026, programsBySpecialty: ["Internal Medicine": 2], isIMG: true, ranks: 25)
        let labels = img.lines.map(\.label)
        #expect(labels.contains { $0.hasPrefix("ECFMG token") })
        #expect(img.lines.first { $0.label.hasPrefix("NRMP ranks beyond") }?.amount == 5 * 30)
        #expect(img.total == 22 + 80 + 165 + 75 + 150)
        let us = FeeEstimate(fees: fees, matchYear: 2026, programsBySpecialty: [:], isIMG: false, ranks: 20)
        #expect(us.lines.map(\.label) == ["NRMP Main Match registration"], "no ERAS programs, no transcript; 20 ranks are included")
        #expect(us.lines.first?.provenance.note?.contains("2016") == true, "the NRMP fees say when they were last published")
    }

    @Test func aScheduleWithAGapIsRefused() {
        let file = #"""
            {"eras": {"2026": {"per_specialty": true, "tiers": [{"from_program": 1, "to_program": 10, "each": 11}, {"from_program": 12, "to_program": null, "each": 30}],
              "source": "https://aamc.org", "confidence": "primary"}},
             "usmle_transcript": {"amount": 80, "source": "https://aamc.org", "confidence": "primary"},
             "ecfmg_eras_token": {"amount": 165, "source": "https://ecfmg.org", "confidence": "primary"},
             "nrmp": {"registration": 75, "late_registration_extra": 50, "couples_extra_per_partner": 15, "ranks_included_primary": 20,
                      "per_extra_rank": 30, "max_ranks_per_list": 300, "source": "https://nrmp.org", "confidence": "primary"}}
            """#
        #expect {
            try ResidencyFees.decode(Data(file.utf8))
        } throws: { error in
            (error as? ReferenceDataError)?.problem.contains("tier 2 must start at program 11") == true
        }
    }
}
