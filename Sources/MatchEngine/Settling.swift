/// How an applicant-proposing run with couples reaches a result when the first attempt cycles or ends
/// unstable. Roth and Peranson (1999) suggest entering the couples in another order; the C++ matcher
/// `matchrp` re-examines everyone after each couple instead of following program stacks; later work
/// (Roth and Vande Vate 1990, Kojima, Pathak and Roth 2013) repairs blocking pairs one at a time. Every
/// choice is seeded by the attempt's number, so the same input and options give the same result.
public enum MatchPath: String, Sendable, Equatable {
    /// The first run, couples entering in identifier order and vacancies re-offered from program stacks.
    case rothPeranson = "roth-peranson"
    /// The same algorithm with the couples entering in another order (`MatchResult.Stats.coupleOrder`).
    case reorderedCouples = "reordered-couples"
    /// Couples entering one at a time with everyone who might do better re-examined from the top of their
    /// list, in the order `MatchResult.Stats.coupleOrder` names (0: identifier order; n: the n-th shuffle).
    case reexamination = "re-examination"
    /// Blocking pairs repaired one at a time from the last run's matching.
    case blockingPairRepair = "blocking-pair-repair"
}

/// The bounds of the search for a stable matching with couples.
public struct SettlingOptions: Sendable, Equatable {
    /// Runs of the first algorithm with the couples in another order (0: none), while their steps stay
    /// within `reorderStepFactor` times the first run's.
    public var reorders: Int
    /// Re-examination runs: the first with couples in identifier order, each later one in another seeded
    /// order (0: none).
    public var reexaminations: Int
    /// Work allowed for the repair, counted in list entries the checker reads (0: never repair).
    public var repairBudget: Int

    public init(reorders: Int = 24, reexaminations: Int = 25, repairBudget: Int = 50_000_000) {
        self.reorders = reorders
        self.reexaminations = reexaminations
        self.repairBudget = repairBudget
    }

    /// Reordered runs stop once together they took this many times the first run's steps: on large
    /// instances that cycle, every order tends to cycle too, and re-examination is the better spend.
    public static let reorderStepFactor = 8
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

    /// Orders tried after one gave a result stable in the Kojima–Pathak–Roth sense only.
    static let ordersAfterFallback = 1

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

    /// What the search has seen so far.
    private struct Progress {
        var steps = 0
        var attempts = 0
        var lastError = MatchError.didNotConverge(steps: 0)
        /// The last matching any run left behind (finished or not), where the repair starts.
        var lastAssigned: [Int32]?
        /// The last finished run, reported with its blocking pairs when nothing stable was found.
        var lastCompleted: (assigned: [Int32], path: MatchPath, number: Int)?
        /// The first finished run stable in the Kojima–Pathak–Roth sense.
        var fallback: (assigned: [Int32], path: MatchPath, number: Int)?
    }

    func run() throws(MatchError) -> Outcome {
        var progress = Progress()
        var first = RothPeranson(self.instance)
        if let outcome = self.attempt(&first, path: .rothPeranson, number: 0, progress: &progress) { return outcome }
        guard self.instance.coupleCount > 0 else { throw progress.lastError }
        let firstSteps = max(first.steps, 1_000)

        let reorderBudget = progress.steps + SettlingOptions.reorderStepFactor * firstSteps
        for number in 1..<max(1, 1 + self.options.reorders) where progress.steps < reorderBudget && self.instance.coupleCount > 1 {
            var engine = RothPeranson(self.instance, coupleOrder: self.coupleOrder(number))
            if let outcome = self.attempt(&engine, path: .reorderedCouples, number: number, progress: &progress) { return outcome }
        }

        var triedAfterFallback = 0
        for number in 0..<self.options.reexaminations where triedAfterFallback <= Self.ordersAfterFallback {
            if let outcome = self.reexamine(number: number, stepLimit: first.stepLimit, progress: &progress) { return outcome }
            if progress.fallback != nil { triedAfterFallback += 1 }
        }

        if self.options.repairBudget > 0, let start = progress.fallback?.assigned ?? progress.lastAssigned {
            var repair = BlockingPairRepair(instance: self.instance, assigned: start)
            // From a KPR-stable matching the repair rarely gets further on large instances; it gets a tenth.
            if repair.run(budget: progress.fallback == nil ? self.options.repairBudget : self.options.repairBudget / 10) {
                return Outcome(
                    assigned: repair.assigned, steps: progress.steps + repair.steps, path: .blockingPairRepair,
                    coupleOrder: progress.fallback?.number ?? 0, attempts: progress.attempts, isKnownStable: true
                )
            }
        }
        // Nothing stable by Rounds' definition: a result stable in the Kojima–Pathak–Roth sense comes
        // first, then any finished run (its blocking pairs listed); runs that all cycled give nothing.
        if let (assigned, path, number) = progress.fallback ?? progress.lastCompleted {
            return Outcome(assigned: assigned, steps: progress.steps, path: path, coupleOrder: number, attempts: progress.attempts)
        }
        throw progress.lastError
    }

    /// One Roth–Peranson run; the outcome if it settled stably.
    private func attempt(_ engine: inout RothPeranson, path: MatchPath, number: Int, progress: inout Progress) -> Outcome? {
        progress.attempts += 1
        defer { progress.steps += engine.steps }
        do {
            try engine.run()
        } catch {
            progress.lastError = error
            progress.lastAssigned = engine.assigned
            return nil
        }
        return self.finished(engine.assigned, steps: progress.steps + engine.steps, path: path, number: number, progress: &progress)
    }

    /// One re-examination run, then its stricter finish; the outcome if either is stable.
    private func reexamine(number: Int, stepLimit: Int, progress: inout Progress) -> Outcome? {
        progress.attempts += 1
        let order = self.coupleOrder(number)
        var engine = Reexamination(self.instance, stepLimit: stepLimit)
        do {
            try engine.run(coupleOrder: order)
        } catch {
            progress.steps += engine.steps
            progress.lastError = error
            progress.lastAssigned = engine.assigned
            return nil
        }
        var strict = engine
        let finished = (try? strict.finishWithOwnSeats(coupleOrder: order)) != nil
        progress.steps += strict.steps
        if finished, let outcome = self.accept(strict.assigned, steps: progress.steps, path: .reexamination, number: number, attempts: progress.attempts) {
            return outcome
        }
        return self.finished(engine.assigned, steps: progress.steps, path: .reexamination, number: number, progress: &progress)
    }

    /// A finished run: the outcome if it is stable, else remembered for the later stages.
    private func finished(_ assigned: [Int32], steps: Int, path: MatchPath, number: Int, progress: inout Progress) -> Outcome? {
        if let outcome = self.accept(assigned, steps: steps, path: path, number: number, attempts: progress.attempts) { return outcome }
        progress.lastAssigned = assigned
        progress.lastCompleted = (assigned, path, number)
        if progress.fallback == nil && self.isStableKPR(assigned) { progress.fallback = (assigned, path, number) }
        return nil
    }

    private func isStableKPR(_ assigned: [Int32]) -> Bool {
        StabilityChecker(instance: self.instance).find(assigned: assigned, definition: .kojimaPathakRoth, limit: 1).isEmpty
    }

    /// The outcome if `assigned` is the result: always without couples or without checking, else only if
    /// it has no blocking pair by Rounds' definition.
    private func accept(_ assigned: [Int32], steps: Int, path: MatchPath, number: Int, attempts: Int) -> Outcome? {
        let isChecked = self.checkStability && self.instance.coupleCount > 0
        let isStable =
            isChecked
            && StabilityChecker(instance: self.instance).find(assigned: assigned, definition: .couplesFreeTheirSeats, limit: 1).isEmpty
        guard !isChecked || isStable else { return nil }
        return Outcome(assigned: assigned, steps: steps, path: path, coupleOrder: number, attempts: attempts, isKnownStable: isStable)
    }
}
