import Testing

@testable import MatchEngine

/// NRMP supplemental lists (issue 21). The rules, from NRMP's "About Supplemental Rank Order Lists": a
/// supplemental list of PGY-1 programs is linked to advanced programs on the primary list; it is used only
/// when the applicant matches a linked advanced program; matching the advanced program without a PGY-1
/// position is still a match, and the algorithm does not go further down the primary list to find one.
@Suite struct SupplementalListTests {
    typealias Program = MatchInstance.Program
    typealias Applicant = MatchInstance.Applicant
    typealias Supplemental = MatchInstance.SupplementalList

    @Test func matchingTheAdvancedProgramBringsThePGY1PositionFromItsList() throws {
        // P1 is taken by z, whom it prefers; P2 has the seat.
        let instance = MatchInstance(
            programs: [
                Program(id: "ADV", capacity: 1, ranking: ["x"]),
                Program(id: "P1", capacity: 1, ranking: ["z", "x"]),
                Program(id: "P2", capacity: 1, ranking: ["x"]),
            ],
            applicants: [
                Applicant(id: "x", ranking: ["ADV"], supplemental: [Supplemental(advanced: ["ADV"], ranking: ["P1", "P2"])]),
                Applicant(id: "z", ranking: ["P1"]),
            ])
        let result = try Match.run(instance)
        #expect(result.assignments == ["x": "ADV", "z": "P1"])
        #expect(result.supplementalAssignments == ["x": "P2"])
        #expect(result.unmatched == [])
        #expect(result.unfilled == [:])
        #expect(result.isStable == true)
        #expect(result.kprBlockingPairs == [])
        #expect(result.stats.applicants == 2)
        #expect(result.stats.couples == 0)
        #expect(result.stats.supplementalApplicants == 1)
    }

    @Test func anAdvancedMatchWithoutAPGY1PositionStandsAndTheListIsNotLeft() throws {
        // No program on the supplemental list takes x; CAT would, but x matched ADV first.
        let instance = MatchInstance(
            programs: [
                Program(id: "ADV", capacity: 1, ranking: ["x"]),
                Program(id: "PRE", capacity: 1, ranking: []),
                Program(id: "CAT", capacity: 1, ranking: ["x"]),
            ],
            applicants: [Applicant(id: "x", ranking: ["ADV", "CAT"], supplemental: [Supplemental(advanced: ["ADV"], ranking: ["PRE"])])])
        let result = try Match.run(instance)
        #expect(result.assignments == ["x": "ADV"])
        #expect(result.supplementalAssignments == [:])
        #expect(result.unfilled == ["PRE": 1, "CAT": 1])
        #expect(result.isStable == true)
    }

    @Test func aSupplementalListIsUsedOnlyWithTheAdvancedProgramItIsLinkedTo() throws {
        // ADV prefers w; x goes to the categorical program, and the free PGY-1 seat stays free.
        let instance = MatchInstance(
            programs: [
                Program(id: "ADV", capacity: 1, ranking: ["w", "x"]),
                Program(id: "PRE", capacity: 1, ranking: ["x"]),
                Program(id: "CAT", capacity: 1, ranking: ["x"]),
            ],
            applicants: [
                Applicant(id: "x", ranking: ["ADV", "CAT"], supplemental: [Supplemental(advanced: ["ADV"], ranking: ["PRE"])]),
                Applicant(id: "w", ranking: ["ADV"]),
            ])
        let result = try Match.run(instance)
        #expect(result.assignments == ["w": "ADV", "x": "CAT"])
        #expect(result.supplementalAssignments == [:])
        #expect(result.unfilled == ["PRE": 1])
        #expect(result.isStable == true)
    }

    @Test func eachAdvancedProgramUsesItsOwnList() throws {
        let instance = MatchInstance(
            programs: [
                Program(id: "A1", capacity: 1, ranking: ["w", "x"]),
                Program(id: "A2", capacity: 1, ranking: ["x"]),
                Program(id: "P1", capacity: 1, ranking: ["x"]),
                Program(id: "P2", capacity: 1, ranking: ["x"]),
            ],
            applicants: [
                Applicant(
                    id: "x", ranking: ["A1", "A2"],
                    supplemental: [Supplemental(advanced: ["A1"], ranking: ["P1"]), Supplemental(advanced: ["A2"], ranking: ["P2"])]),
                Applicant(id: "w", ranking: ["A1"]),
            ])
        let result = try Match.run(instance)
        #expect(result.assignments == ["w": "A1", "x": "A2"])
        #expect(result.supplementalAssignments == ["x": "P2"])
    }

    @Test func losingTheAdvancedProgramGivesUpThePGY1SeatToTheNextApplicant() throws {
        // Whatever the order of proposals: w takes ADV from x, so x's hold on PRE goes to v, and x falls
        // to the categorical program.
        let instance = MatchInstance(
            programs: [
                Program(id: "ADV", capacity: 1, ranking: ["w", "x"]),
                Program(id: "PRE", capacity: 1, ranking: ["x", "v"]),
                Program(id: "CAT", capacity: 1, ranking: ["x"]),
            ],
            applicants: [
                Applicant(id: "v", ranking: ["PRE"]),
                Applicant(id: "w", ranking: ["ADV"]),
                Applicant(id: "x", ranking: ["ADV", "CAT"], supplemental: [Supplemental(advanced: ["ADV"], ranking: ["PRE"])]),
            ])
        let result = try Match.run(instance)
        #expect(result.assignments == ["v": "PRE", "w": "ADV", "x": "CAT"])
        #expect(result.supplementalAssignments == [:])
        #expect(result.isStable == true)
        var reversed = instance
        reversed.applicants.reverse()
        #expect(try Match.run(reversed) == result)
    }

    @Test func theCheckerNamesAFreePGY1SeatTheApplicantWasDenied() throws {
        let instance = MatchInstance(
            programs: [Program(id: "ADV", capacity: 1, ranking: ["x"]), Program(id: "PRE", capacity: 1, ranking: ["x"])],
            applicants: [Applicant(id: "x", ranking: ["ADV"], supplemental: [Supplemental(advanced: ["ADV"], ranking: ["PRE"])])])
        let denied = Matching(assignments: ["x": "ADV"])
        #expect(try Match.blockingPairs(of: denied, in: instance) == [.supplemental(applicant: "x", programs: ["ADV", "PRE"])])
        let given = Matching(assignments: ["x": "ADV"], supplementalAssignments: ["x": "PRE"])
        #expect(try Match.blockingPairs(of: given, in: instance) == [])
        #expect(throws: MatchingError.supplementalNotOnList(applicant: "x", programs: [nil, "PRE"])) {
            try Match.blockingPairs(of: Matching(assignments: [:], supplementalAssignments: ["x": "PRE"]), in: instance)
        }
        #expect(throws: MatchingError.noSupplementalList(applicant: "y")) {
            try Match.blockingPairs(of: Matching(assignments: [:], supplementalAssignments: ["y": "PRE"]), in: instance)
        }
    }

    @Test func badSupplementalListsAreRefusedWithTheRuleTheyBreak() throws {
        let programs = ["ADV", "PRE", "CAT"].map { Program(id: $0, capacity: 1, ranking: ["x"]) }
        func refusal(_ ranking: [String], _ lists: [Supplemental]) -> String? {
            do {
                _ = try Match.run(MatchInstance(programs: programs, applicants: [Applicant(id: "x", ranking: ranking, supplemental: lists)]))
                return nil
            } catch {
                return "\(error)"
            }
        }
        #expect(refusal(["ADV"], [Supplemental(advanced: [], ranking: ["PRE"])]) == #"applicant "x" has a supplemental list linked to no advanced program"#)
        #expect(
            refusal(["ADV"], [Supplemental(advanced: ["CAT"], ranking: ["PRE"])])
                == #"applicant "x" links a supplemental list to "CAT", which is not on their primary list"#)
        #expect(
            refusal(["ADV"], [Supplemental(advanced: ["ADV"], ranking: ["PRE"]), Supplemental(advanced: ["ADV"], ranking: ["CAT"])])
                == #"applicant "x" links two supplemental lists to "ADV"; an advanced program takes one"#)
        #expect(
            refusal(["ADV"], [Supplemental(advanced: ["ADV"], ranking: ["NOPE"])]) == #"applicant "x" has unknown program "NOPE" on a supplemental list"#)
        #expect(
            refusal(["ADV"], [Supplemental(advanced: ["ADV"], ranking: ["PRE", "PRE"])])
                == #"applicant "x" ranks program "PRE" more than once on one supplemental list"#)
        #expect(
            refusal(["ADV"], [Supplemental(advanced: ["ADV"], ranking: ["ADV"])]) == #"applicant "x" ranks "ADV" on the supplemental list linked to it"#)
        #expect(refusal(["ADV", "ADV"], [Supplemental(advanced: ["ADV"], ranking: ["PRE"])]) == #"applicant "x" ranks program "ADV" more than once"#)
        #expect(refusal(["GONE"], [Supplemental(advanced: ["GONE"], ranking: ["PRE"])]) == #"applicant "x" ranks unknown program "GONE""#)
        let twice = MatchInstance(
            programs: programs,
            applicants: [
                Applicant(id: "x", ranking: ["CAT"]), Applicant(id: "x", ranking: ["ADV"], supplemental: [Supplemental(advanced: ["ADV"], ranking: ["PRE"])]),
            ])
        #expect(throws: InstanceError.duplicateApplicant("x")) { try Match.run(twice) }
        let lists = MatchInstance(programs: programs, applicants: [Applicant(id: "x", ranking: ["ADV"], supplemental: [Supplemental(advanced: ["ADV"], ranking: ["PRE"])])])
        #expect(throws: MatchError.supplementalListsNotSupported) { try Match.run(lists, algorithm: .programProposing) }
    }

    @Test func theJSONFormatCarriesListsInAndPGY1PositionsOut() throws {
        let json = """
            {"programs":[{"id":"ADV","capacity":1,"ranking":["x"]},{"id":"PRE","capacity":1,"ranking":["x"]}],
             "applicants":[{"id":"x","ranking":["ADV"],"supplemental":[{"advanced":["ADV"],"ranking":["PRE"]}]}]}
            """
        let instance = try InstanceFormat.instance(fromJSON: Array(json.utf8))
        #expect(instance.applicants[0].supplemental == [Supplemental(advanced: ["ADV"], ranking: ["PRE"])])
        #expect(try InstanceFormat.instance(fromJSON: Array(InstanceFormat.json(instance).utf8)) == instance)
        let output = InstanceFormat.json(try Match.run(instance))
        #expect(output.hasPrefix(#"{"assignments":{"x":"ADV"},"supplemental_assignments":{"x":"PRE"},"unmatched":[]"#))
        #expect(output.contains(#""supplemental_applicants":1}"#))
        // Without lists the output keeps its old shape.
        let plain = InstanceFormat.json(try Match.run(MatchInstance(programs: [Program(id: "ADV", capacity: 1, ranking: ["x"])], applicants: [Applicant(id: "x", ranking: ["ADV"])])))
        #expect(!plain.contains("supplemental"))
        for (bad, message) in [
            (#"[{"ranking":["PRE"]}]"#, "applicants[0].supplemental[0].advanced is missing"),
            (#"[{"advanced":"ADV","ranking":["PRE"]}]"#, "applicants[0].supplemental[0].advanced must be an array"),
            (#"[{"advanced":["ADV"],"ranking":["PRE",3]}]"#, "applicants[0].supplemental[0].ranking[1] must be a string"),
            (#"{"advanced":["ADV"]}"#, "applicants[0].supplemental must be an array"),
        ] {
            let text = #"{"programs":[],"applicants":[{"id":"x","ranking":[],"supplemental":"# + bad + "}]}"
            #expect(throws: InstanceFormat.FormatError(message: message)) { try InstanceFormat.instance(fromJSON: Array(text.utf8)) }
        }
    }

    /// Small random markets with supplemental lists: whenever a stable matching exists (searched by brute
    /// force over every matching of the linked positions), the engine returns a stable one.
    @Test func randomMarketsWithSupplementalListsSettleStably() throws {
        var failures: [String] = []
        var withStable = 0
        for seed in UInt64(1)...1_500 {
            let instance = Self.randomInstance(seed: seed)
            let expansion = try SupplementalExpansion(instance)
            guard try BruteForceCouplesTests.bruteForceStable(expansion.expandedInstance) != nil else { continue }
            withStable += 1
            let result = try Match.run(instance)
            if result.isStable != true || result.kprBlockingPairs != [] { failures.append("seed \(seed): \(result.blockingPairs ?? [])") }
            // The checker agrees with the engine's own report on its result.
            let matching = Matching(assignments: result.assignments, supplementalAssignments: result.supplementalAssignments)
            if try Match.blockingPairs(of: matching, in: instance) != (result.blockingPairs ?? []) { failures.append("seed \(seed): checker differs") }
        }
        #expect(withStable > 1_000)
        #expect(failures.isEmpty, "\(failures.count) failures, e.g. \(failures.prefix(5))")
    }

    /// The compiler builds the stand-ins straight from the expansion's plan; its tables must be exactly
    /// those of compiling the expanded instance written out in strings, with couples beside the lists and
    /// records in any order.
    @Test func standInsCompiledFromThePlanEqualTheExpandedInstanceCompiled() throws {
        var instances = (UInt64(1)...300).map(Self.randomInstance(seed:))
        for seed in UInt64(1)...6 {
            var generator = InstanceGenerator(applicants: 600, programs: 90, positions: 560, couples: 25, seed: seed)
            generator.supplementalApplicants = 60
            var instance = generator.make()
            if seed.isMultiple(of: 2) {
                instance.programs.reverse()
                instance.applicants.reverse()
                instance.couples.reverse()
            }
            instances.append(instance)
        }
        var compared = 0
        for instance in instances {
            let expansion = try SupplementalExpansion(instance)
            #expect(try CompiledInstance(expansion) == CompiledInstance(expansion.expandedInstance))
            compared += expansion.isEmpty ? 0 : 1
        }
        #expect(compared == instances.count)
    }

    /// A stand-in's name is the engine's own: a program that names it ranks an applicant who is not there.
    @Test func aProgramNamingAStandInRanksAnUnknownApplicant() throws {
        let instance = MatchInstance(
            programs: [
                Program(id: "ADV", capacity: 1, ranking: ["x"]),
                Program(id: "PRE", capacity: 1, ranking: ["x (PGY-1)", "x"]),
            ],
            applicants: [Applicant(id: "x", ranking: ["ADV"], supplemental: [Supplemental(advanced: ["ADV"], ranking: ["PRE"])])])
        #expect(throws: InstanceError.programRanksUnknownApplicant(program: "PRE", applicant: "x (PGY-1)")) { try Match.run(instance) }
    }

    /// 3–5 programs of capacity 1–2; 2–4 singles, one or two of them with a supplemental list.
    static func randomInstance(seed: UInt64) -> MatchInstance {
        var random = SplitMix64(seed: seed)
        func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        func shuffled<T>(_ items: [T]) -> [T] {
            var items = items
            for index in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(index, below(index + 1)) }
            return items
        }
        let programIDs = (0..<(3 + below(3))).map { "P\($0)" }
        let applicantIDs = (0..<(2 + below(3))).map { "a\($0)" }
        let applicants = applicantIDs.enumerated().map { index, id in
            let ranking = Array(shuffled(programIDs).prefix(1 + below(3)))
            guard index < 1 + below(2) else { return Applicant(id: id, ranking: ranking) }
            let advanced = [ranking[0]]
            let pgy1 = Array(shuffled(programIDs.filter { $0 != ranking[0] }).prefix(1 + below(2)))
            return Applicant(id: id, ranking: ranking, supplemental: [Supplemental(advanced: advanced, ranking: pgy1)])
        }
        let programs = programIDs.map { id in
            Program(id: id, capacity: 1 + below(2), ranking: shuffled(applicantIDs).filter { _ in below(5) > 0 })
        }
        return MatchInstance(programs: programs, applicants: applicants)
    }
}
