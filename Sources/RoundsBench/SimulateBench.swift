import ArgumentParser
import Foundation
import RoundsCore

/// `rounds-bench simulate`: seasons of a modelled specialty market through the Match simulator, timed.
struct SimulateBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Times the Match simulator: seasons of a specialty with about --applicants competitors, for a list of --ranks programs."
    )
    @Option(help: "Competing applicants in the specialty (about).") var applicants = 3_000
    @Option(help: "Simulated seasons.") var seasons = 1_000
    @Option(help: "Programs on the simulated applicant's list.") var ranks = 12
    @Option(help: "Seed.") var seed: UInt64 = 1
    @OptionGroup var repeats: BenchCommand.RepeatOption

    func validate() throws {
        guard (100...100_000).contains(self.applicants) else { throw ValidationError("--applicants must be from 100 to 100,000") }
        guard (1...100_000).contains(self.seasons) else { throw ValidationError("--seasons must be from 1 to 100,000") }
        guard (1...300).contains(self.ranks) else { throw ValidationError("--ranks must be from 1 to 300") }
    }

    func run() throws {
        let model = MatchSimulator.MarketModel.typical(competitors: self.applicants)
        let list = (0..<self.ranks).map { MatchSimulator.Applicant.ListedProgram(desirability: Double($0) / Double(self.ranks) * 0.8 + 0.1) }
        let applicant = MatchSimulator.Applicant(standing: 0, list: list)
        var times: [Double] = []
        var result: MatchSimulator.Result?
        for _ in 0..<self.repeats.count {
            let started = ContinuousClock.now
            result = MatchSimulator.run(model, applicant: applicant, seasons: self.seasons, seed: self.seed)
            let elapsed = started.duration(to: .now)
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        let median = times.sorted()[times.count / 2]
        print("model: \(model.programs) programs × \(model.positionsPerProgram) positions, \(model.competitors) competitors, lists \(model.listLength), \(model.ranksPerPosition) ranked per position")
        print("\(self.seasons) seasons, \(self.ranks) programs ranked: median \(String(format: "%.3f", median)) s over \(self.repeats.count) runs")
        if let result {
            print("P(match) \(String(format: "%.3f", result.matchProbability)), expected rank \(result.expectedRank.map { String(format: "%.2f", $0) } ?? "-")")
        }
    }
}
