import Plot
import RoundsCore

/// How a status reads at a glance. The colour only repeats the word, which is always there: a
/// colour-blind reader or a screen reader loses nothing.
enum BadgeTone: String {
    /// Nothing to do or over without harm: a draft, a withdrawal.
    case neutral
    /// Moving, in someone else's hands: submitted, requested.
    case info
    /// Waiting on the reader or close to it: an offer, an interview invitation.
    case attention
    /// Done and good: accepted, verified, uploaded.
    case good
    /// Refused or stopped: rejected, suspended.
    case bad
}

/// A status that pages show as a badge.
protocol Badged {
    var badgeText: String { get }
    var badgeTone: BadgeTone { get }
}

extension Node where Context == HTML.BodyContext {
    static func badge(_ status: some Badged) -> BodyNode {
        .badge(status.badgeText, tone: status.badgeTone)
    }

    static func badge(_ text: String, tone: BadgeTone) -> BodyNode {
        .span(.safeAttribute("class", "badge badge-" + tone.rawValue), .safeText(text))
    }
}

extension ApplicationStatus: Badged {
    var badgeText: String { self.displayName }
    var badgeTone: BadgeTone {
        switch self {
        case .draft, .declined, .withdrawn, .cancelled, .expired: .neutral
        case .submitted, .underReview: .info
        case .offered, .waitlisted: .attention
        case .accepted, .completed: .good
        case .rejected: .bad
        }
    }
}

extension LetterStatus: Badged {
    var badgeText: String { self.displayName }
    var badgeTone: BadgeTone {
        switch self {
        case .requested, .viewed: .info
        case .uploaded: .good
        case .declined: .bad
        case .expired, .revoked: .neutral
        }
    }
}

extension ReviewStatus: Badged {
    var badgeText: String { self.label }
    var badgeTone: BadgeTone {
        switch self {
        case .requested: .info
        case .inReview: .attention
        case .returned: .good
        case .closed: .neutral
        }
    }
}

extension ProgramListStatus: Badged {
    var badgeText: String { self.displayName }
    var badgeTone: BadgeTone {
        switch self {
        case .considering, .withdrawn: .neutral
        case .applied, .interviewed: .info
        case .interviewInvited, .interviewScheduled: .attention
        case .ranked: .good
        case .rejected: .bad
        }
    }
}

extension OpportunityStatus: Badged {
    var badgeText: String {
        switch self {
        case .draft: "Draft"
        case .published: "Published"
        case .archived: "Archived"
        }
    }
    var badgeTone: BadgeTone { self == .published ? .good : .neutral }
}

extension SiteReviewState: Badged {
    var badgeText: String { self.label }
    var badgeTone: BadgeTone {
        switch self {
        case .pending: .attention
        case .verified: .good
        case .rejected, .suspended: .bad
        }
    }
}

extension PlacementCycle.Status: Badged {
    var badgeText: String {
        switch self {
        case .open: "Open for ranking"
        case .matched: "Matched, not published"
        case .published: "Published"
        }
    }
    var badgeTone: BadgeTone {
        switch self {
        case .open: .info
        case .matched: .attention
        case .published: .good
        }
    }
}

extension PlanTaskState: Badged {
    var badgeText: String {
        switch self {
        case .done: "Done"
        case .open: "Open"
        case .overdue: "Overdue"
        case .notApplicable: "Does not apply"
        }
    }
    var badgeTone: BadgeTone {
        switch self {
        case .done: .good
        case .open: .info
        case .overdue: .bad
        case .notApplicable: .neutral
        }
    }
}

extension ProgramScreening.Verdict: Badged {
    var badgeText: String { self.displayName }
    var badgeTone: BadgeTone {
        switch self {
        case .eligible: .good
        case .unknown: .neutral
        case .borderline: .attention
        case .notEligible: .bad
        }
    }
}
