import Foundation

/// Where a site stands with the administrators. Only a verified site's opportunities are public; a
/// rejected one waits for its host to fix it and ask again, a suspended one for an administrator.
public enum SiteReviewState: String, CaseIterable, Codable, Sendable {
    case pending, verified, rejected, suspended

    public var label: String {
        switch self {
        case .pending: "Waiting for verification"
        case .verified: "Verified"
        case .rejected: "Rejected"
        case .suspended: "Suspended"
        }
    }
}

public enum SiteReviewAction: String, CaseIterable, Codable, Sendable {
    /// An administrator makes the site public (again).
    case verify
    /// An administrator refuses a waiting site, saying why; the host sees the reason.
    case reject
    /// An administrator takes a verified site out of the catalog, saying why.
    case suspend
    /// The host asks for another review after fixing what the rejection named.
    case resubmit

    public static let reasonLimit = 500

    public var needsReason: Bool { self == .reject || self == .suspend }

    public func next(from state: SiteReviewState) -> SiteReviewState? {
        switch (self, state) {
        case (.verify, .pending), (.verify, .rejected), (.verify, .suspended): .verified
        case (.reject, .pending): .rejected
        case (.suspend, .verified): .suspended
        case (.resubmit, .rejected): .pending
        default: nil
        }
    }

    /// The reason as kept, or the problem with it.
    public func checkReason(_ raw: String) -> Result<String, FieldError> {
        let reason = raw.oneLine
        if self.needsReason, reason.isEmpty {
            return .failure(FieldError(field: "reason", message: "Say why, in words the host can act on; they see it."))
        }
        if raw.textLength > Self.reasonLimit {
            return .failure(FieldError(field: "reason", message: "The reason is at most \(Self.reasonLimit) characters."))
        }
        return .success(reason)
    }
}
