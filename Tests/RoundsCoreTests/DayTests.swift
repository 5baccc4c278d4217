import Testing

@testable import RoundsCore

@Suite struct DayTests {
    @Test(arguments: ["2026-02-30", "+026-01-01", "2026-+1-01", "2026-1-01", "２０２６-01-01", "2026-01-01 ", "-026-01-01"])
    func onlyTenASCIICharactersMakeADay(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func aDayReadsBackAsItWasWritten() throws {
        for text in ["2028-02-29", "1900-01-01", "0028-03-02", "2026-12-31"] {
            #expect(try #require(Day(iso: text)).iso == text)
        }
    }

    /// Typed years before 1900 or more than ten years ahead are slips (0028 for 2028), refused where people type dates.
    @Test func typedDatesRunFrom1900ToTenYearsAhead() throws {
        let today = try #require(Day(iso: "2026-12-05"))
        let cases: [(String, Bool)] = [
            ("1899-12-31", false), ("1900-01-01", true), ("0028-03-02", false), ("2026-12-05", true), ("2036-12-05", true), ("2036-12-06", false),
        ]
        for (text, plausible) in cases {
            #expect(try #require(Day(iso: text)).isPlausiblyTyped(today: today) == plausible, "\(text)")
        }
        // Ten years after a 29 February is the 28th.
        let leap = try #require(Day(iso: "2028-02-29"))
        #expect(try #require(Day(iso: "2038-02-28")).isPlausiblyTyped(today: leap))
        #expect(!(try #require(Day(iso: "2038-03-01")).isPlausiblyTyped(today: leap)))
    }
}
