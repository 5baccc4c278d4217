import Fluent
import Foundation
import RoundsCore
import Vapor

/// The Match simulator for one applicant's rank order list: their standing from the profile and verified
/// US clinical experience, the modelled market, and seasons run off the event loop.
struct RankListSimulation {
    /// Seasons per page view: enough for figures to about ±2 points, about half a second here.
    static let seasons = 500
    static let competitors = 3_000

    struct Outcome {
        var result: MatchSimulator.Result
        var standing: Double
        var names: [String]
    }

    static func run(for user: User, state: RankListState, req: Request) async throws -> Outcome? {
        guard !state.ranked.isEmpty else { return nil }
        let profile = try await ProfileStore.load(for: user, on: req.db)
        let usce = try await req.portfolio.verifiedUSCE(of: user)
        let standing = SimulationInputs.standing(profile: profile, verifiedUSCEMonths: usce.months, currentYear: Calendar.utc.component(.year, from: req.now))
        let key = RecentKey(listLength: state.ranked.count, standing: standing.bitPattern)
        if let kept = Self.recent.value(for: key) {
            return Outcome(result: kept, standing: standing, names: state.ranked.map(\.name))
        }
        let applicant = MatchSimulator.Applicant(standing: standing, list: SimulationInputs.list(count: state.ranked.count))
        // The same list and standing give the same figures: the seed comes from the inputs.
        let seed = UInt64(truncatingIfNeeded: state.ranked.count) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: Int64((standing * 1000).rounded()))
        let model = MatchSimulator.MarketModel.typical(competitors: Self.competitors)
        // About half a second of CPU.
        let result = try await CPUWork.run { MatchSimulator.run(model, applicant: applicant, seasons: Self.seasons, seed: seed) }
        Self.recent.keep(result, for: key)
        return Outcome(result: result, standing: standing, names: state.ranked.map(\.name))
    }

    /// The figures depend only on the list's length and the standing (the model and seasons are fixed), so a
    /// reload, or another applicant in the same position, reuses them instead of half a second of CPU.
    struct RecentKey: Hashable, Sendable {
        var listLength: Int
        var standing: UInt64
    }

    static let recent = RecentResults<RecentKey, MatchSimulator.Result>(capacity: 256)
}

/// The simulator's answer over JSON.
struct SimulationResponse: Content {
    var seasons: Int
    var standing: Double
    var calibrated: Bool
    var assumptions: [String]
    var matchProbability: Double
    var expectedRank: Double?
    var byRank: [Double]
    var byLength: [Double]
    var withOneMore: Double
    var withOneFewer: Double?

    enum CodingKeys: String, CodingKey {
        case seasons, standing, calibrated, assumptions
        case matchProbability = "match_probability"
        case expectedRank = "expected_rank"
        case byRank = "by_rank"
        case byLength = "by_length"
        case withOneMore = "with_one_more"
        case withOneFewer = "with_one_fewer"
    }

    init(_ outcome: RankListSimulation.Outcome) {
        let r = outcome.result
        self.seasons = r.seasons
        self.standing = (outcome.standing * 100).rounded() / 100
        self.calibrated = false
        self.assumptions = SimulationInputs.assumptions
        self.matchProbability = r.matchProbability
        self.expectedRank = r.expectedRank.map { ($0 * 100).rounded() / 100 }
        self.byRank = r.byRank
        self.byLength = r.byLength
        self.withOneMore = r.withOneMore
        self.withOneFewer = r.byLength.count >= 2 ? r.byLength[r.byLength.count - 2] : nil
    }
}
