import Foundation
import Testing

@testable import RoundsCore

@Suite struct ICalendarTests {
    static let stamp = "20261202T120000Z"

    @Test func textIsEscapedAsRFC5545Says() {
        #expect(ICalendar.escape(#"a,b;c\d"#) == #"a\,b\;c\\d"#)
        #expect(ICalendar.escape("line one\r\nline two") == #"line one\nline two"#)
        #expect(ICalendar.escape("bell\u{7}") == "bell", "control characters are not allowed in TEXT")
    }

    @Test func longLinesFoldAt75OctetsWithoutSplittingACharacter() {
        let line = "SUMMARY:" + String(repeating: "é", count: 100)
        let folded = ICalendar.fold(line)
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.count > 1)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(physical.first! + physical.dropFirst().map { String($0.dropFirst()) }.joined() == line)
        #expect(ICalendar.fold("SHORT:x") == "SHORT:x")
    }

    @Test func aFeedHasCRLFLinesATimeZoneAndTimedAndAllDayEvents() {
        let feed = ICalendar(
            name: "Residency plan",
            events: [
                ICalendar.Event(uid: "task-1@rounds", day: Day(iso: "2027-03-03")!, minuteOfDay: 21 * 60, summary: "Rank list, due", description: "Source: https://nrmp.org"),
                ICalendar.Event(uid: "m-2@rounds", day: Day(iso: "2027-03-19")!, minuteOfDay: nil, summary: "Match Day", description: "inferred"),
                ICalendar.Event(uid: "late@rounds", day: Day(iso: "2027-01-10")!, minuteOfDay: 23 * 60 + 30, summary: "Late", description: ""),
            ]
        ).render(stamp: Self.stamp)
        #expect(feed.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!feed.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        let lines = feed.components(separatedBy: "\r\n")
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 3)
        #expect(lines.contains("BEGIN:VTIMEZONE") && lines.contains("TZID:America/New_York"))
        #expect(lines.contains("DTSTART;TZID=America/New_York:20270303T210000"))
        #expect(lines.contains("DTEND;TZID=America/New_York:20270303T220000"))
        #expect(lines.contains("SUMMARY:Rank list\\, due"))
        #expect(lines.contains("DTSTART;VALUE=DATE:20270319"))
        #expect(lines.contains("DTEND;VALUE=DATE:20270320"))
        #expect(lines.contains("DTEND;TZID=America/New_York:20270111T003000"), "an event past midnight ends the next day")
        #expect(lines.filter { $0.hasPrefix("DTSTAMP:") }.count == 3)
    }

    @Test func instantsBecomeStampsAndNewYorkTimes() {
        #expect(ICalendar.stamp(Date(timeIntervalSince1970: 1_796_216_405.7)) == "20261202T130005Z")
        // 13:00 UTC is 08:00 in New York in December (EST) and 09:46 in July (EDT).
        let winter = ICalendar.newYorkTime(Date(timeIntervalSince1970: 1_796_216_405))
        #expect(winter.day.iso == "2026-12-02" && winter.minute == 8 * 60)
        let summer = ICalendar.newYorkTime(Date(timeIntervalSince1970: 1_783_000_000))
        #expect(summer.day.iso == "2026-07-02" && summer.minute == 9 * 60 + 46)
        // Just after midnight UTC is the evening before in New York.
        #expect(ICalendar.newYorkTime(Date(timeIntervalSince1970: 1_796_169_600 + 60)).day.iso == "2026-12-01")
    }
}
