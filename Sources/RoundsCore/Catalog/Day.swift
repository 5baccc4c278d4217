import Foundation

/// A calendar date without a time or zone (session start, end and deadline), stored as days since
/// 1970-01-01 so comparisons are integer comparisons.
public struct Day: Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var ordinal: Int

    public init(ordinal: Int) {
        self.ordinal = ordinal
    }

    /// Parses `YYYY-MM-DD` in ASCII digits; nil for anything else, including impossible dates like 2026-02-30
    /// and signs (`Int` reads "+026" as 26).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(digits: parts[0]), let month = Int(digits: parts[1]), let day = Int(digits: parts[2]),
            (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.ordinal = Self.ordinal(year: year, month: month, day: day)
    }

    /// The earliest day a person can mean when typing a date into Rounds (an experience, an exam, a
    /// session): earlier years are slips of the keyboard, 0028 for 2028.
    public static let earliestTyped = Day(ordinal: ordinal(year: 1900, month: 1, day: 1))

    /// How far ahead a typed date may lie: ten years (a session, an interview or an experience's end is planned
    /// months ahead, not decades).
    public static let typedYearsAhead = 10

    /// The last day a person can mean when typing a date on `today`: the same day ten years on (the 28th for a 29 February).
    public static func latestTyped(today: Day) -> Day {
        let (year, month, day) = today.components
        let later = year + Self.typedYearsAhead
        return Day(ordinal: Self.ordinal(year: later, month: month, day: min(day, Self.daysIn(month: month, year: later))))
    }

    /// Whether this day, typed by a person, is one they can mean: from 1900 to ten years after `today`.
    public func isPlausiblyTyped(today: Day) -> Bool {
        self >= Self.earliestTyped && self <= Self.latestTyped(today: today)
    }

    /// What to tell a person whose typed date fails `isPlausiblyTyped`.
    public static func implausibleTypedMessage(_ what: String, today: Day) -> String {
        "Check the year of \(what): give a date from \(Self.earliestTyped.iso) to \(Self.latestTyped(today: today).iso)."
    }

    /// The UTC day an instant falls on.
    public init(_ date: Date) {
        self.ordinal = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    public var iso: String {
        // Written by hand: String(format:) showed up in search profiles (three dates per result).
        let (year, month, day) = self.components
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    public var description: String { self.iso }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public func adding(days: Int) -> Day { Day(ordinal: self.ordinal + days) }

    /// Days from this day to `other` (negative when `other` is earlier).
    public func days(to other: Day) -> Int { other.ordinal - self.ordinal }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days-from-civil algorithm and its inverse.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    var components: (year: Int, month: Int, day: Int) {
        let z = self.ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
