/// Where a residency program on an applicant's list stands, from first look to the rank list.
public enum ProgramListStatus: String, CaseIterable, Codable, Sendable {
    case considering
    case applied
    case interviewInvited = "interview_invited"
    case interviewScheduled = "interview_scheduled"
    case interviewed
    case ranked
    case rejected
    case withdrawn

    public var displayName: String {
        switch self {
        case .considering: "Considering"
        case .applied: "Applied"
        case .interviewInvited: "Interview invited"
        case .interviewScheduled: "Interview scheduled"
        case .interviewed: "Interviewed"
        case .ranked: "Ranked"
        case .rejected: "Rejected"
        case .withdrawn: "Withdrawn"
        }
    }

    /// The path a program moves along; rejected and withdrawn end it.
    static let path: [ProgramListStatus] = [.considering, .applied, .interviewInvited, .interviewScheduled, .interviewed, .ranked]

    public var isClosed: Bool { self == .rejected || self == .withdrawn }

    /// Counts toward "applications sent".
    public var hasApplied: Bool { !self.isClosed && self != .considering }

    /// A status at or after "interview scheduled" needs the interview's date.
    public var needsInterview: Bool { self == .interviewScheduled || self == .interviewed || self == .ranked }

    /// Moves allowed from here: forward along the path (steps may be skipped, as when an invitation
    /// arrives already scheduled), one step back to correct a slip, to rejected or withdrawn while
    /// open, and back to considering from rejected or withdrawn.
    public func canMove(to next: ProgramListStatus) -> Bool {
        guard next != self else { return true }
        if self.isClosed { return next == .considering }
        if next.isClosed { return true }
        guard let from = Self.path.firstIndex(of: self), let to = Self.path.firstIndex(of: next) else { return false }
        return to > from || to == from - 1
    }
}

/// Virtual or in person.
public enum InterviewFormat: String, CaseIterable, Codable, Sendable {
    case virtual
    case inPerson = "in_person"

    public var displayName: String { self == .virtual ? "Virtual" : "In person" }
}

/// An interview as the calendar needs it.
public struct InterviewSlot: Equatable, Sendable {
    /// The program it belongs to, as the caller identifies it.
    public var programKey: String
    public var day: Day
    public var minuteOfDay: Int?
    public var timeZone: String

    public init(programKey: String, day: Day, minuteOfDay: Int?, timeZone: String) {
        self.programKey = programKey
        self.day = day
        self.minuteOfDay = minuteOfDay
        self.timeZone = timeZone
    }
}

/// Interviews that fall on the same day. Programs interview a whole day or half of one, so two on the
/// same calendar date (each in its own local date) are a clash whatever their times.
public enum InterviewClashes {
    /// The days with two or more interviews, each with the programs interviewing that day.
    public static func find(_ slots: [InterviewSlot]) -> [Day: [String]] {
        Dictionary(grouping: slots, by: \.day).filter { $0.value.count > 1 }.mapValues { $0.map(\.programKey) }
    }
}
