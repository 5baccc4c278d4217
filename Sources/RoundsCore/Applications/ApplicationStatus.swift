/// Where an application stands. Raw values are stored in the database and used by the API.
public enum ApplicationStatus: String, CaseIterable, Codable, Sendable {
    case draft
    case submitted
    case underReview = "under_review"
    case offered
    case accepted
    case declined
    case expired
    case rejected
    case waitlisted
    case withdrawn
    case cancelled
    case completed

    /// Live applications can still change; an applicant holds at most one live application per session.
    public var isLive: Bool {
        switch self {
        case .draft, .submitted, .underReview, .offered, .accepted, .waitlisted: true
        case .declined, .expired, .rejected, .withdrawn, .cancelled, .completed: false
        }
    }

    /// The statuses that hold a seat of the session.
    public var holdsSeat: Bool { self == .accepted || self == .completed }

    public static var live: [ApplicationStatus] { Self.allCases.filter(\.isLive) }

    public var displayName: String {
        switch self {
        case .draft: "Draft"
        case .submitted: "Submitted"
        case .underReview: "Under review"
        case .offered: "Offered"
        case .accepted: "Accepted"
        case .declined: "Declined"
        case .expired: "Offer expired"
        case .rejected: "Not selected"
        case .waitlisted: "Waitlisted"
        case .withdrawn: "Withdrawn"
        case .cancelled: "Cancelled by the host"
        case .completed: "Completed"
        }
    }
}

/// Who asks for a change: the applicant who owns the application, a host of its session, or Rounds
/// itself (offer expiry, waitlist promotion).
public enum ApplicationParty: String, CaseIterable, Codable, Sendable {
    case applicant
    case host
    case system
}

/// What a party can ask of an application. Raw values are the API's action names.
public enum ApplicationAction: String, CaseIterable, Codable, Sendable {
    case submit
    case review
    case offer
    case waitlist
    case reject
    case accept
    case decline
    case expire
    case withdraw
    case cancel
    case complete

    public var displayName: String {
        switch self {
        case .submit: "Submit"
        case .review: "Start review"
        case .offer: "Offer a place"
        case .waitlist: "Waitlist"
        case .reject: "Reject"
        case .accept: "Accept the offer"
        case .decline: "Decline the offer"
        case .expire: "Expire the offer"
        case .withdraw: "Withdraw"
        case .cancel: "Cancel"
        case .complete: "Mark completed"
        }
    }
}
