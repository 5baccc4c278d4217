/// A market of single applicants in integer indices, for running many seasons fast (the Match simulator):
/// applicant-proposing deferred acceptance, the NRMP algorithm without couples, and where one more
/// applicant ends up when they join a market already matched. Applicant-proposing deferred acceptance
/// ends in the same matching whatever the order of proposals, so letting the newcomer propose into the
/// others' stable matching and following the chain of displaced applicants gives exactly the matching of
/// the market with the newcomer in it.
///
/// Programs judge applicants by `score(program, applicant)`: nil when the program does not rank the
/// applicant, otherwise higher is better (ties go to the lower index). Scores are `Double`: a concrete
/// type keeps the hot loop free of generic dispatch. The newcomer's index is
/// `applicantRankings.count`.
public struct SinglesMarket: Sendable {
    public typealias Score = Double

    public var capacities: [Int]
    /// Each applicant's programs, best first.
    public var applicantRankings: [[Int]]
    public var score: @Sendable (_ program: Int, _ applicant: Int) -> Score?

    public init(capacities: [Int], applicantRankings: [[Int]], score: @escaping @Sendable (Int, Int) -> Score?) {
        self.capacities = capacities
        self.applicantRankings = applicantRankings
        self.score = score
    }

    /// A matching in progress or done: each applicant's list position held (nil: none), each program's
    /// holds with the score it gave each (asked once per proposal).
    public struct State: Sendable {
        /// The list index each applicant is held at.
        public var position: [Int?]
        var holds: [[(applicant: Int, score: Score)]]
        var next: [Int]
    }

    /// The applicant-optimal stable matching.
    public func run() -> State {
        let count = self.applicantRankings.count
        var state = State(position: Array(repeating: nil, count: count), holds: Array(repeating: [], count: self.capacities.count), next: Array(repeating: 0, count: count))
        for applicant in 0..<count { self.chain(from: applicant, newcomer: nil, into: &state) }
        return state
    }

    /// The list index (0-based) at which a newcomer ranking `ranking` is matched when they join the market
    /// matched in `state`, or nil when they go unmatched. `state` is not changed.
    public func placement(ofNewcomer ranking: [Int], in state: State) -> Int? {
        var copy = state
        copy.position.append(nil)
        copy.next.append(0)
        let newcomer = self.applicantRankings.count
        self.chain(from: newcomer, newcomer: ranking, into: &copy)
        return copy.position[newcomer]
    }

    /// `applicant` proposes down their list; whoever they displace proposes next, until someone is held
    /// or runs out of programs.
    private func chain(from first: Int, newcomer: [Int]?, into state: inout State) {
        let newcomerIndex = self.applicantRankings.count
        var current: Int? = first
        while let applicant = current {
            current = nil
            let ranking = applicant == newcomerIndex ? newcomer ?? [] : self.applicantRankings[applicant]
            while state.next[applicant] < ranking.count {
                let position = state.next[applicant]
                let program = ranking[position]
                state.next[applicant] += 1
                guard self.capacities[program] > 0, let mine = self.score(program, applicant) else { continue }
                if state.holds[program].count < self.capacities[program] {
                    state.holds[program].append((applicant, mine))
                    state.position[applicant] = position
                    break
                }
                // Full: the program drops the held applicant it likes least, if it likes this one better.
                let holds = state.holds[program]
                var worst = 0
                for index in holds.indices.dropFirst() where Self.worse(holds[index].score, holds[index].applicant, than: holds[worst].score, holds[worst].applicant) {
                    worst = index
                }
                guard Self.worse(holds[worst].score, holds[worst].applicant, than: mine, applicant) else { continue }
                let displaced = holds[worst].applicant
                state.holds[program][worst] = (applicant, mine)
                state.position[applicant] = position
                state.position[displaced] = nil
                current = displaced
                break
            }
        }
    }

    /// Whether (a, aIndex) ranks below (b, bIndex) for a program: lower score, or equal and a higher index.
    static func worse(_ a: Score, _ aIndex: Int, than b: Score, _ bIndex: Int) -> Bool {
        a < b || (a == b && aIndex > bIndex)
    }
}
