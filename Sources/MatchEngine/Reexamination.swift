/// The settling pass that works where following program stacks cycles: singles are matched first, then
/// couples enter one at a time, and each time the queue of applicants to process runs dry every
/// applicant who might now do better is examined again from the top of their list, as the C++ matcher
/// `matchrp` (Bacchus, aperrault/stable-matching-suite) does. Instead of re-reading every list after
/// each couple, only applicants ranked by a program that lost someone are examined: a program can only
/// become willing to take more when someone leaves, so everyone else is still where they would choose.
/// A processed applicant takes the best place that would keep them now (a couple counting its own seats
/// as free); the first pass's resume-where-you-stopped shortcut is what cycles on some instances.
struct Reexamination {
    let instance: CompiledInstance
    private(set) var holds: ProgramHolds
    /// Program each applicant holds a place at, or -1.
    private(set) var assigned: [Int32]
    /// Singles: the list entry held (or the list's end). Couples: the pair held (or the list's end).
    private var current: [Int32]
    private var coupleCurrent: [Int32]
    /// Units are singles (≥ 0) and couples (-(c + 1)), as in `RothPeranson`.
    private var queue: [Int32] = []
    private var isQueued: [Bool]
    private var isEntered: [Bool]
    /// Units gathered by the examination under way (each once).
    private var isCandidate: [Bool]
    /// Programs someone left since the last examination.
    private var loosened: [Int32] = []
    private var isLoosened: [Bool]
    /// How often each applicant was placed during the current couple's entry; far more than a converging
    /// entry needs means this order cycles.
    private var placements: [Int32]
    private var touched: [Int32] = []
    /// Singles alone are deferred acceptance and cannot cycle; counting starts with the couples.
    private var isCountingPlacements = false
    /// Whether a couple that moved looks again at the pairs above with its new seats counted as free.
    private var movesWithinOwnSeats = false
    private(set) var steps = 0
    let stepLimit: Int

    /// An applicant placed more than this many times while one couple enters means the order cycles.
    static let placementLimit: Int32 = 200

    init(_ instance: CompiledInstance, stepLimit: Int) {
        self.instance = instance
        self.stepLimit = stepLimit
        self.holds = ProgramHolds(capacity: instance.capacity, rankingCounts: instance.rankingCounts)
        self.assigned = [Int32](repeating: -1, count: instance.applicantCount)
        self.current = Array(instance.applicantStart.dropFirst())
        self.coupleCurrent = Array(instance.coupleStart.dropFirst())
        self.isQueued = [Bool](repeating: false, count: instance.singleCount + instance.coupleCount)
        self.isEntered = self.isQueued
        self.isCandidate = self.isQueued
        self.isLoosened = [Bool](repeating: false, count: instance.programCount)
        self.placements = [Int32](repeating: 0, count: instance.applicantCount)
    }

    private func slot(_ unit: Int32) -> Int { unit >= 0 ? Int(unit) : self.instance.singleCount + Int(-unit - 1) }

    /// Matches everyone; couples enter in `order`. Throws when an entry cycles or the step limit is hit.
    mutating func run(coupleOrder order: [Int32]) throws(MatchError) {
        for a in stride(from: Int32(self.instance.singleCount) - 1, through: 0, by: -1) { self.enqueue(a) }
        for a in 0..<self.instance.singleCount { self.isEntered[a] = true }
        try self.settle()
        self.isCountingPlacements = true
        for c in order {
            self.resetPlacements()
            self.isEntered[self.slot(-(c + 1))] = true
            self.enqueue(-(c + 1))
            try self.settle()
        }
    }

    /// From a finished run (no blocking pair in the Kojima–Pathak–Roth sense), lets couples also move
    /// where the seats they hold would make room for them, which Rounds' stricter definition counts.
    /// This can cycle where the first stage did not; the caller keeps the first stage's result then.
    mutating func finishWithOwnSeats(coupleOrder order: [Int32]) throws(MatchError) {
        self.resetPlacements()
        self.movesWithinOwnSeats = true
        for c in order.reversed() { self.enqueue(-(c + 1)) }
        try self.settle()
    }

    private mutating func resetPlacements() {
        for a in self.touched { self.placements[Int(a)] = 0 }
        self.touched.removeAll(keepingCapacity: true)
    }

    private mutating func enqueue(_ unit: Int32) {
        let slot = self.slot(unit)
        guard !self.isQueued[slot] else { return }
        self.isQueued[slot] = true
        self.queue.append(unit)
    }

    /// Processes the queue, then re-examines applicants ranked by programs that lost someone, until
    /// neither finds anything to do.
    private mutating func settle() throws(MatchError) {
        while true {
            while let unit = self.queue.popLast() {
                self.isQueued[self.slot(unit)] = false
                if unit >= 0 { try self.processSingle(unit) } else { try self.processCouple(-unit - 1) }
            }
            guard !self.loosened.isEmpty else { return }
            self.examineLoosened()
        }
    }

    /// Queues every entered applicant a loosened program would now take: in the program's rank order
    /// while it would accept, plus couples holding a seat there (their own seat frees room for them).
    private mutating func examineLoosened() {
        // Each unit once, as its slot: sorting every candidate with its duplicates through `slot` in a closure
        // took most of a futile search's re-examinations (callgrind, 5k peer instance).
        var candidates: [Int32] = []
        for p in self.loosened {
            self.isLoosened[Int(p)] = false
            let start = Int(self.instance.programStart[Int(p)])
            let end = Int(self.instance.programStart[Int(p) + 1])
            for entry in start..<end {
                guard self.holds.wouldAccept(p, rank: Int32(entry - start)) else { break }
                let a = self.instance.programApplicants[entry]
                if self.assigned[Int(a)] != p { self.addCandidate(a, to: &candidates) }
            }
            for a in self.holds.held(p) where self.instance.couple(of: a) != nil { self.addCandidate(a, to: &candidates) }
        }
        self.loosened.removeAll(keepingCapacity: true)
        // Queued in a fixed order (singles by index, then couples, both descending), so the run is repeatable.
        for slot in Self.takeDescending(candidates, flags: &self.isCandidate) { self.enqueue(self.unit(atSlot: slot)) }
    }

    /// Adds `a`'s unit once, and only if it has entered the match.
    private mutating func addCandidate(_ a: Int32, to candidates: inout [Int32]) {
        let slot = self.slot(self.unit(of: a))
        guard self.isEntered[slot], !self.isCandidate[slot] else { return }
        self.isCandidate[slot] = true
        candidates.append(Int32(slot))
    }

    /// `slots` (distinct, each flagged in `flags`) from the highest down, their flags cleared. Many slots:
    /// walking every flag from the top is cheaper than sorting them.
    static func takeDescending(_ slots: [Int32], flags: inout [Bool]) -> [Int32] {
        guard slots.count * 16 >= flags.count else {
            for slot in slots { flags[Int(slot)] = false }
            return Array(slots.sorted().reversed())
        }
        var descending: [Int32] = []
        descending.reserveCapacity(slots.count)
        for slot in stride(from: flags.count - 1, through: 0, by: -1) where flags[slot] {
            flags[slot] = false
            descending.append(Int32(slot))
        }
        return descending
    }

    private func unit(atSlot slot: Int32) -> Int32 {
        Int(slot) < self.instance.singleCount ? slot : -(slot - Int32(self.instance.singleCount) + 1)
    }

    private func unit(of a: Int32) -> Int32 {
        if let c = self.instance.couple(of: a) { return -(c + 1) }
        return a
    }

    @inline(__always) private mutating func step() throws(MatchError) {
        self.steps += 1
        if self.steps > self.stepLimit { throw .didNotConverge(steps: self.steps) }
    }

    private mutating func countPlacement(_ a: Int32) throws(MatchError) {
        guard self.isCountingPlacements else { return }
        if self.placements[Int(a)] == 0 { self.touched.append(a) }
        self.placements[Int(a)] += 1
        // Beyond what walking down the whole list once could need.
        if self.placements[Int(a)] > Self.placementLimit + self.instance.listLength(of: a) { throw .didNotConverge(steps: self.steps) }
    }

    private mutating func leave(_ a: Int32) {
        let p = self.assigned[Int(a)]
        guard p >= 0 else { return }
        self.holds.remove(p, applicant: a)
        self.assigned[Int(a)] = -1
        self.markLoosened(p)
    }

    private mutating func markLoosened(_ p: Int32) {
        guard !self.isLoosened[Int(p)] else { return }
        self.isLoosened[Int(p)] = true
        self.loosened.append(p)
    }

    /// A single takes the best program on their list that would keep them now.
    private mutating func processSingle(_ a: Int32) throws(MatchError) {
        let start = Int(self.instance.applicantStart[Int(a)])
        let held = Int(self.current[Int(a)])
        for entry in start..<held {
            try self.step()
            let p = self.instance.applicantPrograms[entry]
            let rank = self.instance.applicantEntryRank[entry]
            guard rank >= 0, self.holds.wouldAccept(p, rank: rank) else { continue }
            try self.countPlacement(a)
            self.leave(a)
            let displaced = self.holds.admit(p, applicant: a, rank: rank)
            self.assigned[Int(a)] = p
            self.current[Int(a)] = Int32(entry)
            if displaced >= 0 { self.bump(displaced) }
            return
        }
    }

    /// A couple takes the best pair that would keep both members now, its own seats counted as free.
    private mutating func processCouple(_ c: Int32) throws(MatchError) {
        let memberA = self.instance.member(0, ofCouple: c)
        let memberB = memberA + 1
        let start = Int(self.instance.coupleStart[Int(c)])
        let held = Int(self.coupleCurrent[Int(c)])
        guard held > start else { return }
        let oldA = self.assigned[Int(memberA)]
        let oldB = self.assigned[Int(memberB)]
        if oldA >= 0 { self.holds.remove(oldA, applicant: memberA) }
        if oldB >= 0 { self.holds.remove(oldB, applicant: memberB) }
        for j in start..<held {
            try self.step()
            guard self.holds.wouldAccept(pair: j, of: self.instance) else { continue }
            if oldA >= 0 && oldA != self.instance.pairFirst[j] { self.markLoosened(oldA) }
            if oldB >= 0 && oldB != self.instance.pairSecond[j] { self.markLoosened(oldB) }
            try self.place(c, pair: j)
            // The seats it now holds count as free when it judges the pairs above, so it looks again.
            if self.movesWithinOwnSeats { self.enqueue(-(c + 1)) }
            return
        }
        // Nothing better: the couple keeps exactly what it held.
        let oldPair = held
        if oldA >= 0 { self.holds.admit(oldA, applicant: memberA, rank: self.instance.pairFirstRank[oldPair]) }
        if oldB >= 0 { self.holds.admit(oldB, applicant: memberB, rank: self.instance.pairSecondRank[oldPair]) }
    }

    /// Places a couple whose seats were taken out of the holds; `assigned` still names them, so a throw
    /// before the first change leaves a consistent matching behind.
    private mutating func place(_ c: Int32, pair j: Int) throws(MatchError) {
        let memberA = self.instance.member(0, ofCouple: c)
        let memberB = memberA + 1
        let first = self.instance.pairFirst[j]
        let second = self.instance.pairSecond[j]
        if first >= 0 { try self.countPlacement(memberA) }
        if second >= 0 { try self.countPlacement(memberB) }
        var displaced: [Int32] = []
        if first >= 0 {
            let out = self.holds.admit(first, applicant: memberA, rank: self.instance.pairFirstRank[j])
            if out >= 0 { displaced.append(out) }
        }
        if second >= 0 {
            let out = self.holds.admit(second, applicant: memberB, rank: self.instance.pairSecondRank[j])
            if out >= 0 { displaced.append(out) }
        }
        self.assigned[Int(memberA)] = first
        self.assigned[Int(memberB)] = second
        self.coupleCurrent[Int(c)] = Int32(j)
        for out in displaced { self.bump(out) }
    }

    /// Someone a program let go: a single is examined again; a couple gives up its other seat too.
    private mutating func bump(_ a: Int32) {
        self.assigned[Int(a)] = -1
        guard let c = self.instance.couple(of: a) else {
            self.current[Int(a)] = self.instance.applicantStart[Int(a) + 1]
            self.enqueue(a)
            return
        }
        let memberA = self.instance.member(0, ofCouple: c)
        // Both members can be let go by one admission (a pair in one program); the partner may already be out.
        self.leave(memberA)
        self.leave(memberA + 1)
        self.coupleCurrent[Int(c)] = self.instance.coupleStart[Int(c) + 1]
        self.enqueue(-(c + 1))
    }
}
