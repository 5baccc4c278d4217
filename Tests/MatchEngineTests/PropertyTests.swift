import Testing

@testable import MatchEngine

@Suite struct PropertyTests {
    static let seeds: [UInt64] = Array(1...40)

    static func singles(seed: UInt64) -> MatchInstance {
        var random = SplitMix64(seed: seed &* 7919)
        let applicants = 20 + Int(random.next() % 200)
        let programs = 3 + Int(random.next() % 40)
        var generator = InstanceGenerator(
            applicants: applicants, programs: programs, positions: programs + Int(random.next() % UInt64(applicants)),
            couples: 0, seed: seed
        )
        generator.applicantListLength = 2 + Int(random.next() % 10)
        generator.programRanksPerPosition = 1 + Int(random.next() % 8)
        return generator.make()
    }

    @Test(arguments: seeds)
    func withoutCouplesTheResultIsTheReferenceApplicantOptimalMatching(seed: UInt64) throws {
        let instance = Self.singles(seed: seed)
        let result = try Match.run(instance)
        #expect(result.assignments == ReferenceDeferredAcceptance.match(instance))
        #expect(result.isStable == true)
    }

    @Test(arguments: seeds)
    func programProposingIsStableAndNoApplicantPrefersIt(seed: UInt64) throws {
        let instance = Self.singles(seed: seed)
        let applicantOptimal = try Match.run(instance).assignments
        let programOptimal = try Match.run(instance, algorithm: .programProposing)
        #expect(programOptimal.isStable == true)
        // Stable matchings match the same applicants (rural hospitals theorem) ...
        #expect(Set(programOptimal.assignments.keys) == Set(applicantOptimal.keys))
        // ... and every applicant likes the applicant-optimal one at least as well.
        for applicant in instance.applicants {
            let position = { (program: String?) in program.flatMap { applicant.ranking.firstIndex(of: $0) } ?? .max }
            #expect(position(applicantOptimal[applicant.id]) <= position(programOptimal.assignments[applicant.id]))
        }
    }

    /// With couples a stable matching may not exist, so a result may list blocking pairs (see
    /// BruteForceCouplesTests for "never unstable when a stable matching exists"). What it reports must be
    /// true, by both definitions, and it must be a matching: within capacities, couples on a ranked pair.
    @Test(arguments: seeds)
    func withCouplesAResultReportsItsBlockingPairsTruthfullyAndRespectsCapacities(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let applicants = 30 + Int(random.next() % 150)
        let programs = 4 + Int(random.next() % 30)
        let generator = InstanceGenerator(
            applicants: applicants, programs: programs, positions: programs + applicants / 2,
            couples: 1 + Int(random.next() % 12), seed: seed
        )
        let instance = generator.make()
        do {
            let result = try Match.run(instance)
            var filled: [String: Int] = [:]
            for program in result.assignments.values { filled[program, default: 0] += 1 }
            for program in instance.programs { #expect(filled[program.id, default: 0] <= program.capacity) }
            // Couple members are matched to a pair they ranked, or both unmatched.
            for couple in instance.couples {
                let pair = couple.members.map { result.assignments[$0] }
                #expect(pair == [nil, nil] || couple.ranking.contains(pair))
            }
            let compiled = try CompiledInstance(instance)
            let assigned = try MatchingError.validate(Matching(assignments: result.assignments), in: compiled)
            let checker = StabilityChecker(instance: compiled)
            #expect(Set(result.blockingPairs ?? []) == Set(checker.blockingPairs(assigned: assigned)))
            #expect(Set(result.kprBlockingPairs ?? []) == Set(checker.blockingPairs(assigned: assigned, definition: .kojimaPathakRoth)))
            // The first pass's result is returned only when stable.
            if result.stats.path == .rothPeranson { #expect(result.isStable == true) }
        } catch MatchError.didNotConverge {
            // Allowed: such instances may have no stable matching. The point is that it stopped.
        }
    }

    @Test(arguments: [UInt64(3), 11, 29])
    func recordOrderDoesNotChangeTheResult(seed: UInt64) throws {
        let instance = InstanceGenerator(applicants: 300, programs: 40, positions: 220, couples: 10, seed: seed).make()
        var random = SplitMix64(seed: seed)
        var shuffled = instance
        shuffled.programs.shuffle(using: &random)
        shuffled.applicants.shuffle(using: &random)
        shuffled.couples.shuffle(using: &random)
        let first = try? Match.run(instance)
        let second = try? Match.run(shuffled)
        #expect(first == second)
        if let first { #expect(InstanceFormat.json(first) == InstanceFormat.json(second!)) }
    }

    /// Re-examination queues its candidates from the highest slot down, sorting a few or walking the flags of
    /// many: both ways give each slot once, in that order, and leave no flag set.
    @Test(arguments: seeds)
    func candidatesComeFromTheTopEitherWay(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let count = 1 + Int(random.next() % 400)
        var flags = [Bool](repeating: false, count: count)
        var slots: [Int32] = []
        // Densities from one slot to all of them, so both ways run.
        let density = 1 + random.next() % 100
        for slot in 0..<count where random.next() % 100 < density || slots.isEmpty && slot == count - 1 {
            flags[slot] = true
            slots.append(Int32(slot))
        }
        slots.shuffle(using: &random)
        #expect(Reexamination.takeDescending(slots, flags: &flags) == slots.sorted(by: >))
        #expect(!flags.contains(true))
    }

    @Test func theGeneratorIsReproducibleAndShapedLikeTheRequest() {
        let generator = InstanceGenerator(applicants: 1_000, programs: 120, positions: 900, couples: 25, seed: 5)
        let instance = generator.make()
        #expect(instance == generator.make())
        #expect(instance.participantCount == 1_000)
        #expect(instance.couples.count == 25)
        #expect(instance.positionCount == 900)
        let average = Double(instance.applicants.map(\.ranking.count).reduce(0, +)) / Double(instance.applicants.count)
        #expect((10...14).contains(average))
    }
}
