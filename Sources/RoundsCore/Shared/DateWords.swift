import Foundation

/// Dates and times in words, as every page and e-mail shows them: "Tue 3 Mar 2026" and
/// "Tue 3 Mar 2026, 9 p.m. UTC". Day before month, month in letters: no reader, wherever they
/// trained, can take 3/4 for the wrong day. Written by hand so the text does not depend on the
/// platform's locale data (ICU puts a narrow no-break space before "PM" on some systems).
public enum DateWords {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Tue 3 Mar 2026".
    public static func day(_ day: Day) -> String {
        let (year, month, dayOfMonth) = day.components
        // Day 0 (1970-01-01) was a Thursday.
        let weekday = ((day.ordinal + 4) % 7 + 7) % 7
        return "\(Self.weekdays[weekday]) \(dayOfMonth) \(Self.months[month - 1]) \(year)"
    }

    /// A time of day on the 12-hour clock: "9 p.m.", "9:05 a.m.", "noon", "midnight".
    public static func clock(hour: Int, minute: Int) -> String {
        switch (hour, minute) {
        case (0, 0): return "midnight"
        case (12, 0): return "noon"
        default:
            let twelveHour = hour % 12 == 0 ? 12 : hour % 12
            let minutes = minute == 0 ? "" : ":" + (minute < 10 ? "0\(minute)" : "\(minute)")
            return "\(twelveHour)\(minutes) \(hour < 12 ? "a.m." : "p.m.")"
        }
    }

    /// Minutes after midnight (as milestones keep a published time, see `SeasonCalendar.minuteOfDay`) in words.
    public static func clock(minuteOfDay: Int) -> String {
        Self.clock(hour: minuteOfDay / 60, minute: minuteOfDay % 60)
    }

    /// An instant on the wall clock of `zone`, named by `zoneLabel` or the zone's own abbreviation:
    /// "Tue 3 Mar 2026, 9 p.m. UTC".
    public static func dateTime(_ date: Date, in zone: TimeZone = TimeZone(identifier: "UTC")!, zoneLabel: String? = nil) -> String {
        let local = date.timeIntervalSince1970 + TimeInterval(zone.secondsFromGMT(for: date))
        let dayOrdinal = Int((local / 86_400).rounded(.down))
        let secondOfDay = Int(local.rounded(.down)) - dayOrdinal * 86_400
        let label = zoneLabel ?? Self.label(of: zone, at: date)
        return "\(Self.day(Day(ordinal: dayOrdinal))), \(Self.clock(hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60)) \(label)"
    }

    /// US zones by the short names Americans read ("ET"); others by the platform's abbreviation.
    private static func label(of zone: TimeZone, at date: Date) -> String {
        if ["UTC", "GMT", "Etc/UTC", "Etc/GMT"].contains(zone.identifier) { return "UTC" }
        return USTimeZoneNames.all[zone.identifier]?.short ?? zone.abbreviation(for: date) ?? zone.identifier
    }
}

/// The US zones by the names people use, long ("Eastern") and short ("ET"): one table for the
/// program list's zone choices and for times shown in words.
public enum USTimeZoneNames {
    public static let all: [String: (name: String, short: String)] = [
        "America/New_York": ("Eastern", "ET"), "America/Detroit": ("Eastern", "ET"), "America/Indiana/Indianapolis": ("Eastern", "ET"),
        "America/Kentucky/Louisville": ("Eastern", "ET"), "America/Chicago": ("Central", "CT"), "America/Denver": ("Mountain", "MT"),
        "America/Boise": ("Mountain", "MT"), "America/Phoenix": ("Arizona", "MST"), "America/Los_Angeles": ("Pacific", "PT"),
        "America/Anchorage": ("Alaska", "AKT"), "Pacific/Honolulu": ("Hawaii", "HST"), "America/Puerto_Rico": ("Atlantic (Puerto Rico)", "AST"),
    ]
}

extension Day {
    /// The day as people read it: "Tue 3 Mar 2026". Forms and the API keep `iso`.
    public var inWords: String { DateWords.day(self) }
}
