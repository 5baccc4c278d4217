import Foundation

/// What an applicant can send an advisor to review. A statement version is sent as it is (versions never
/// change); the exports and the program list are sent as text taken when the request is made, so the
/// advisor sees what was sent and nothing else.
public enum ReviewSubject: String, CaseIterable, Codable, Sendable {
    case statement
    case erasExport = "eras-export"
    case amcasExport = "amcas-export"
    case programList = "program-list"

    public var label: String {
        switch self {
        case .statement: "Personal statement"
        case .erasExport: "ERAS Experiences export"
        case .amcasExport: "AMCAS Work/Activities export"
        case .programList: "Residency program list"
        }
    }

    /// Only statements take suggested replacements back into a new version.
    public var takesSuggestions: Bool { self == .statement }
}

/// A review's life: requested → in review → returned → closed; the applicant may withdraw a request the
/// advisor has not started.
public enum ReviewStatus: String, CaseIterable, Codable, Sendable {
    case requested
    case inReview = "in-review"
    case returned, closed

    public var label: String {
        switch self {
        case .requested: "Requested"
        case .inReview: "In review"
        case .returned: "Returned"
        case .closed: "Closed"
        }
    }
}

public enum ReviewAction: String, CaseIterable, Codable, Sendable {
    /// The advisor starts reviewing.
    case start
    /// The advisor sends the review back with their comments.
    case `return`
    /// The applicant closes a returned review.
    case close
    /// The applicant takes back a request nobody has started.
    case withdraw

    public enum Actor: Sendable { case applicant, advisor }

    public var actor: Actor {
        switch self {
        case .start, .return: .advisor
        case .close, .withdraw: .applicant
        }
    }

    /// The status the action leads to, or nil when it does not apply in `status`.
    public func next(from status: ReviewStatus) -> ReviewStatus? {
        switch (self, status) {
        case (.start, .requested): .inReview
        case (.return, .inReview): .returned
        case (.close, .returned): .closed
        case (.withdraw, .requested): .closed
        default: nil
        }
    }

    public func refusal(from status: ReviewStatus) -> String {
        "A review that is “\(status.label.lowercased())” cannot be \(self.pastTense)."
    }

    var pastTense: String {
        switch self {
        case .start: "started"
        case .return: "returned"
        case .close: "closed"
        case .withdraw: "withdrawn"
        }
    }
}

/// A comment as the advisor sent it, checked against the text under review.
public struct ReviewCommentDraft: Equatable, Sendable {
    public static let bodyLimit = 2_000
    public static let replacementLimit = TextAnchor.maximumQuote

    public var quote: String
    public var near: String
    public var body: String
    /// Empty for a comment without a suggested replacement.
    public var replacement: String
    public var suggests: Bool

    public init(quote: String = "", near: String = "", body: String = "", replacement: String = "", suggests: Bool = false) {
        self.quote = quote
        self.near = near
        self.body = body
        self.replacement = replacement
        self.suggests = suggests
    }

    public struct Checked: Equatable, Sendable {
        public var anchor: TextAnchor
        public var body: String
        /// Nil for a plain comment.
        public var replacement: String?
    }

    public func check(against text: String, subject: ReviewSubject) -> Result<Checked, ValidationReport> {
        var errors: [FieldError] = []
        var anchor: TextAnchor?
        let near = Int(self.near)
        if !self.near.isEmpty, near.map({ !(0...StatementService.storageLimit).contains($0) }) ?? true {
            errors.append(FieldError(field: "near", message: "near is where the passage starts: 0 to \(StatementService.storageLimit.formatted(.number))."))
        }
        switch TextAnchor.place(self.quote, in: text, near: near) {
        case .success(let placed): anchor = placed
        case .failure(let failure): errors.append(FieldError(field: "quote", message: failure.message))
        }
        let body = StatementDraft.normalized(self.body).trimmingCharacters(in: .whitespacesAndNewlines)
        if self.body.textLength > Self.bodyLimit || (body.isEmpty && !self.suggests) {
            errors.append(FieldError(field: "body", message: "Write a comment of at most \(Self.bodyLimit.formatted(.number)) characters (it may be empty only with a suggested replacement)."))
        }
        let replacement = StatementDraft.normalized(self.replacement)
        if self.suggests {
            if !subject.takesSuggestions {
                errors.append(FieldError(field: "replacement", message: "Replacements can be suggested in statements only; say it in the comment."))
            } else if replacement.textLength > Self.replacementLimit {
                errors.append(FieldError(field: "replacement", message: "A replacement is at most \(Self.replacementLimit.formatted(.number)) characters."))
            } else if replacement == anchor?.quote {
                errors.append(FieldError(field: "replacement", message: "The replacement is the passage itself; change it, or untick “Suggest a replacement”."))
            }
        }
        guard errors.isEmpty, let anchor else { return .failure(ValidationReport(errors)) }
        return .success(Checked(anchor: anchor, body: body, replacement: self.suggests ? replacement : nil))
    }
}

/// What the applicant decided about a suggested replacement.
public enum SuggestionDecision: String, CaseIterable, Codable, Sendable {
    case pending, accepted, rejected
}
