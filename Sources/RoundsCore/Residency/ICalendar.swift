import Foundation

/// An iCalendar (RFC 5545) feed: events in America/New_York (the zone of NRMP and ERAS deadlines)
/// or all-day, written with CRLF line ends, escaped text and lines folded at 75 octets.
public struct ICalendar: Sendable {
    public struct Event: Equatable, Sendable {
        /// Stable across feeds, so calendar apps update an event instead of adding a copy.
        public var uid: String
        public var day: Day
        /// Minutes after local midnight in New York time; nil for an all-day event.
        public var minuteOfDay: Int?
        /// Length of a timed event.
        public var durationMinutes: Int
        public var summary: String
        public var description: String
        public var url: String?

        public init(uid: String, day: Day, minuteOfDay: Int?, durationMinutes: Int = 60, summary: String, description: String, url: String? = nil) {
            self.uid = uid
            self.day = day
            self.minuteOfDay = minuteOfDay
            self.durationMinutes = durationMinutes
            self.summary = summary
            self.description = description
            self.url = url
        }
    }

    public var name: String
    public var events: [Event]

    public init(name: String, events: [Event]) {
        self.name = name
        self.events = events
    }

    public static let timeZone = "America/New_York"
    static let newYork = TimeZone(identifier: timeZone)!

    /// DTSTAMP's form of an instant: UTC, `YYYYMMDDTHHMMSSZ`.
    public static func stamp(_ date: Date) -> String {
        let day = Day(date)
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) - day.ordinal * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return day.iso.replacingOccurrences(of: "-", with: "") + "T\(two(seconds / 3600))\(two(seconds / 60 % 60))\(two(seconds % 60))Z"
    }

    /// An instant as the feed's New York date and minute of the day.
    public static func newYorkTime(_ instant: Date) -> (day: Day, minute: Int) {
        // Shifted by New York's offset at that instant, the UTC day and time are New York's.
        let local = instant.addingTimeInterval(TimeInterval(Self.newYork.secondsFromGMT(for: instant)))
        let day = Day(local)
        return (day, Int(local.timeIntervalSince1970 - TimeInterval(day.ordinal) * 86_400) / 60)
    }

    /// The feed's text. `stamp` is DTSTAMP for every event (UTC, `YYYYMMDDTHHMMSSZ`).
    public func render(stamp: String) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Rounds//Residency plan//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Self.escape(self.name), "X-WR-TIMEZONE:\(Self.timeZone)",
        ]
        lines += Self.newYorkZone
        for event in self.events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + Self.escape(event.uid))
            lines.append("DTSTAMP:" + stamp)
            if let minute = event.minuteOfDay {
                lines.append("DTSTART;TZID=\(Self.timeZone):" + Self.local(event.day, minute: minute))
                let end = minute + event.durationMinutes
                lines.append("DTEND;TZID=\(Self.timeZone):" + Self.local(event.day.adding(days: end / 1440), minute: end % 1440))
            } else {
                lines.append("DTSTART;VALUE=DATE:" + Self.basic(event.day))
                lines.append("DTEND;VALUE=DATE:" + Self.basic(event.day.adding(days: 1)))
            }
            lines.append("SUMMARY:" + Self.escape(event.summary))
            lines.append("DESCRIPTION:" + Self.escape(event.description))
            if let url = event.url { lines.append("URL:" + url) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and newlines.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                // Other control characters are not allowed in TEXT.
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds a content line so no physical line exceeds 75 octets (§3.1), never inside a UTF-8 sequence;
    /// each continuation starts with one space.
    public static func fold(_ line: String) -> String {
        var result = ""
        var count = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > 75 {
                result += "\r\n "
                count = 1
            }
            result.unicodeScalars.append(scalar)
            count += size
        }
        return result
    }

    static func basic(_ day: Day) -> String { day.iso.replacingOccurrences(of: "-", with: "") }

    static func local(_ day: Day, minute: Int) -> String {
        let hour = minute / 60, rest = minute % 60
        return basic(day) + "T" + (hour < 10 ? "0" : "") + "\(hour)" + (rest < 10 ? "0" : "") + "\(rest)" + "00"
    }

    /// America/New_York since 2007: EDT from the second Sunday of March, EST from the first Sunday of November.
    static let newYorkZone = [
        "BEGIN:VTIMEZONE", "TZID:America/New_York",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "TZNAME:EDT", "DTSTART:20070311T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "TZNAME:EST", "DTSTART:20071104T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]
}
