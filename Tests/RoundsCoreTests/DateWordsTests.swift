import Foundation
import RoundsCore
import Testing

struct DateWordsTests {
    @Test(arguments: [
        ("2026-03-03", "Tue 3 Mar 2026"), ("1970-01-01", "Thu 1 Jan 1970"), ("2028-02-29", "Tue 29 Feb 2028"),
        ("2027-12-31", "Fri 31 Dec 2027"), ("1969-12-31", "Wed 31 Dec 1969"),
    ])
    func daysNameTheirWeekdayAndMonth(iso: String, words: String) throws {
        #expect(DateWords.day(try #require(Day(iso: iso))) == words)
    }

    @Test(arguments: [
        (0, 0, "midnight"), (12, 0, "noon"), (21, 0, "9 p.m."), (9, 5, "9:05 a.m."), (0, 30, "12:30 a.m."), (12, 45, "12:45 p.m."), (23, 59, "11:59 p.m."),
    ])
    func clockTimesUseTheTwelveHourClock(hour: Int, minute: Int, words: String) {
        #expect(DateWords.clock(hour: hour, minute: minute) == words)
    }

    @Test func publishedTimesAreReadOrRefused() throws {
        // Published "HH:MM" times are read once, by SeasonCalendar, into the minutes milestones keep.
        #expect(DateWords.clock(minuteOfDay: try #require(SeasonCalendar.minuteOfDay("21:00"))) == "9 p.m.")
        #expect(DateWords.clock(minuteOfDay: try #require(SeasonCalendar.minuteOfDay("07:30"))) == "7:30 a.m.")
        for bad in ["24:00", "9:00", "21:60", "21", "ab:cd", ""] { #expect(SeasonCalendar.minuteOfDay(bad) == nil, "\(bad)") }
    }

    @Test func instantsAreShownOnTheZonesWallClock() throws {
        // 2026-03-04 02:00 UTC is 9 p.m. the evening before in New York (UTC-5, before the March change).
        let instant = try #require(ISO8601DateFormatter().date(from: "2026-03-04T02:00:00Z"))
        #expect(DateWords.dateTime(instant) == "Wed 4 Mar 2026, 2 a.m. UTC")
        let eastern = try #require(TimeZone(identifier: "America/New_York"))
        #expect(DateWords.dateTime(instant, in: eastern, zoneLabel: "ET") == "Tue 3 Mar 2026, 9 p.m. ET")
        #expect(DateWords.dateTime(instant, in: eastern) == "Tue 3 Mar 2026, 9 p.m. ET")
        #expect(DateWords.dateTime(instant, in: try #require(TimeZone(identifier: "America/Los_Angeles"))) == "Tue 3 Mar 2026, 6 p.m. PT")
        let kolkata = try #require(TimeZone(identifier: "Asia/Kolkata"))
        #expect(DateWords.dateTime(instant, in: kolkata, zoneLabel: "IST") == "Wed 4 Mar 2026, 7:30 a.m. IST")
    }
}
