/// What Rounds knows about an applicant that decides their plan's tasks.
public struct PlanFacts: Equatable, Sendable {
    public var track: Track
    public var ecfmgStatus: ECFMGStatus
    public var step1: Step1Result
    public var step2CKScore: Int?
    public var wantsH1B: Bool
    public var targetSpecialties: [String]
    /// The portfolio's ERAS export check finds nothing to fix (and there is something to export).
    public var erasExportReady: Bool
    public var lettersReceived: Int
    /// Programs on the list at "applied" or further along.
    public var programsApplied: Int
    public var signalsAssigned: Int
    /// Whether any target specialty takes part in signaling in the signal table's season.
    public var anySpecialtySignals: Bool
    /// Tasks the applicant ticked off.
    public var ticked: Set<PlanTaskKind>

    public init(
        track: Track, ecfmgStatus: ECFMGStatus = .notApplicable, step1: Step1Result = .notTaken, step2CKScore: Int? = nil,
        wantsH1B: Bool = false, targetSpecialties: [String] = [], erasExportReady: Bool = false, lettersReceived: Int = 0,
        programsApplied: Int = 0, signalsAssigned: Int = 0, anySpecialtySignals: Bool = false, ticked: Set<PlanTaskKind> = []
    ) {
        self.track = track
        self.ecfmgStatus = ecfmgStatus
        self.step1 = step1
        self.step2CKScore = step2CKScore
        self.wantsH1B = wantsH1B
        self.targetSpecialties = targetSpecialties
        self.erasExportReady = erasExportReady
        self.lettersReceived = lettersReceived
        self.programsApplied = programsApplied
        self.signalsAssigned = signalsAssigned
        self.anySpecialtySignals = anySpecialtySignals
        self.ticked = ticked
    }
}

public enum PlanTaskState: String, Codable, Sendable {
    case done, open, overdue
    /// The task does not apply as things stand (e.g. no target specialty uses signals).
    case notApplicable = "not_applicable"

    /// Still to do: open or overdue.
    public var isPending: Bool { self == .open || self == .overdue }
}

/// The season at a glance: how many of the tasks that apply are done or overdue, and the next dated one.
public struct PlanProgress: Equatable, Sendable {
    public var done: Int
    public var applicable: Int
    public var overdue: Int
    public var next: PlanTask?

    /// `tasks` in due order, as `SeasonPlan.tasks` returns them.
    public init(_ tasks: [PlanTask]) {
        let applicable = tasks.filter { $0.state != .notApplicable }
        self.done = applicable.filter { $0.state == .done }.count
        self.applicable = applicable.count
        self.overdue = applicable.filter { $0.state == .overdue }.count
        self.next = applicable.first { $0.state == .open && $0.due != nil }
    }
}

/// One task of a plan: its rule, the milestone it is due by (nil when that date is unpublished) and
/// where it stands today.
public struct PlanTask: Equatable, Sendable {
    public var rule: PlanRule
    public var due: Milestone?
    public var state: PlanTaskState
    /// What Rounds sees, e.g. "2 letters received"; nil when it has nothing to add.
    public var detail: String?

    public var kind: PlanTaskKind { self.rule.task }
}

/// The tasks of one applicant's season, in due order (unpublished dates last).
public enum SeasonPlan {
    public static func tasks(rules: [PlanRule], season: MatchSeason, facts: PlanFacts, today: Day) -> [PlanTask] {
        let applicable = rules.filter { rule in
            guard rule.tracks.contains(facts.track) else { return false }
            switch rule.condition {
            case nil: return true
            case .wantsH1B: return facts.wantsH1B
            }
        }
        let tasks = applicable.map { rule -> PlanTask in
            let due = season[rule.due]
            let (done, detail) = Self.progress(of: rule.task, facts: facts)
            let state: PlanTaskState
            if rule.task == .signals, !facts.anySpecialtySignals, !done {
                state = .notApplicable
            } else if done {
                state = .done
            } else if let due, due.day < today {
                state = .overdue
            } else {
                state = .open
            }
            return PlanTask(rule: rule, due: due, state: state, detail: detail)
        }
        return tasks.enumerated().sorted { lhs, rhs in
            switch (lhs.element.due?.day, rhs.element.due?.day) {
            case (let left?, let right?) where left != right: return left < right
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }

    static func progress(of task: PlanTaskKind, facts: PlanFacts) -> (done: Bool, detail: String?) {
        let ticked = facts.ticked.contains(task)
        switch task {
        case .ecfmgCertification:
            return (facts.ecfmgStatus == .certified, "Your profile says: \(facts.ecfmgStatus.displayName).")
        case .usmleStep1:
            return (facts.step1 == .passed, "Your profile says: \(facts.step1.displayName).")
        case .usmleStep2CK:
            return (facts.step2CKScore != nil, facts.step2CKScore.map { "Score in your profile: \($0)." } ?? "No score in your profile yet.")
        case .erasExperiences:
            return (facts.erasExportReady, facts.erasExportReady ? "The ERAS export check finds nothing to fix." : "The ERAS export check lists what is missing.")
        case .programList:
            return (facts.programsApplied > 0, "\(counted(facts.programsApplied, "program")) marked applied or further.")
        case .signals:
            guard facts.anySpecialtySignals else { return (false, "None of your target specialties uses program signals in the signal table.") }
            return (facts.signalsAssigned > 0, "\(counted(facts.signalsAssigned, "signal")) assigned.")
        case .letters:
            return (ticked, "\(counted(facts.lettersReceived, "letter")) received in Rounds.")
        case .personalStatement:
            let names = facts.targetSpecialties.isEmpty ? "each specialty you apply to" : facts.targetSpecialties.joined(separator: ", ")
            return (ticked, "For: \(names).")
        case .usmleStep3, .ecfmgERASToken, .nrmpRegistration, .rankList:
            return (ticked, nil)
        }
    }
}
