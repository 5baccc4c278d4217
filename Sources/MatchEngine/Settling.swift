/// How an applicant-proposing run with couples reaches a result when the first attempt cycles or ends
/// unstable, as Roth and Peranson (1999) suggest and later work (Kojima, Pathak and Roth 2013; Biró and
/// Klijn 2013) studies: enter the couples in another order, and, failing that, repair blocking pairs one
/// at a time (a "random path to stability", Roth and Vande Vate 1990) within a step budget. Every choice
/// is seeded by the attempt's number, so the same input and options give the same result.
public enum MatchPath: String, Sendable, Equatable {
    /// The first run, couples entering in identifier order.
    case rothPeranson = "roth-peranson"
    /// A later run with the couples entering in another order (`MatchResult.Stats.coupleOrder`).
    case reorderedCouples = "reordered-couples"
    /// Blocking pairs repaired one at a time from the last run's matching.
    case blockingPairRepair = "blocking-pair-repair"
}

/// The bounds of the search for a stable matching with couples.
public struct SettlingOptions: Sendable, Equatable {
    /// Runs with the couples in another order after the first (0: never reorder).
    public var reorders: Int
    /// Work allowed for the repair, counted in list entries the checker reads (0: never repair).
    public var repairBudget: Int

    public init(reorders: Int = 24, repairBudget: Int = 50_000_000) {
        self.reorders = reorders
        self.repairBudget = repairBudget
    }
}

struct Settling {
    let instance: CompiledInstance
    let options: SettlingOptions
    let checkStability: Bool

    struct Outcome {
        var assigned: [Int32]
        var steps: Int
        var path: MatchPath
        var coupleOrder: Int
        var attempts: Int
        /// True when this run already checked the result by Rounds' definition and found no blocking pair.
        var isKnownStable = false
    }

    /// The couples in the order attempt `number` enters them: identifier order first, then seeded shuffles.
    func coupleOrder(_ number: Int) -> [Int32] {
        var order = (0..<Int32(self.instance.coupleCount)).map { $0 }
        guard number > 0 else { return order }
        var random = SplitMix64(seed: UInt64(number) &* 0x9E37_79B9_7F4A_7C15)
        for index in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(index, Int(random.next() % UInt64(index + 1)))
        }
        return order
    }

    func run() throws(MatchError) -> Outcome {
        var totalSteps = 0
        var lastAssigned: [Int32]?
        var lastCompleted: (assigned: [Int32], number: Int)?
        var lastError = MatchError.didNotConverge(steps: 0)
        let attempts = self.instance.coupleCount > 1 ? 1 + self.options.reorders : 1
        for number in 0..<attempts {
            var engine = RothPeranson(self.instance, coupleOrder: self.coupleOrder(number))
            do {
                try engine.run()
            } catch {
                totalSteps += engine.steps
                lastError = error
                lastAssigned = engine.assigned
                continue
            }
            totalSteps += engine.steps
            let isChecked = self.checkStability && self.instance.coupleCount > 0
            let isStable =
                isChecked
                && StabilityChecker(instance: self.instance).find(assigned: engine.assigned, definition: .couplesFreeTheirSeats, limit: 1).isEmpty
            if !isChecked || isStable {
                return Outcome(
                    assigned: engine.assigned, steps: totalSteps, path: number == 0 ? .rothPeranson : .reorderedCouples,
                    coupleOrder: number, attempts: number + 1, isKnownStable: isStable
                )
            }
            lastAssigned = engine.assigned
            lastCompleted = (engine.assigned, number)
        }
        if self.options.repairBudget > 0, let start = lastAssigned {
            var repair = BlockingPairRepair(instance: self.instance, assigned: start)
            if repair.run(budget: self.options.repairBudget) {
                return Outcome(
                    assigned: repair.assigned, steps: totalSteps + repair.steps, path: .blockingPairRepair,
                    coupleOrder: attempts - 1, attempts: attempts, isKnownStable: true
                )
            }
        }
        // Nothing stable found: a finished but unstable run is still reported (its blocking pairs listed);
        // runs that all cycled are not.
        if let (assigned, number) = lastCompleted {
            return Outcome(
                assigned: assigned, steps: totalSteps, path: number == 0 ? .rothPeranson : .reorderedCouples,
                coupleOrder: number, attempts: attempts
            )
        }
        throw lastError
    }
}

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
