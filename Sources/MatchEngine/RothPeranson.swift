/// Applicant-proposing deferred acceptance with couples, as Roth and Peranson (1999) describe the NRMP
/// algorithm. Applicants (and couples) enter one at a time and propose down their lists; whoever a program
/// lets go proposes again from their next choice. A couple displaced from one program withdraws from the
/// other too; the seat it leaves goes on a program stack and is re-offered to applicants the program had
/// turned away who now prefer it, instead of re-running everyone. Without couples this is exactly the
/// applicant-optimal stable matching.
struct RothPeranson {
    let instance: CompiledInstance
    let stepLimit: Int

    private(set) var holds: ProgramHolds
    /// Program each applicant holds a place at, or -1.
    private(set) var assigned: [Int32]
    /// For singles: the absolute list index being held or proposed next. For couples: the pair index.
    private var next: [Int32]
    private var coupleNext: [Int32]
    private var coupleIsPlaced: [Bool]
    private var applicantStack: [Int32] = []
    private var programStack: [Int32] = []
    private var isOnProgramStack: [Bool]
    private(set) var steps = 0
    /// The order couples enter in (indexes); identifier order unless a retry chose another.
    private let coupleOrder: [Int32]
    /// How often each applicant was let go; an applicant pushed out again and again means a cycle.
    private var displacements: [Int32]

    /// An applicant displaced more than `displacementFactor` × their list length + 16 times means a cycle.
    static let displacementFactor: Int32 = 4

    init(_ instance: CompiledInstance, coupleOrder: [Int32]? = nil, stepLimit: Int? = nil) {
        self.instance = instance
        self.coupleOrder = coupleOrder ?? (0..<Int32(instance.coupleCount)).map { $0 }
        self.displacements = [Int32](repeating: 0, count: instance.applicantCount)
        let listSize = instance.applicantPrograms.count + instance.pairFirst.count + instance.programApplicants.count
        // Singles-only runs need at most one step per list entry; the slack is for couples' re-entries.
        self.stepLimit = stepLimit ?? (16 * listSize + 10_000)
        self.holds = ProgramHolds(capacity: instance.capacity, rankingCounts: instance.rankingCounts)
        self.assigned = [Int32](repeating: -1, count: instance.applicantCount)
        self.next = Array(instance.applicantStart.dropLast())
        self.coupleNext = Array(instance.coupleStart.dropLast())
        self.coupleIsPlaced = [Bool](repeating: false, count: instance.coupleCount)
        self.isOnProgramStack = [Bool](repeating: false, count: instance.programCount)
    }

    /// Runs to the end; throws when the step bound is hit (couples can make the process cycle).
    mutating func run() throws(MatchError) {
        for a in 0..<Int32(self.instance.singleCount) {
            self.applicantStack.append(a)
            try self.drain()
        }
        for c in self.coupleOrder {
            self.applicantStack.append(-(c + 1))
            try self.drain()
        }
    }

    /// Roth and Peranson's cycle test: the same applicant pushed out of programs far more often than a
    /// converging run needs (in deferred acceptance without couples, at most once per list entry).
    private var isCycling = false

    private mutating func countDisplacement(_ a: Int32) {
        self.displacements[Int(a)] += 1
        if self.displacements[Int(a)] > Self.displacementFactor * self.instance.listLength(of: a) + 16 { self.isCycling = true }
    }

    private mutating func drain() throws(MatchError) {
        while true {
            while let unit = self.applicantStack.popLast() {
                if unit >= 0 { try self.proposeSingle(unit) } else { try self.proposeCouple(-unit - 1) }
            }
            guard let p = self.programStack.popLast() else { return }
            self.isOnProgramStack[Int(p)] = false
            try self.reoffer(p)
        }
    }

    @inline(__always) private mutating func step() throws(MatchError) {
        self.steps += 1
        if self.steps > self.stepLimit || self.isCycling { throw .didNotConverge(steps: self.steps) }
    }

    private mutating func proposeSingle(_ a: Int32) throws(MatchError) {
        guard self.assigned[Int(a)] < 0 else { return }
        let end = self.instance.applicantStart[Int(a) + 1]
        while self.next[Int(a)] < end {
            try self.step()
            let entry = Int(self.next[Int(a)])
            let p = self.instance.applicantPrograms[entry]
            let rank = self.instance.applicantEntryRank[entry]
            if rank >= 0 && self.holds.wouldAccept(p, rank: rank) {
                let displaced = self.holds.admit(p, applicant: a, rank: rank)
                self.assigned[Int(a)] = p
                if displaced >= 0 { self.letGo(displaced) }
                return
            }
            self.next[Int(a)] += 1
        }
    }

    private mutating func proposeCouple(_ c: Int32) throws(MatchError) {
        guard !self.coupleIsPlaced[Int(c)] else { return }
        let end = self.instance.coupleStart[Int(c) + 1]
        while self.coupleNext[Int(c)] < end {
            try self.step()
            if self.placeCouple(c, pair: self.coupleNext[Int(c)]) {
                try self.moveUpUsingOwnSeats(c)
                return
            }
            self.coupleNext[Int(c)] += 1
        }
    }

    /// A pair the couple was refused may fit once the couple holds a seat in one of its programs: the
    /// seat a member now holds can go to the other member (stability counts a couple's own seats as free).
    private mutating func moveUpUsingOwnSeats(_ c: Int32) throws(MatchError) {
        let start = Int(self.instance.coupleStart[Int(c)])
        var moved = true
        while moved && self.coupleIsPlaced[Int(c)] {
            moved = false
            let memberA = self.instance.member(0, ofCouple: c)
            let held = [self.assigned[Int(memberA)], self.assigned[Int(memberA) + 1]].filter { $0 >= 0 }
            for j in start..<Int(self.coupleNext[Int(c)]) {
                try self.step()
                let pair = [self.instance.pairFirst[j], self.instance.pairSecond[j]]
                guard pair.contains(where: held.contains) else { continue }
                if self.moveCouple(c, to: Int32(j)) {
                    moved = true
                    break
                }
            }
        }
    }

    /// Places a couple (whose members hold nothing) at pair `j` if both programs would take them.
    private mutating func placeCouple(_ c: Int32, pair j: Int32) -> Bool {
        guard self.holds.wouldAccept(pair: Int(j), of: self.instance) else { return false }
        let first = self.instance.pairFirst[Int(j)]
        let second = self.instance.pairSecond[Int(j)]
        let firstRank = self.instance.pairFirstRank[Int(j)]
        let secondRank = self.instance.pairSecondRank[Int(j)]
        let memberA = self.instance.member(0, ofCouple: c)
        let memberB = self.instance.member(1, ofCouple: c)
        var displaced: [Int32] = []
        if first >= 0 {
            let out = self.holds.admit(first, applicant: memberA, rank: firstRank)
            if out >= 0 { displaced.append(out) }
        }
        if second >= 0 {
            let out = self.holds.admit(second, applicant: memberB, rank: secondRank)
            if out >= 0 { displaced.append(out) }
        }
        self.assigned[Int(memberA)] = first
        self.assigned[Int(memberB)] = second
        self.coupleNext[Int(c)] = j
        self.coupleIsPlaced[Int(c)] = true
        for out in displaced { self.letGo(out) }
        return true
    }

    /// An applicant was pushed out of their program. A single tries their next choice; a couple moves on
    /// to its next pair (`moveOn`).
    private mutating func letGo(_ a: Int32) {
        self.countDisplacement(a)
        guard let c = self.instance.couple(of: a) else {
            self.assigned[Int(a)] = -1
            self.next[Int(a)] += 1
            self.applicantStack.append(a)
            return
        }
        // Both members of one couple can be let go by the same admission; act once.
        guard self.coupleIsPlaced[Int(c)] else { return }
        self.moveOn(c, displaced: a)
    }

    /// The couple's next pair after member `a` was let go. While its next pairs keep the partner where they
    /// are (a supplemental list's stand-ins rank (A, PGY-1 program) … then (A, none)), the partner stays and
    /// the couple takes the first of those pairs the other program accepts: leaving A and coming straight
    /// back would end the same way, after a needless round of re-offers at A. Otherwise the partner
    /// withdraws too (that seat goes on the program stack) and the couple proposes from the first pair
    /// that moves the partner, or puts both in the partner's program (judged with both seats free).
    private mutating func moveOn(_ c: Int32, displaced a: Int32) {
        let memberA = self.instance.member(0, ofCouple: c)
        let partner = a == memberA ? memberA + 1 : memberA
        let held = self.assigned[Int(partner)]
        let partnerIsFirst = partner == memberA
        let end = Int(self.instance.coupleStart[Int(c) + 1])
        var j = Int(self.coupleNext[Int(c)]) + 1
        while held >= 0 && j < end {
            let kept = partnerIsFirst ? self.instance.pairFirst[j] : self.instance.pairSecond[j]
            let other = partnerIsFirst ? self.instance.pairSecond[j] : self.instance.pairFirst[j]
            guard kept == held, other != held else { break }
            let otherRank = partnerIsFirst ? self.instance.pairSecondRank[j] : self.instance.pairFirstRank[j]
            if other < 0 || (otherRank >= 0 && self.holds.wouldAccept(other, rank: otherRank)) {
                self.assigned[Int(a)] = other
                self.coupleNext[Int(c)] = Int32(j)
                if other >= 0 {
                    let out = self.holds.admit(other, applicant: a, rank: otherRank)
                    if out >= 0 { self.letGo(out) }
                }
                return
            }
            j += 1
        }
        if held >= 0 && self.holds.remove(held, applicant: partner) { self.markVacancy(held) }
        self.assigned[Int(partner)] = -1
        self.assigned[Int(a)] = -1
        self.coupleIsPlaced[Int(c)] = false
        self.coupleNext[Int(c)] = Int32(j)
        self.applicantStack.append(-(c + 1))
    }

    private mutating func markVacancy(_ p: Int32) {
        guard !self.isOnProgramStack[Int(p)] else { return }
        self.isOnProgramStack[Int(p)] = true
        self.programStack.append(p)
    }

    /// Offers a program's seat, freed by a couple, to applicants it ranks, best first, who would now rather
    /// be there. The seat may have been taken meanwhile by someone the program likes less than an applicant
    /// it turned away before, so this goes on while the program would still take the next applicant.
    private mutating func reoffer(_ p: Int32) throws(MatchError) {
        let start = Int(self.instance.programStart[Int(p)])
        let end = Int(self.instance.programStart[Int(p) + 1])
        for entry in start..<end where self.holds.wouldAccept(p, rank: Int32(entry - start)) {
            try self.step()
            let a = self.instance.programApplicants[entry]
            if self.assigned[Int(a)] == p { continue }
            if let c = self.instance.couple(of: a) {
                try self.reofferToCouple(c, member: a, program: p)
            } else {
                self.reofferToSingle(a, program: p, rank: Int32(entry - start))
            }
        }
    }

    private mutating func reofferToSingle(_ a: Int32, program p: Int32, rank: Int32) {
        let listStart = Int(self.instance.applicantStart[Int(a)])
        let current = Int(self.next[Int(a)])
        guard let index = (listStart..<current).first(where: { self.instance.applicantPrograms[$0] == p }) else { return }
        let old = self.assigned[Int(a)]
        if old >= 0 {
            self.holds.remove(old, applicant: a)
            self.markVacancy(old)
        }
        let displaced = self.holds.admit(p, applicant: a, rank: rank)
        self.assigned[Int(a)] = p
        self.next[Int(a)] = Int32(index)
        if displaced >= 0 { self.letGo(displaced) }
    }

    /// A couple moves up to a better pair that uses `p` for `member`, if the partner's program takes the
    /// partner too.
    private mutating func reofferToCouple(_ c: Int32, member a: Int32, program p: Int32) throws(MatchError) {
        let role = a - self.instance.member(0, ofCouple: c)
        let start = Int(self.instance.coupleStart[Int(c)])
        // Only pairs the couple has already proposed to: one not yet entered, or waiting to propose again
        // after a withdrawal, has untried better pairs ahead of anything a re-offer could give it.
        for j in start..<Int(self.coupleNext[Int(c)]) {
            let side = role == 0 ? self.instance.pairFirst[j] : self.instance.pairSecond[j]
            if side == p && self.moveCouple(c, to: Int32(j)) {
                try self.moveUpUsingOwnSeats(c)
                return
            }
        }
    }

    /// Moves a couple to pair `j` if it fits with the couple's own seats counted as free; otherwise leaves
    /// everything exactly as it was. Seats the couple leaves go on the program stack.
    private mutating func moveCouple(_ c: Int32, to j: Int32) -> Bool {
        let memberA = self.instance.member(0, ofCouple: c)
        let memberB = memberA + 1
        let wasPlaced = self.coupleIsPlaced[Int(c)]
        let oldA = self.assigned[Int(memberA)]
        let oldB = self.assigned[Int(memberB)]
        let oldPair = self.coupleNext[Int(c)]
        if oldA >= 0 { self.holds.remove(oldA, applicant: memberA) }
        if oldB >= 0 { self.holds.remove(oldB, applicant: memberB) }
        self.coupleIsPlaced[Int(c)] = false
        if self.placeCouple(c, pair: j) {
            if oldA >= 0 && oldA != self.assigned[Int(memberA)] { self.markVacancy(oldA) }
            if oldB >= 0 && oldB != self.assigned[Int(memberB)] { self.markVacancy(oldB) }
            return true
        }
        // Put things back exactly: the seats they left are still free.
        if oldA >= 0 { self.holds.admit(oldA, applicant: memberA, rank: self.instance.pairFirstRank[Int(oldPair)]) }
        if oldB >= 0 { self.holds.admit(oldB, applicant: memberB, rank: self.instance.pairSecondRank[Int(oldPair)]) }
        self.coupleIsPlaced[Int(c)] = wasPlaced
        self.coupleNext[Int(c)] = oldPair
        return false
    }
}

/// Why a match run produced no result.
public enum MatchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The process kept cycling; instances with couples may have no stable matching at all.
    case didNotConverge(steps: Int)
    /// The program-proposing variant is defined for singles only.
    case couplesNotSupported
    /// Likewise for supplemental lists, which are matched as linked positions.
    case supplementalListsNotSupported

    public var description: String {
        switch self {
        case .didNotConverge(let steps):
            "the match did not settle after \(steps) steps; with couples an instance may have no stable matching"
        case .couplesNotSupported:
            "the program-proposing variant matches single applicants only; remove the couples or use the applicant-proposing algorithm"
        case .supplementalListsNotSupported:
            "the program-proposing variant does not take supplemental lists; remove them or use the applicant-proposing algorithm"
        }
    }
}
