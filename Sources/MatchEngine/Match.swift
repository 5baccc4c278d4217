/// Entry points: run a match, or check any matching for blocking pairs.
public enum Match {
    public enum Algorithm: String, Sendable, CaseIterable {
        /// The NRMP algorithm (Roth–Peranson): applicants propose; supports couples.
        case applicantProposing = "applicant-proposing"
        /// Programs propose; single applicants only.
        case programProposing = "program-proposing"
    }

    /// Matches an instance. Throws `InstanceError` for invalid input and `MatchError` when no result
    /// can be produced. The result is the same whatever the order of the input records.
    public static func run(
        _ instance: MatchInstance,
        algorithm: Algorithm = .applicantProposing,
        checkStability: Bool = true,
        settling: SettlingOptions = SettlingOptions()
    ) throws -> MatchResult {
        let expansion = try SupplementalExpansion(instance)
        if algorithm == .programProposing && !expansion.isEmpty { throw MatchError.supplementalListsNotSupported }
        let compiled = try CompiledInstance(expansion)
        return expansion.fold(try self.run(compiled, algorithm: algorithm, checkStability: checkStability, settling: settling))
    }

    static func run(
        _ compiled: CompiledInstance,
        algorithm: Algorithm,
        checkStability: Bool,
        settling: SettlingOptions = SettlingOptions()
    ) throws(MatchError) -> MatchResult {
        let outcome: Settling.Outcome
        switch algorithm {
        case .applicantProposing:
            outcome = try Settling(instance: compiled, options: settling, checkStability: checkStability).run()
        case .programProposing:
            let (assigned, steps) = try ProgramProposing(instance: compiled).run()
            outcome = Settling.Outcome(assigned: assigned, steps: steps, path: .rothPeranson, coupleOrder: 0, attempts: 1)
        }
        let checker = StabilityChecker(instance: compiled)
        // A result Settling already proved stable is not checked by Rounds' definition a second time.
        let blocking = checkStability ? (outcome.isKnownStable ? [] : checker.blockingPairs(assigned: outcome.assigned)) : nil
        let blockingKPR = checkStability ? checker.blockingPairs(assigned: outcome.assigned, definition: .kojimaPathakRoth) : nil
        var result = MatchResult(compiled: compiled, assigned: outcome.assigned, steps: outcome.steps, algorithm: algorithm, blockingPairs: blocking)
        result.kprBlockingPairs = blockingKPR
        result.stats.path = outcome.path
        result.stats.coupleOrder = outcome.coupleOrder
        result.stats.attempts = outcome.attempts
        return result
    }

    /// Every blocking pair of `matching`; throws `MatchingError` when the matching itself is impossible.
    public static func blockingPairs(of matching: Matching, in instance: MatchInstance) throws -> [BlockingPair] {
        let expansion = try SupplementalExpansion(instance)
        let compiled = try CompiledInstance(expansion)
        let assigned: [Int32]
        do {
            assigned = try MatchingError.validate(try expansion.expand(matching), in: compiled)
        } catch .coupleNotOnList(let members, let programs) where expansion.applicantOfStandIn[members[1]] != nil {
            throw MatchingError.supplementalNotOnList(applicant: members[0], programs: programs)
        }
        return expansion.fold(StabilityChecker(instance: compiled).blockingPairs(assigned: assigned))
    }
}

/// The outcome of a match, in the caller's identifiers.
public struct MatchResult: Equatable, Sendable {
    public struct Stats: Equatable, Sendable {
        public var algorithm: Match.Algorithm
        public var programs: Int
        public var positions: Int
        public var applicants: Int
        public var couples: Int
        public var matched: Int
        /// Proposals and re-offers made; a measure of work independent of the machine.
        public var steps: Int
        /// How the result was reached, and with which couple order (0: identifier order; n: the n-th seeded
        /// reordering, so a run can be repeated).
        public var path: MatchPath = .rothPeranson
        public var coupleOrder = 0
        public var attempts = 1
        /// Applicants with supplemental lists (not counted among `couples`).
        public var supplementalApplicants = 0
    }

    /// Applicant id to program id (the primary list's program for those with supplemental lists).
    public var assignments: [String: String]
    /// Applicant id to the PGY-1 program from their supplemental lists, for those who got one.
    public var supplementalAssignments: [String: String] = [:]
    /// Applicants left without a program, sorted.
    public var unmatched: [String]
    /// Programs with seats left, and how many.
    public var unfilled: [String: Int]
    /// nil when stability was not checked. Rounds' definition (a couple may count its own seats as free).
    public var blockingPairs: [BlockingPair]?
    /// The same by Kojima, Pathak and Roth's definition (never more than the above).
    public var kprBlockingPairs: [BlockingPair]?
    public var stats: Stats

    public var isStable: Bool? { self.blockingPairs.map(\.isEmpty) }

    init(compiled: CompiledInstance, assigned: [Int32], steps: Int, algorithm: Match.Algorithm, blockingPairs: [BlockingPair]?) {
        var assignments: [String: String] = [:]
        assignments.reserveCapacity(assigned.count)
        var unmatched: [String] = []
        var filled = [Int32](repeating: 0, count: compiled.programCount)
        for (a, p) in assigned.enumerated() {
            if p >= 0 {
                assignments[compiled.applicantIDs[a]] = compiled.programIDs[Int(p)]
                filled[Int(p)] += 1
            } else {
                unmatched.append(compiled.applicantIDs[a])
            }
        }
        var unfilled: [String: Int] = [:]
        for p in 0..<compiled.programCount where filled[p] < compiled.capacity[p] {
            unfilled[compiled.programIDs[p]] = Int(compiled.capacity[p] - filled[p])
        }
        self.assignments = assignments
        self.unmatched = unmatched.sorted()
        self.unfilled = unfilled
        self.blockingPairs = blockingPairs
        self.stats = Stats(
            algorithm: algorithm,
            programs: compiled.programCount,
            positions: compiled.capacity.reduce(0) { $0 + Int($1) },
            applicants: compiled.applicantCount,
            couples: compiled.coupleCount,
            matched: assignments.count,
            steps: steps
        )
    }
}

/// Why a matching given for checking is impossible.
public enum MatchingError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownApplicant(String)
    case unknownProgram(String)
    case notMutuallyRanked(applicant: String, program: String)
    case overCapacity(program: String, capacity: Int, assigned: Int)
    case coupleNotOnList(members: [String], programs: [String?])
    case noSupplementalList(applicant: String)
    case supplementalNotOnList(applicant: String, programs: [String?])

    public var description: String {
        switch self {
        case .unknownApplicant(let id): "the matching names unknown applicant \"\(id)\""
        case .unknownProgram(let id): "the matching names unknown program \"\(id)\""
        case .notMutuallyRanked(let a, let p): "applicant \"\(a)\" and program \"\(p)\" do not both rank each other"
        case .overCapacity(let p, let capacity, let assigned): "program \"\(p)\" has \(assigned) applicants but capacity \(capacity)"
        case .coupleNotOnList(let members, let programs):
            "couple [\(members.joined(separator: ", "))] is placed at [\(programs.map { $0 ?? "null" }.joined(separator: ", "))], a pair it did not rank"
        case .noSupplementalList(let applicant): "applicant \"\(applicant)\" has a PGY-1 position but no supplemental list"
        case .supplementalNotOnList(let applicant, let programs):
            "applicant \"\(applicant)\" is placed at [\(programs.map { $0 ?? "null" }.joined(separator: ", "))], which their primary and supplemental lists do not allow together"
        }
    }

    static func validate(_ matching: Matching, in compiled: CompiledInstance) throws(MatchingError) -> [Int32] {
        let applicantIndex = Dictionary(uniqueKeysWithValues: compiled.applicantIDs.enumerated().map { ($1, Int32($0)) })
        let programIndex = Dictionary(uniqueKeysWithValues: compiled.programIDs.enumerated().map { ($1, Int32($0)) })
        var assigned = [Int32](repeating: -1, count: compiled.applicantCount)
        var filled = [Int](repeating: 0, count: compiled.programCount)
        let checker = StabilityChecker(instance: compiled)
        for (applicant, program) in matching.assignments.sorted(by: { $0.key < $1.key }) {
            guard let a = applicantIndex[applicant] else { throw .unknownApplicant(applicant) }
            guard let p = programIndex[program] else { throw .unknownProgram(program) }
            guard checker.rank(of: a, at: p) != nil else { throw .notMutuallyRanked(applicant: applicant, program: program) }
            if compiled.couple(of: a) == nil {
                let list = Int(compiled.applicantStart[Int(a)])..<Int(compiled.applicantStart[Int(a) + 1])
                guard list.contains(where: { compiled.applicantPrograms[$0] == p }) else {
                    throw .notMutuallyRanked(applicant: applicant, program: program)
                }
            }
            assigned[Int(a)] = p
            filled[Int(p)] += 1
        }
        for p in 0..<compiled.programCount where filled[p] > Int(compiled.capacity[p]) {
            throw .overCapacity(program: compiled.programIDs[p], capacity: Int(compiled.capacity[p]), assigned: filled[p])
        }
        for c in 0..<Int32(compiled.coupleCount) {
            let a = compiled.member(0, ofCouple: c)
            let pair = (assigned[Int(a)], assigned[Int(a) + 1])
            guard pair != (-1, -1) else { continue }
            let pairs = Int(compiled.coupleStart[Int(c)])..<Int(compiled.coupleStart[Int(c) + 1])
            guard pairs.contains(where: { compiled.pairFirst[$0] == pair.0 && compiled.pairSecond[$0] == pair.1 }) else {
                throw .coupleNotOnList(
                    members: [compiled.applicantIDs[Int(a)], compiled.applicantIDs[Int(a) + 1]],
                    programs: [pair.0, pair.1].map { $0 >= 0 ? compiled.programIDs[Int($0)] : nil }
                )
            }
        }
        return assigned
    }
}
