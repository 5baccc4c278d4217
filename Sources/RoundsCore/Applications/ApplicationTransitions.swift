import Foundation

/// What a transition may depend on besides the current status: the time, the offer's expiry, the
/// session's dates and the note given with the action.
public struct TransitionContext: Sendable {
    public var now: Date
    /// The current offer's expiry (for accept and expire).
    public var offerExpiresAt: Date?
    /// The expiry a host proposes with an offer.
    public var proposedExpiry: Date?
    public var deadline: Day
    public var sessionEnd: Day
    public var note: String

    public init(now: Date, offerExpiresAt: Date? = nil, proposedExpiry: Date? = nil, deadline: Day, sessionEnd: Day, note: String = "") {
        self.now = now
        self.offerExpiresAt = offerExpiresAt
        self.proposedExpiry = proposedExpiry
        self.deadline = deadline
        self.sessionEnd = sessionEnd
        self.note = note
    }

    var today: Day { Day(self.now) }
}

/// Why a transition is refused, with a sentence for the person who asked.
public enum TransitionRefusal: Error, Equatable, Sendable {
    /// This party never performs this action.
    case notYours(ApplicationAction, ApplicationParty)
    /// The action does not apply to an application in this status.
    case notFrom(ApplicationAction, ApplicationStatus)
    case deadlinePassed(Day)
    case offerExpired
    case offerStillOpen
    case sessionNotEnded(Day)
    case reasonRequired
    case expiryRequired

    public var message: String {
        switch self {
        case .notYours(let action, let party):
            "The \(party.rawValue) cannot \(action.rawValue) an application."
        case .notFrom(let action, let status):
            "An application that is \(status.displayName.lowercased()) cannot be asked to \(action.rawValue)."
        case .deadlinePassed(let day):
            "The application deadline (\(day.iso)) has passed."
        case .offerExpired:
            "This offer has expired."
        case .offerStillOpen:
            "The offer has not expired yet."
        case .sessionNotEnded(let day):
            "The session ends on \(day.iso); it can be marked completed after that."
        case .reasonRequired:
            "Give a reason for cancelling (at most \(ApplicationTransitions.maximumNoteLength) characters)."
        case .expiryRequired:
            "Give the offer an expiry in the future, at most \(ApplicationTransitions.maximumOfferDays) days ahead."
        }
    }
}

/// The application status machine. Every change of status goes through `target`; the app stores the
/// answer with a compare-and-set on the old status, so two concurrent changes cannot both win.
public enum ApplicationTransitions {
    public static let maximumNoteLength = 1_000
    public static let maximumOfferDays = 60
    /// How long an offer made by promotion from the waitlist stays open.
    public static let promotionOfferDays = 7

    /// The (action, party) pairs that exist at all, with the statuses each applies to.
    static let table: [ApplicationAction: (parties: Set<ApplicationParty>, from: Set<ApplicationStatus>, to: ApplicationStatus)] = [
        .submit: ([.applicant], [.draft], .submitted),
        .review: ([.host], [.submitted], .underReview),
        .offer: ([.host, .system], [.underReview, .waitlisted], .offered),
        .waitlist: ([.host], [.underReview], .waitlisted),
        .reject: ([.host], [.underReview, .waitlisted], .rejected),
        .accept: ([.applicant], [.offered], .accepted),
        .decline: ([.applicant], [.offered], .declined),
        .expire: ([.system], [.offered], .expired),
        .withdraw: ([.applicant], Set(ApplicationStatus.live), .withdrawn),
        .cancel: ([.host], [.submitted, .underReview, .offered, .waitlisted, .accepted], .cancelled),
        .complete: ([.host, .system], [.accepted], .completed),
    ]

    /// The status `action` by `party` leads to from `status`, or why it is refused.
    public static func target(
        from status: ApplicationStatus,
        action: ApplicationAction,
        by party: ApplicationParty,
        context: TransitionContext
    ) -> Result<ApplicationStatus, TransitionRefusal> {
        guard let rule = Self.table[action] else { return .failure(.notYours(action, party)) }
        guard rule.parties.contains(party) else { return .failure(.notYours(action, party)) }
        guard rule.from.contains(status) else { return .failure(.notFrom(action, status)) }
        switch action {
        case .submit where context.today > context.deadline:
            return .failure(.deadlinePassed(context.deadline))
        case .offer:
            guard let expiry = context.proposedExpiry, expiry > context.now,
                expiry <= context.now.addingTimeInterval(Double(Self.maximumOfferDays) * 86_400)
            else { return .failure(.expiryRequired) }
        case .accept:
            guard let expiry = context.offerExpiresAt, context.now < expiry else { return .failure(.offerExpired) }
        case .expire:
            guard let expiry = context.offerExpiresAt, context.now >= expiry else { return .failure(.offerStillOpen) }
        case .cancel:
            let note = context.note.trimmingCharacters(in: .whitespacesAndNewlines)
            if note.isEmpty || note.textLength > Self.maximumNoteLength { return .failure(.reasonRequired) }
        case .complete where context.today <= context.sessionEnd:
            return .failure(.sessionNotEnded(context.sessionEnd))
        default:
            break
        }
        return .success(rule.to)
    }

    /// The actions `party` could take on an application in `status` (ignoring time), for showing buttons.
    public static func actions(for party: ApplicationParty, from status: ApplicationStatus) -> [ApplicationAction] {
        ApplicationAction.allCases.filter { action in
            guard let rule = Self.table[action] else { return false }
            return rule.parties.contains(party) && rule.from.contains(status)
        }
    }
}
