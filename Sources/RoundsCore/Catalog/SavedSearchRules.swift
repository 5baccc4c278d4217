import Foundation

/// How often a saved search e-mails the listings new since it last ran.
public enum SearchAlert: String, CaseIterable, Codable, Sendable {
    case daily, weekly, off

    public var displayName: String {
        switch self {
        case .daily: "E-mail me new matches daily"
        case .weekly: "E-mail me new matches weekly"
        case .off: "No e-mail"
        }
    }

    /// Seconds between two runs; nil when off.
    public var interval: Double? {
        switch self {
        case .daily: 24 * 3600
        case .weekly: 7 * 24 * 3600
        case .off: nil
        }
    }
}

/// A saved search as typed: its name and alert setting (the query is checked by the search itself).
public struct SavedSearchDraft: Sendable {
    public var name: String
    public var alert: String

    public static let nameLimit = 100
    /// Per person: enough for every specialty one follows, few enough that alerts stay a digest.
    public static let maximumPerPerson = 20

    public init(name: String, alert: String) {
        self.name = name
        self.alert = alert
    }

    public func check() -> Result<(name: String, alert: SearchAlert), ValidationReport> {
        var errors: [FieldError] = []
        let name = self.name.trimmingWhitespace()
        if name.isEmpty || self.name.textLength > Self.nameLimit || name.unicodeScalars.contains(where: \.isControlCharacter) {
            errors.append(FieldError(field: "name", message: "Name the search in 1 to \(Self.nameLimit) characters on one line."))
        }
        let alert = SearchAlert(rawValue: self.alert)
        if alert == nil { errors.append(FieldError(field: "alert", message: "Choose daily, weekly or no e-mail.")) }
        guard let alert, errors.isEmpty else { return .failure(ValidationReport(errors)) }
        return .success((name, alert))
    }

    /// Whether a search last run at `checkedAt` is due at `now`.
    public static func isDue(_ alert: SearchAlert, checkedAt: Date, now: Date) -> Bool {
        guard let interval = alert.interval else { return false }
        return now.timeIntervalSince(checkedAt) >= interval
    }
}
