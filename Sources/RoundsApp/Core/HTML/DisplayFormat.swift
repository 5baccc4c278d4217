import Foundation

/// How instants and dates are shown. Instants are stored in UTC and shown in UTC until users pick a zone.
enum DisplayFormat {
    static func dateTime(_ date: Date) -> String {
        date.formatted(
            Date.FormatStyle(date: .abbreviated, time: .shortened, timeZone: TimeZone(identifier: "UTC")!)
                .locale(Locale(identifier: "en_US"))
        ) + " UTC"
    }
}

extension DisplayFormat {
    /// A day, as "Jan 30, 2027" (UTC).
    static func date(_ date: Date) -> String {
        date.formatted(
            Date.FormatStyle(date: .abbreviated, time: .omitted, timeZone: TimeZone(identifier: "UTC")!).locale(Locale(identifier: "en_US"))
        )
    }
}
