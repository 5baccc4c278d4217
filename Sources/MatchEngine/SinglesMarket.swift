/// A market of single applicants in integer indices, for running many seasons fast (the Match simulator):
/// applicant-proposing deferred acceptance, the NRMP algorithm without couples, and where one more
/// applicant ends up when they join a market already matched. Applicant-proposing deferred acceptance
/// ends in the same matching whatever the order of proposals, so letting the newcomer propose into the
/// others' stable matching and following the chain of displaced applicants gives exactly the matching of
/// the market with the newcomer in it.
///
/// Each list entry carries the score its program gives the applicant: nil when the program does not rank
/// them, otherwise higher is better (ties go to the lower index). Lists, scores and holds are kept in
/// flat arrays, so a season allocates a handful of buffers and the hot loop calls nothing. The
/// newcomer's index is `applicantCount`; their scores come with their list.
public struct SinglesMarket: Sendable {
    public let capacities: [Int]
    /// Applicant a's programs, best first, are `programs[listStart[a]..<listStart[a + 1]]`.
    public let listStart: [Int]
    public let programs: [Int]
    /// The score program `programs[i]` gives the applicant whose list holds entry i.
    public let scores: [Double?]
    /// Program p's holds are slots `holdStart[p]..<holdStart[p] + capacities[p]`.
    let holdStart: [Int]

    public var applicantCount: Int { self.listStart.count - 1 }

    public init(capacities: [Int], listStart: [Int], programs: [Int], scores: [Double?]) {
        self.capacities = capacities.map { max(0, $0) }
        self.listStart = listStart
        self.programs = programs
        self.scores = scores
        var start = 0
        var holdStart: [Int] = []
        holdStart.reserveCapacity(capacities.count)
        for capacity in self.capacities {
            holdStart.append(start)
            start += capacity
        }
        self.holdStart = holdStart
    }

    /// The same from lists and a scoring function (asked once per list entry).
    public init(capacities: [Int], applicantRankings: [[Int]], score: (_ program: Int, _ applicant: Int) -> Double?) {
        var listStart = [0]
        listStart.reserveCapacity(applicantRankings.count + 1)
        var scores: [Double?] = []
        for (applicant, ranking) in applicantRankings.enumerated() {
            listStart.append(listStart.last! + ranking.count)
            for program in ranking { scores.append(score(program, applicant)) }
        }
        self.init(capacities: capacities, listStart: listStart, programs: applicantRankings.flatMap { $0 }, scores: scores)
    }

    /// A matching in progress or done.
    public struct State: Sendable {
        /// The list index each applicant is held at (nil: none).
        public var position: [Int?]
        var next: [Int]
        var holdCount: [Int]
        var holdApplicant: [Int]
        var holdScore: [Double]
    }

    /// The applicant-optimal stable matching.
    public func run() -> State {
        let count = self.applicantCount
        let slots = (self.holdStart.last ?? 0) + (self.capacities.last ?? 0)
        var state = State(
            position: Array(repeating: nil, count: count), next: Array(repeating: 0, count: count), holdCount: Array(repeating: 0, count: self.capacities.count),
            holdApplicant: Array(repeating: 0, count: slots), holdScore: Array(repeating: 0, count: slots))
        for applicant in 0..<count { self.chain(from: applicant, newcomer: [], newcomerScores: [], into: &state) }
        return state
    }

    /// The list index (0-based) at which a newcomer ranking `ranking`, scored `scores[i]` by program
    /// `ranking[i]`, is matched when they join the market matched in `state`; nil when they go unmatched.
    /// `state` is not changed.
    public func placement(ofNewcomer ranking: [Int], scores: [Double?], in state: State) -> Int? {
        precondition(ranking.count == scores.count, "one score per program ranked")
        var copy = state
        copy.position.append(nil)
        copy.next.append(0)
        self.chain(from: self.applicantCount, newcomer: ranking, newcomerScores: scores, into: &copy)
        return copy.position[self.applicantCount]
    }

    /// `applicant` proposes down their list; whoever they displace proposes next, until someone is held
    /// or runs out of programs.
    private func chain(from first: Int, newcomer: [Int], newcomerScores: [Double?], into state: inout State) {
        let newcomerIndex = self.applicantCount
        var current = first
        while current >= 0 {
            let applicant = current
            current = -1
            let isNewcomer = applicant == newcomerIndex
            let length = isNewcomer ? newcomer.count : self.listStart[applicant + 1] - self.listStart[applicant]
            while state.next[applicant] < length {
                let position = state.next[applicant]
                let entry = isNewcomer ? position : self.listStart[applicant] + position
                let program = isNewcomer ? newcomer[position] : self.programs[entry]
                state.next[applicant] += 1
                let capacity = self.capacities[program]
                guard capacity > 0, let mine = isNewcomer ? newcomerScores[position] : self.scores[entry] else { continue }
                let base = self.holdStart[program]
                let held = state.holdCount[program]
                if held < capacity {
                    state.holdApplicant[base + held] = applicant
                    state.holdScore[base + held] = mine
                    state.holdCount[program] = held + 1
                    state.position[applicant] = position
                    break
                }
                // Full: the program drops the held applicant it likes least, if it likes this one better.
                var worst = base
                for slot in (base + 1)..<(base + capacity)
                where Self.worse(state.holdScore[slot], state.holdApplicant[slot], than: state.holdScore[worst], state.holdApplicant[worst]) {
                    worst = slot
                }
                guard Self.worse(state.holdScore[worst], state.holdApplicant[worst], than: mine, applicant) else { continue }
                let displaced = state.holdApplicant[worst]
                state.holdApplicant[worst] = applicant
                state.holdScore[worst] = mine
                state.position[applicant] = position
                state.position[displaced] = nil
                current = displaced
                break
            }
        }
    }

    /// Whether (a, aIndex) ranks below (b, bIndex) for a program: lower score, or equal and a higher index.
    static func worse(_ a: Double, _ aIndex: Int, than b: Double, _ bIndex: Int) -> Bool {
        a < b || (a == b && aIndex > bIndex)
    }
}
