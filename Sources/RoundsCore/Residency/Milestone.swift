/// The dated steps of one NRMP Main Residency Match season and its ERAS application season.
public enum MilestoneKind: String, CaseIterable, Codable, Sendable {
    case erasSeasonOpens = "eras_season_opens"
    case applicantsMaySubmit = "applicants_may_submit"
    case nrmpRegistrationOpens = "nrmp_registration_opens"
    case programsReviewAndMSPERelease = "programs_review_and_mspe_release"
    case rankOrderListDeadline = "rank_order_list_deadline"
    case matchWeekBegins = "match_week_begins"
    case soapEnds = "soap_ends"
    case matchDay = "match_day"
    case erasSeasonEnds = "eras_season_ends"
    case trainingStarts = "training_starts"

    public var title: String {
        switch self {
        case .erasSeasonOpens: "MyERAS opens for the season"
        case .applicantsMaySubmit: "Applicants may submit applications in ERAS"
        case .nrmpRegistrationOpens: "NRMP Main Match registration opens"
        case .programsReviewAndMSPERelease: "Programs start reviewing applications; MSPEs released"
        case .rankOrderListDeadline: "Rank order list certification deadline"
        case .matchWeekBegins: "Match Week begins (matched or not; SOAP starts)"
        case .soapEnds: "SOAP ends"
        case .matchDay: "Match Day"
        case .erasSeasonEnds: "ERAS season ends"
        case .trainingStarts: "Residency training starts"
        }
    }
}

/// One milestone as published: a date in the season's time zone, the time when known, and its source.
public struct Milestone: Equatable, Sendable {
    public var kind: MilestoneKind
    public var day: Day
    /// Minutes after local midnight, when the source gives a time.
    public var minuteOfDay: Int?
    public var provenance: Provenance

    public init(kind: MilestoneKind, day: Day, minuteOfDay: Int?, provenance: Provenance) {
        self.kind = kind
        self.day = day
        self.minuteOfDay = minuteOfDay
        self.provenance = provenance
    }

    /// "09:00", or nil when no time was published.
    public var timeText: String? { self.minuteOfDay.map(SeasonCalendar.clockText) }
}

/// One Match year's milestones. A kind missing from `milestones` was not published (or not found):
/// it is shown as unknown, never guessed.
public struct MatchSeason: Equatable, Sendable {
    public var matchYear: Int
    /// The IANA zone every date and time is local to (America/New_York for NRMP and ERAS).
    public var timeZone: String
    public var milestones: [MilestoneKind: Milestone]

    public init(matchYear: Int, timeZone: String, milestones: [MilestoneKind: Milestone]) {
        self.matchYear = matchYear
        self.timeZone = timeZone
        self.milestones = milestones
    }

    public subscript(kind: MilestoneKind) -> Milestone? { self.milestones[kind] }

    /// Every kind in season order, with its milestone or nil when unpublished.
    public var timeline: [(kind: MilestoneKind, milestone: Milestone?)] {
        MilestoneKind.allCases.map { ($0, self.milestones[$0]) }
    }
}
