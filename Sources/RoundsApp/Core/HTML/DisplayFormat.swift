import Foundation
import RoundsCore

/// How instants and dates are shown: in words ("Tue 3 Mar 2026, 9 p.m. UTC", see `DateWords`).
/// Instants are stored in UTC and shown in UTC until users pick a zone.
enum DisplayFormat {
    static func dateTime(_ date: Date) -> String {
        DateWords.dateTime(date)
    }

    /// The UTC day of an instant, as "Sat 30 Jan 2027".
    static func date(_ date: Date) -> String {
        DateWords.day(Day(date))
    }

    /// A `YYYY-MM-DD` day from an API response, in words (as given if it is not such a day).
    static func day(iso text: String) -> String {
        Day(iso: text)?.inWords ?? text
    }
}
