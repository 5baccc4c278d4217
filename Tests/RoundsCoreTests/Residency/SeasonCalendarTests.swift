import Foundation
import Testing

@testable import RoundsCore

@Suite struct SeasonCalendarTests {
    @Test func theShippedSeasonsReadWithTheirSourcesAndUnpublishedDatesLeftOut() throws {
        let calendar = try ResidencyData.calendar()
        #expect(calendar.matchYears == [2026, 2027])
        let season2026 = try #require(calendar[2026])
        #expect(season2026.milestones.count == MilestoneKind.allCases.count)
        let deadline = try #require(season2026[.rankOrderListDeadline])
        #expect(deadline.day == ResidencyData.day("2026-03-04"))
        #expect(deadline.timeText == "21:00")
        #expect(deadline.provenance.confidence == .secondary)
        let season2027 = try #require(calendar[2027])
        #expect(season2027[.rankOrderListDeadline] == nil, "unpublished in the data, so unknown, not guessed")
        #expect(season2027[.matchDay]?.provenance.confidence == .inferred)
        #expect(season2027[.matchDay]?.provenance.note?.contains("third Friday") == true)
    }

    @Test(arguments: [
        ("2026-12-02", 2027), ("2026-03-20", 2026), ("2026-03-21", 2027), ("2025-01-01", 2026),
    ])
    func theDefaultMatchYearIsTheFirstWhoseMatchDayIsAhead(today: String, expected: Int) throws {
        #expect(try ResidencyData.calendar().defaultMatchYear(today: ResidencyData.day(today)) == expected)
    }

    @Test func everySeasonIsOverAfterTheLastMatchDay() throws {
        #expect(try ResidencyData.calendar().defaultMatchYear(today: ResidencyData.day("2027-03-20")) == nil)
    }

    static func file(_ milestones: String) -> Data {
        Data(#"{"time_zone": "America/New_York", "match_years": {"2027": {\#(milestones)}}}"#.utf8)
    }

    @Test(arguments: [
        (#""match_dai": null"#, "unknown milestone match_dai"),
        (#""match_day": {"date": "2027-3-19", "source": "https://nrmp.org", "confidence": "primary"}"#, "is not YYYY-MM-DD"),
        (#""match_day": {"date": "2027-03-19", "time": "25:00", "source": "https://nrmp.org", "confidence": "primary"}"#, "is not HH:MM"),
        (#""match_day": {"date": "2027-03-19", "source": "https://nrmp.org", "confidence": "certain"}"#, "confidence certain"),
        (#""match_day": {"date": "2027-03-19", "source": null, "confidence": "primary"}"#, "only an inferred value"),
        (#""match_day": {"date": "2027-03-19", "source": "javascript:alert(1)", "confidence": "primary"}"#, "not a web address"),
        (
            #""match_day": {"date": "2027-03-19", "source": "https://a.org", "confidence": "primary"}, "soap_ends": {"date": "2027-03-25", "source": "https://a.org", "confidence": "primary"}"#,
            "match_day (2027-03-19) comes before soap_ends"
        ),
    ])
    func aMalformedFileIsRefusedNamingTheProblem(milestones: String, problem: String) {
        #expect {
            try SeasonCalendar.decode(Self.file(milestones))
        } throws: { error in
            (error as? ReferenceDataError)?.description.contains(problem) == true
        }
    }

    @Test func aWellFormedFileReads() throws {
        let calendar = try SeasonCalendar.decode(Self.file(#""match_day": {"date": "2027-03-19", "source": null, "confidence": "inferred"}"#))
        #expect(calendar[2027]?[.matchDay]?.day == ResidencyData.day("2027-03-19"))
    }
}

@Suite struct MilestoneCorrectionTests {
    static let nrmp = Provenance(source: "https://www.nrmp.org/match-calendars/", confidence: .primary, holdsFor: "2027 Match")

    @Test func aCorrectionPublishesAnUnknownDateAndALaterOneWins() throws {
        let calendar = try ResidencyData.calendar()
        let first = MilestoneCorrection(matchYear: 2027, kind: .rankOrderListDeadline, day: ResidencyData.day("2027-03-03"), minuteOfDay: 21 * 60, provenance: Self.nrmp)
        #expect(calendar.refusal(of: first) == nil)
        var second = first
        second.day = ResidencyData.day("2027-03-04")
        let corrected = calendar.applying([first, second])
        #expect(corrected[2027]?[.rankOrderListDeadline]?.day == ResidencyData.day("2027-03-04"))
        #expect(corrected[2027]?[.rankOrderListDeadline]?.provenance.source == "https://www.nrmp.org/match-calendars/")
        #expect(calendar[2027]?[.rankOrderListDeadline] == nil, "the shipped calendar is unchanged")
        var withdrawn = first
        withdrawn.day = nil
        #expect(calendar.applying([first, withdrawn])[2027]?[.rankOrderListDeadline] == nil)
    }

    @Test func aCorrectionOutOfOrderOrWithoutASourceIsRefused() throws {
        let calendar = try ResidencyData.calendar()
        let late = MilestoneCorrection(matchYear: 2027, kind: .rankOrderListDeadline, day: ResidencyData.day("2027-04-01"), minuteOfDay: nil, provenance: Self.nrmp)
        #expect(calendar.refusal(of: late)?.contains("would come before") == true)
        var unsourced = late
        unsourced.day = ResidencyData.day("2027-03-03")
        unsourced.provenance = Provenance(source: nil, confidence: .primary)
        #expect(calendar.refusal(of: unsourced)?.hasPrefix("Give the page") == true)
        unsourced.provenance = Provenance(source: "ftp://nrmp.org/x", confidence: .primary)
        #expect(calendar.refusal(of: unsourced)?.contains("web address") == true)
        var unknownYear = late
        unknownYear.matchYear = 2040
        #expect(calendar.refusal(of: unknownYear) == "Rounds has no 2040 season.")
    }
}
