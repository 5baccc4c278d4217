import Testing

@testable import MatchEngine

@Suite struct WorkedExamplesTests {
    /// The example the NRMP uses to explain its algorithm (eight applicants, four programs of two).
    static let nrmpExample = MatchInstance(
        programs: [
            .init(id: "Mercy", capacity: 2, ranking: ["Chen", "Garcia"]),
            .init(id: "City", capacity: 2, ranking: ["Garcia", "Hassan", "Eastman", "Anderson", "Brown", "Chen", "Davis", "Ford"]),
            .init(id: "General", capacity: 2, ranking: ["Brown", "Eastman", "Hassan", "Anderson", "Chen", "Davis", "Garcia"]),
            .init(id: "State", capacity: 2, ranking: ["Brown", "Eastman", "Anderson", "Chen", "Hassan", "Ford", "Davis", "Garcia"]),
        ],
        applicants: [
            .init(id: "Anderson", ranking: ["City"]),
            .init(id: "Brown", ranking: ["City", "Mercy"]),
            .init(id: "Chen", ranking: ["City", "Mercy"]),
            .init(id: "Davis", ranking: ["Mercy", "City", "General", "State"]),
            .init(id: "Eastman", ranking: ["City", "Mercy", "State", "General"]),
            .init(id: "Ford", ranking: ["City", "General", "Mercy", "State"]),
            .init(id: "Garcia", ranking: ["City", "Mercy", "State", "General"]),
            .init(id: "Hassan", ranking: ["State", "City", "Mercy", "General"]),
        ]
    )

    @Test func theNRMPExampleMatchesAsPublished() throws {
        let result = try Match.run(Self.nrmpExample)
        #expect(
            result.assignments == [
                "Chen": "Mercy", "Davis": "General", "Eastman": "City", "Ford": "State", "Garcia": "City", "Hassan": "State",
            ]
        )
        #expect(result.unmatched == ["Anderson", "Brown"])
        #expect(result.unfilled == ["Mercy": 1, "General": 1])
        #expect(result.isStable == true)
    }

    /// Three applicants, three one-seat programs, where the two sides' optimal matchings differ.
    static let textbook = MatchInstance(
        programs: [
            .init(id: "P1", capacity: 1, ranking: ["a2", "a1", "a3"]),
            .init(id: "P2", capacity: 1, ranking: ["a1", "a2", "a3"]),
            .init(id: "P3", capacity: 1, ranking: ["a1", "a2", "a3"]),
        ],
        applicants: [
            .init(id: "a1", ranking: ["P1", "P2", "P3"]),
            .init(id: "a2", ranking: ["P2", "P1", "P3"]),
            .init(id: "a3", ranking: ["P1", "P2", "P3"]),
        ]
    )

    @Test func applicantProposingGivesApplicantsTheirBestStableChoice() throws {
        let result = try Match.run(Self.textbook)
        #expect(result.assignments == ["a1": "P1", "a2": "P2", "a3": "P3"])
        #expect(result.isStable == true)
    }

    @Test func programProposingGivesProgramsTheirBestStableChoice() throws {
        let result = try Match.run(Self.textbook, algorithm: .programProposing)
        #expect(result.assignments == ["a1": "P2", "a2": "P1", "a3": "P3"])
        #expect(result.isStable == true)
    }

    @Test func aCoupleIsPlacedAtTheFirstPairBothProgramsAccept() throws {
        let instance = MatchInstance(
            programs: [
                .init(id: "P", capacity: 1, ranking: ["s", "c1"]),
                .init(id: "Q", capacity: 1, ranking: ["c2"]),
                .init(id: "R", capacity: 2, ranking: ["c1", "c2"]),
            ],
            applicants: [.init(id: "s", ranking: ["P"])],
            couples: [.init(members: ["c1", "c2"], ranking: [["P", "Q"], ["R", "R"], ["R", nil]])]
        )
        let result = try Match.run(instance)
        // P prefers s to c1, so the couple cannot have (P, Q); both fit at R.
        #expect(result.assignments == ["s": "P", "c1": "R", "c2": "R"])
        #expect(result.isStable == true)
    }

    @Test func aDisplacedCoupleReleasesThePartnersSeatWhichIsReofferedToASingleTurnedAwayBefore() throws {
        // s2 starts at Q and is pushed to R by couple c. Couple d later takes X from u, u takes P from c1,
        // so c withdraws c2 from Q and moves to (Y, Z). Q's freed seat goes back to s2, who prefers it to R.
        let instance = MatchInstance(
            programs: [
                .init(id: "P", capacity: 1, ranking: ["u", "c1"]),
                .init(id: "Q", capacity: 1, ranking: ["c2", "s2"]),
                .init(id: "R", capacity: 1, ranking: ["s2"]),
                .init(id: "W", capacity: 1, ranking: ["d2"]),
                .init(id: "X", capacity: 1, ranking: ["d1", "u"]),
                .init(id: "Y", capacity: 1, ranking: ["c1"]),
                .init(id: "Z", capacity: 1, ranking: ["c2"]),
            ],
            applicants: [.init(id: "s2", ranking: ["Q", "R"]), .init(id: "u", ranking: ["X", "P"])],
            couples: [
                .init(members: ["c1", "c2"], ranking: [["P", "Q"], ["Y", "Z"]]),
                .init(members: ["d1", "d2"], ranking: [["X", "W"]]),
            ]
        )
        let result = try Match.run(instance)
        #expect(
            result.assignments == ["s2": "Q", "u": "P", "c1": "Y", "c2": "Z", "d1": "X", "d2": "W"]
        )
        #expect(result.unfilled == ["R": 1])
        #expect(result.isStable == true)
    }

    @Test func anInstanceWithNoStableMatchingIsReportedNotLoopedOn() throws {
        // Couple (a, b) wants only (H1, H2). H1 prefers a to s; H2 prefers s to b; s prefers H1 to H2.
        // Every matching has a blocking pair, so the process cycles.
        let instance = MatchInstance(
            programs: [
                .init(id: "H1", capacity: 1, ranking: ["a", "s"]),
                .init(id: "H2", capacity: 1, ranking: ["s", "b"]),
            ],
            applicants: [.init(id: "s", ranking: ["H1", "H2"])],
            couples: [.init(members: ["a", "b"], ranking: [["H1", "H2"]])]
        )
        #expect(throws: MatchError.self) { try Match.run(instance) }
        for matching in [["a": "H1", "b": "H2"], ["s": "H1"], ["s": "H2"], [:]] {
            #expect(try !Match.blockingPairs(of: Matching(assignments: matching), in: instance).isEmpty, "\(matching)")
        }
    }

    @Test func programProposingRefusesCouples() {
        let instance = MatchInstance(
            programs: [.init(id: "P", capacity: 2, ranking: ["a", "b"])],
            applicants: [],
            couples: [.init(members: ["a", "b"], ranking: [["P", "P"]])]
        )
        #expect(throws: MatchError.couplesNotSupported) { try Match.run(instance, algorithm: .programProposing) }
    }

    @Test func theCheckerNamesEveryBlockingPair() throws {
        let matching = Matching(assignments: ["a1": "P3", "a2": "P2", "a3": "P1"])
        let pairs = try Match.blockingPairs(of: matching, in: Self.textbook)
        #expect(Set(pairs) == [.single(applicant: "a1", program: "P1"), .single(applicant: "a1", program: "P2")])
    }

    @Test func theCheckerRefusesImpossibleMatchings() {
        #expect(throws: MatchingError.overCapacity(program: "P1", capacity: 1, assigned: 2)) {
            try Match.blockingPairs(of: Matching(assignments: ["a1": "P1", "a2": "P1"]), in: Self.textbook)
        }
        #expect(throws: MatchingError.unknownProgram("Z")) {
            try Match.blockingPairs(of: Matching(assignments: ["a1": "Z"]), in: Self.textbook)
        }
    }
}
