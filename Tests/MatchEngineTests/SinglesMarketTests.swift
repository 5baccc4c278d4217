import Testing

@testable import MatchEngine

/// The integer-indexed singles market the simulator runs: its matching is the engine's, and a newcomer's
/// placement into a matched market is exactly where the whole market's match puts them.
@Suite struct SinglesMarketTests {
    struct Market {
        var capacities: [Int]
        var rankings: [[Int]]
        /// Program × applicant score (higher is better); nil: the program does not rank the applicant.
        var scores: [[Int?]]
    }

    static func market(seed: UInt64) -> Market {
        var random = SplitMix64(seed: seed &* 104_729)
        let programs = 2 + Int(random.next() % 12)
        let applicants = 3 + Int(random.next() % 60)
        let capacities = (0..<programs).map { _ in Int(random.next() % 4) }
        let rankings = (0..<applicants).map { _ -> [Int] in
            var chosen: [Int] = []
            for _ in 0..<(1 + Int(random.next() % 6)) {
                let program = Int(random.next() % UInt64(programs))
                if !chosen.contains(program) { chosen.append(program) }
            }
            return chosen
        }
        // Scores with ties, and some applicants left unranked.
        let scores = (0..<programs).map { _ in (0..<applicants).map { _ in random.next() % 5 == 0 ? nil : Int(random.next() % 10) } }
        return Market(capacities: capacities, rankings: rankings, scores: scores)
    }

    /// The same market as the engine's instance: programs rank those who rank them, by score then index.
    static func instance(_ m: Market) -> MatchInstance {
        let programs = m.capacities.indices.map { p in
            let candidates = m.rankings.indices.filter { m.rankings[$0].contains(p) && m.scores[p][$0] != nil }
            let ordered = candidates.sorted { (m.scores[p][$0]!, -$0) > (m.scores[p][$1]!, -$1) }
            return MatchInstance.Program(id: "p\(p)", capacity: m.capacities[p], ranking: ordered.map { "a\($0)" })
        }
        let applicants = m.rankings.indices.map { MatchInstance.Applicant(id: "a\($0)", ranking: m.rankings[$0].map { "p\($0)" }) }
        return MatchInstance(programs: programs, applicants: applicants)
    }

    static func singles(_ m: Market) -> SinglesMarket {
        let scores = m.scores
        return SinglesMarket(capacities: m.capacities, applicantRankings: m.rankings) { p, a in scores[p][a].map(Double.init) }
    }

    @Test(arguments: Array(UInt64(1)...300))
    func aNewcomerLandsWhereTheWholeMarketsMatchPutsThem(seed: UInt64) throws {
        let whole = Self.market(seed: seed)
        let expected = try Match.run(Self.instance(whole)).assignments
        // The market without its last applicant, matched; then the last one joins.
        var smaller = whole
        let newcomer = smaller.rankings.removeLast()
        let market = Self.singles(Market(capacities: whole.capacities, rankings: smaller.rankings, scores: whole.scores))
        let state = market.run()
        let engine = try Match.run(Self.instance(Market(capacities: whole.capacities, rankings: smaller.rankings, scores: whole.scores))).assignments
        for applicant in smaller.rankings.indices {
            #expect(state.position[applicant].map { "p\(smaller.rankings[applicant][$0])" } == engine["a\(applicant)"], "seed \(seed), applicant \(applicant)")
        }
        let newcomerIndex = whole.rankings.count - 1
        let newcomerScores = newcomer.map { whole.scores[$0][newcomerIndex].map(Double.init) }
        let placed = market.placement(ofNewcomer: newcomer, scores: newcomerScores, in: state)
        #expect(placed.map { "p\(newcomer[$0])" } == expected["a\(whole.rankings.count - 1)"], "seed \(seed)")
        // Placing a newcomer leaves the matched state as it was.
        #expect(market.placement(ofNewcomer: newcomer, scores: newcomerScores, in: state) == placed)
    }
}
