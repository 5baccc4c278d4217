import Foundation

/// A message between an applicant and a host: plain text, checked like every text about clinical work.
public struct MessageDraft: Sendable {
    public static let limit = 5_000

    public var body: String

    public init(body: String) {
        self.body = body
    }

    /// The text as stored: CR LF and CR become LF, outer blank space trimmed.
    public static func normalized(_ text: String) -> String {
        StatementDraft.normalized(text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The length a limit holds `text` to: as sent, blank space around it included (the API's schema counts
    /// it), a line break sent as CR LF counting once (as the form's own counter shows it).
    public static func sentLength(_ text: String) -> Int {
        StatementDraft.normalized(text).textLength
    }

    /// The text to store, or why not. `names` are the two parties' names, which a message may use.
    public func check(allowing names: [String]) -> Result<String, ValidationReport> {
        let text = Self.normalized(self.body)
        let length = Self.sentLength(self.body)
        var errors: [FieldError] = []
        if text.isEmpty {
            errors.append(FieldError(field: "body", message: "Write the message first."))
        } else if length > Self.limit {
            errors.append(FieldError(field: "body", message: "A message is at most \(Self.limit.formatted(.number)) characters; this one has \(length.formatted(.number))."))
        } else if text.unicodeScalars.contains(where: { $0.isControlCharacter && $0 != "\n" && $0 != "\t" }) {
            errors.append(FieldError(field: "body", message: "A message cannot contain control characters; paste it as plain text."))
        } else {
            errors += GuardedText.problems(text, field: "body", label: "The message", allowing: names)
        }
        return errors.isEmpty ? .success(text) : .failure(ValidationReport(errors))
    }
}

/// Why someone reports a message to the administrators.
public struct MessageReportDraft: Sendable {
    public static let limit = 1_000

    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public func check() -> Result<String, ValidationReport> {
        guard let reason = ReportText.checked(self.reason, limit: Self.limit, required: true) else {
            return .failure(ValidationReport([FieldError(field: "reason", message: "Say in 1 to \(Self.limit) characters what is wrong with the message; the administrators read it.")]))
        }
        return .success(reason)
    }
}

/// Text written for or by the administrators about a report (its reason, details, a decision's note):
/// normalized like a message, at most `limit` characters, no control characters but line breaks.
public enum ReportText {
    /// The text as kept, or nil when it breaks a rule (empty counts only when `required`).
    public static func checked(_ raw: String, limit: Int, required: Bool) -> String? {
        let text = MessageDraft.normalized(raw)
        guard !(required && text.isEmpty), MessageDraft.sentLength(raw) <= limit, !text.unicodeScalars.contains(where: { $0.isControlCharacter && $0 != "\n" }) else {
            return nil
        }
        return text
    }
}

/// When a person hears of new messages by e-mail.
public enum MessageEmail: String, CaseIterable, Codable, Sendable {
    /// An e-mail for each message.
    case each
    /// One e-mail a day listing the messages not yet mailed.
    case daily
    /// None; the in-app notice only.
    case off

    public var displayName: String {
        switch self {
        case .each: "An e-mail for each message"
        case .daily: "One e-mail a day with the new messages"
        case .off: "No e-mail (notices in Rounds only)"
        }
    }

    /// How long a daily digest waits after the previous one.
    public static let digestInterval: Double = 24 * 3600
}

/// What an administrator decides about a reported message.
public enum ReportResolution: String, CaseIterable, Codable, Sendable {
    /// Nothing wrong: the message stays.
    case dismiss
    /// The message's text is removed from the thread (the report keeps a copy for the record).
    case remove

    public var displayName: String {
        switch self {
        case .dismiss: "Keep the message"
        case .remove: "Remove the message"
        }
    }
}
