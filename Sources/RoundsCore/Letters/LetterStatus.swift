/// Where a letter request stands, as its applicant sees it. Raw values are stored and used by the API.
public enum LetterStatus: String, CaseIterable, Codable, Sendable {
    /// Sent to the writer; the link has not been opened yet.
    case requested
    /// The writer opened the link.
    case viewed
    /// The writer uploaded the letter (and may replace it until the applicant applies to a program with it).
    case uploaded
    /// The writer declined, with an optional note.
    case declined
    /// The link ran out before a letter arrived.
    case expired
    /// The applicant withdrew the request; the link no longer works.
    case revoked

    public var displayName: String {
        switch self {
        case .requested: "Requested"
        case .viewed: "Viewed by the writer"
        case .uploaded: "Uploaded"
        case .declined: "Declined"
        case .expired: "Expired"
        case .revoked: "Withdrawn"
        }
    }

    /// The writer's link works in these states.
    public var linkWorks: Bool { self == .requested || self == .viewed || self == .uploaded }

    /// The applicant may send a reminder (with a fresh link, which also renews an expired one) while the
    /// writer has not answered.
    public var canRemind: Bool { self == .requested || self == .viewed || self == .expired }
}
