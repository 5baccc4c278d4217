/// Satisfies blocking pairs one at a time: the applicant (or couple) takes the seats it prefers, each
/// program drops whoever it now likes least beyond its capacity, and a couple losing one member's seat
/// gives up the other's too. Which blocking pair goes next is seeded, so a path that cycles is left by
/// another choice rather than repeated.
struct BlockingPairRepair {
    let instance: CompiledInstance
    private(set) var assigned: [Int32]
    private(set) var steps = 0

    init(instance: CompiledInstance, assigned: [Int32]) {
        self.instance = instance
        self.assigned = assigned
    }

    /// True when a stable matching was reached within `budget`.
    mutating func run(budget: Int) -> Bool {
        let checker = StabilityChecker(instance: self.instance)
        let costPerCheck = max(1, self.instance.applicantPrograms.count + self.instance.pairFirst.count + self.instance.programApplicants.count)
        var random = SplitMix64(seed: 0x5EED)
        var spent = 0
        // Each applicant may move a few times on a path that converges; far more is a cycle.
        let maximumRepairs = 10 * (self.instance.applicantCount + 1)
        while spent <= budget && self.steps < maximumRepairs {
            let found = checker.find(assigned: self.assigned, definition: .couplesFreeTheirSeats, limit: 64)
            spent += costPerCheck
            self.steps += 1
            if found.isEmpty { return true }
            self.satisfy(found[Int(random.next() % UInt64(found.count))], checker: checker)
        }
        return false
    }

    private mutating func satisfy(_ pair: StabilityChecker.Found, checker: StabilityChecker) {
        switch pair {
        case .single(let a, let p):
            self.assigned[Int(a)] = p
            self.trim(p, checker: checker)
        case .couple(let c, let first, let second):
            let memberA = self.instance.member(0, ofCouple: c)
            self.assigned[Int(memberA)] = first
            self.assigned[Int(memberA) + 1] = second
            if first >= 0 { self.trim(first, checker: checker) }
            if second >= 0 && second != first { self.trim(second, checker: checker) }
        }
    }

    /// Drops the applicants `p` ranks lowest until it is within capacity; a dropped couple member's partner
    /// leaves their program too.
    private mutating func trim(_ p: Int32, checker: StabilityChecker) {
        var held = (0..<Int32(self.instance.applicantCount)).filter { self.assigned[Int($0)] == p }
        held.sort { (checker.rank(of: $0, at: p) ?? .max) < (checker.rank(of: $1, at: p) ?? .max) }
        for dropped in held.dropFirst(Int(self.instance.capacity[Int(p)])) {
            self.assigned[Int(dropped)] = -1
            if let c = self.instance.couple(of: dropped) {
                let memberA = self.instance.member(0, ofCouple: c)
                self.assigned[Int(memberA)] = -1
                self.assigned[Int(memberA) + 1] = -1
            }
        }
    }
}

