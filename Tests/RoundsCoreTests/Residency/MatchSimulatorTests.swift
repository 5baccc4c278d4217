import Testing

@testable import RoundsCore

/// The Match simulator: deterministic, consistent with itself, and sensitive to what it models.
@Suite struct MatchSimulatorTests {
    static let model = MatchSimulator.MarketModel(programs: 40, positionsPerProgram: 4, applicantsPerPosition: 1.3, listLength: 4...8, ranksPerPosition: 5)

    static func applicant(standing: Double, ranks: Int = 6, canRank: Bool = true) -> MatchSimulator.Applicant {
        MatchSimulator.Applicant(standing: standing, list: (0..<ranks).map { .init(desirability: Double($0) / Double(ranks), canRank: canRank) })
    }

    @Test func theSameSeedGivesTheSameResult() {
        let a = MatchSimulator.run(Self.model, applicant: Self.applicant(standing: 0), seasons: 50, seed: 7)
        let b = MatchSimulator.run(Self.model, applicant: Self.applicant(standing: 0), seasons: 50, seed: 7)
        #expect(a == b)
    }

    @Test func theFiguresAgreeWithEachOther() {
        let result = MatchSimulator.run(Self.model, applicant: Self.applicant(standing: 0), seasons: 200, seed: 3)
        #expect(abs(result.byRank.reduce(0, +) - result.matchProbability) < 1e-9)
        // Ranking more programs never lowers the chance: a longer list keeps every match of a shorter one.
        #expect(zip(result.byLength, result.byLength.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(result.byLength.last == result.matchProbability)
        #expect(result.withOneMore >= result.matchProbability)
        if let rank = result.expectedRank { #expect((1...6).contains(Int(rank.rounded()))) }
    }

    @Test func strongerApplicantsMatchMoreOftenAndProgramsThatCannotRankThemNever() {
        let strong = MatchSimulator.run(Self.model, applicant: Self.applicant(standing: 2), seasons: 300, seed: 11)
        let weak = MatchSimulator.run(Self.model, applicant: Self.applicant(standing: -2), seasons: 300, seed: 11)
        #expect(strong.matchProbability > weak.matchProbability)
        let barred = MatchSimulator.run(Self.model, applicant: Self.applicant(standing: 2, canRank: false), seasons: 100, seed: 11)
        #expect(barred.matchProbability == 0)
        #expect(barred.expectedRank == nil)
    }

    @Test func quickselectFindsTheKthLargest() {
        let values = [5.0, 1, 9, 3, 3, 7, 2, 8, 6, 4]
        for k in 1...values.count {
            var copy = values
            #expect(MatchSimulator.largest(k, in: &copy) == values.sorted(by: >)[k - 1])
        }
    }
}
