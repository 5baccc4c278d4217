import Foundation
import MatchEngine

/// A "what if" for one applicant's rank order list: many simulated seasons of a modelled specialty market,
/// each run through the NRMP algorithm (`MatchEngine.SinglesMarket`), give the probability of matching,
/// of matching at each rank, the expected rank, and how the probability moves with fewer or more programs
/// ranked. The model is a set of stated assumptions (`MarketModel`), not calibrated against published
/// outcomes unless the page says so.
public enum MatchSimulator {
    /// The modelled market of one specialty. Every number is an assumption the page shows.
    public struct MarketModel: Sendable, Equatable {
        /// Programs in the specialty and positions each offers.
        public var programs: Int
        public var positionsPerProgram: Int
        /// Competing applicants per position.
        public var applicantsPerPosition: Double
        /// How many programs each competing applicant ranks.
        public var listLength: ClosedRange<Int>
        /// How many applicants a program ranks per position (those it interviewed).
        public var ranksPerPosition: Int
        /// How much programs disagree about an applicant (standard deviations of per-program noise).
        public var programNoise: Double
        /// How much applicants' tastes differ from programs' general desirability.
        public var applicantNoise: Double

        public init(
            programs: Int, positionsPerProgram: Int, applicantsPerPosition: Double, listLength: ClosedRange<Int>, ranksPerPosition: Int,
            programNoise: Double = 0.5, applicantNoise: Double = 1.0
        ) {
            self.programs = programs
            self.positionsPerProgram = positionsPerProgram
            self.applicantsPerPosition = applicantsPerPosition
            self.listLength = listLength
            self.ranksPerPosition = ranksPerPosition
            self.programNoise = programNoise
            self.applicantNoise = applicantNoise
        }

        public var positions: Int { self.programs * self.positionsPerProgram }

        /// The default market: programs of 8 positions, 1.2 competitors per position, lists of 8 to 15
        /// programs, 8 applicants ranked per position (`SimulationInputs.assumptions` says so on the page;
        /// not calibrated).
        public static func typical(competitors: Int) -> MarketModel {
            let programs = max(2, Int((Double(competitors) / 1.2 / 8).rounded()))
            return MarketModel(programs: programs, positionsPerProgram: 8, applicantsPerPosition: 1.2, listLength: 8...15, ranksPerPosition: 8)
        }
        public var competitors: Int { Int((Double(self.positions) * self.applicantsPerPosition).rounded()) }
    }

    /// The applicant's standing among competitors, as a z-score (0 = typical), and the programs on their
    /// list as the model sees them: each program's desirability percentile (0 = most sought after) and
    /// whether it would rank the applicant at all (a program that does not sponsor their visa would not).
    public struct Applicant: Sendable, Equatable {
        public var standing: Double
        public var list: [ListedProgram]

        public struct ListedProgram: Sendable, Equatable {
            public var desirability: Double
            public var canRank: Bool

            public init(desirability: Double, canRank: Bool = true) {
                self.desirability = desirability
                self.canRank = canRank
            }
        }

        public init(standing: Double, list: [ListedProgram]) {
            self.standing = standing
            self.list = list
        }
    }

    public struct Result: Sendable, Equatable {
        public var seasons: Int
        /// Probability of matching with the whole list.
        public var matchProbability: Double
        /// Probability of matching at each rank (index 0 = first choice).
        public var byRank: [Double]
        /// Mean rank matched at (1-based), among seasons with a match; nil when never matched.
        public var expectedRank: Double?
        /// Probability of matching when ranking only the first k programs, k = 1…list length; and with one
        /// more program of middling desirability added at the end.
        public var byLength: [Double]
        public var withOneMore: Double
    }

    /// One season's outcome for the applicant.
    struct Season: Sendable {
        var position: Int?
        var matchesWithLength: [Bool]
        var matchesWithOneMore: Bool
    }

    /// Runs `seasons` seasons from `seed` (the same inputs give the same result: each season draws from
    /// its own seed, so how the seasons are spread over the processor's cores does not matter).
    public static func run(_ model: MarketModel, applicant: Applicant, seasons: Int, seed: UInt64) -> Result {
        let k = applicant.list.count
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, seasons))
        let outcomes = Outcomes(count: seasons)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: seasons, by: workers) {
                outcomes.store(index, Self.season(model, applicant: applicant, seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
            }
        }
        var matchedAt = Array(repeating: 0, count: k)
        var matchedWithLength = Array(repeating: 0, count: k)
        var matchedWithOneMore = 0
        for season in outcomes.all {
            if let position = season.position { matchedAt[position] += 1 }
            for (index, matched) in season.matchesWithLength.enumerated() where matched { matchedWithLength[index] += 1 }
            if season.matchesWithOneMore { matchedWithOneMore += 1 }
        }
        let total = Double(max(1, seasons))
        let matched = matchedAt.reduce(0, +)
        let rankSum = matchedAt.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
        return Result(
            seasons: seasons, matchProbability: Double(matched) / total, byRank: matchedAt.map { Double($0) / total },
            expectedRank: matched == 0 ? nil : Double(rankSum) / Double(matched), byLength: matchedWithLength.map { Double($0) / total },
            withOneMore: Double(matchedWithOneMore) / total)
    }

    /// One simulated season: a market drawn from `seed`, matched, and the applicant placed into it with
    /// each prefix of their list and with one program more.
    static func season(_ model: MarketModel, applicant: Applicant, seed: UInt64) -> Season {
        var random = SplitMix64(seed: seed)
        let k = applicant.list.count
        let programs = model.programs
        let capacities = Array(repeating: model.positionsPerProgram, count: programs)
        let lengthSpan = model.listLength.upperBound - model.listLength.lowerBound + 1
        // Competitors: strength, and lists drawn towards desirable programs (program 0 is the most
        // sought after), ordered by desirability plus each applicant's own taste.
        let competitors = model.competitors
        var strength = [Double](repeating: 0, count: competitors + 1)
        // Lists in one flat buffer: applicant a's are programs[listStart[a]..<listStart[a + 1]].
        var listStart = [Int](repeating: 0, count: competitors + 1)
        var listed: [Int] = []
        listed.reserveCapacity(competitors * model.listLength.upperBound)
        var keys = [Double](repeating: 0, count: model.listLength.upperBound)
        var picks = [Int](repeating: 0, count: model.listLength.upperBound)
        let scale = Double(programs)
        let taste = model.applicantNoise * 0.25
        for a in 0..<competitors {
            strength[a] = random.quickNormal()
            let length = min(programs, model.listLength.lowerBound + Int(random.next() % UInt64(lengthSpan)))
            var count = 0
            while count < length {
                let u = random.unit()
                let program = min(programs - 1, Int(scale * u * u))
                var seen = false
                for i in 0..<count where picks[i] == program { seen = true }
                if seen { continue }
                // Insertion by the applicant's taste: desirability plus their own noise.
                let key = Double(program) / scale + taste * random.quickNormal()
                var at = count
                while at > 0 && keys[at - 1] > key {
                    keys[at] = keys[at - 1]
                    picks[at] = picks[at - 1]
                    at -= 1
                }
                keys[at] = key
                picks[at] = program
                count += 1
            }
            listed.append(contentsOf: picks[0..<count])
            listStart[a + 1] = listed.count
        }
        // The newcomer: the applicant's list mapped onto model programs by desirability, plus one more
        // program of middling desirability for "one more".
        let newcomer = competitors
        strength[newcomer] = applicant.standing
        var mine: [Int] = []
        var forbidden = Set<Int>()
        for listed in applicant.list {
            var program = min(programs - 1, max(0, Int(listed.desirability * Double(programs))))
            while mine.contains(program) { program = (program + 1) % programs }
            mine.append(program)
            if !listed.canRank { forbidden.insert(program) }
        }
        var extra = programs / 2
        while mine.contains(extra) { extra = (extra + 1) % programs }
        // Programs rank those who rank them by strength plus their own view, keeping the best
        // `ranksPerPosition` per position; the threshold is each program's last ranked score.
        let seasonSeed = random.next()
        let noise = model.programNoise
        let frozenStrength = strength
        // A program's view of an applicant: the same every time it is asked within a season.
        let quantiles = SplitMix64.normalQuantiles
        func view(_ program: Int, _ a: Int) -> Double {
            let hash = SplitMix64.mix(seasonSeed ^ (UInt64(program) &* 0x9E37_79B9) ^ (UInt64(a) &* 0xC2B2_AE3D_27D4_EB4F))
            return frozenStrength[a] + noise * quantiles[Int(hash >> 52)]
        }
        // Each list entry's score (the program's view of the applicant), and the same grouped by program
        // (counting sort) to find each program's threshold.
        var entryScores = [Double](repeating: 0, count: listed.count)
        for a in 0..<competitors {
            for index in listStart[a]..<listStart[a + 1] { entryScores[index] = view(listed[index], a) }
        }
        let extraCandidates = (mine + [extra]).filter { !forbidden.contains($0) }
        var counts = [Int](repeating: 0, count: programs + 1)
        for p in listed { counts[p + 1] += 1 }
        for p in extraCandidates { counts[p + 1] += 1 }
        for p in 0..<programs { counts[p + 1] += counts[p] }
        var fill = counts
        var grouped = [Double](repeating: 0, count: counts[programs])
        for (index, p) in listed.enumerated() {
            grouped[fill[p]] = entryScores[index]
            fill[p] += 1
        }
        for p in extraCandidates {
            grouped[fill[p]] = view(p, newcomer)
            fill[p] += 1
        }
        let keep = model.ranksPerPosition * model.positionsPerProgram
        var thresholds = [Double](repeating: -.infinity, count: programs)
        for p in 0..<programs where counts[p + 1] - counts[p] > keep {
            thresholds[p] = Self.largest(keep, in: &grouped, from: counts[p], to: counts[p + 1])
        }
        // A program ranks only those at or above its threshold (the ones it interviewed).
        var scores = [Double?](repeating: nil, count: listed.count)
        for (index, p) in listed.enumerated() where entryScores[index] >= thresholds[p] { scores[index] = entryScores[index] }
        func newcomerScores(_ ranking: [Int]) -> [Double?] {
            ranking.map { p in
                guard !forbidden.contains(p) else { return nil }
                let score = view(p, newcomer)
                return score >= thresholds[p] ? score : nil
            }
        }
        let market = SinglesMarket(capacities: capacities, listStart: listStart, programs: listed, scores: scores)
        let state = market.run()
        let mineScores = newcomerScores(mine + [extra])
        // Where each prefix of the list lands; the whole list is the last prefix.
        let placements = (0..<k).map { market.placement(ofNewcomer: Array(mine.prefix($0 + 1)), scores: Array(mineScores.prefix($0 + 1)), in: state) }
        return Season(
            position: placements.last ?? nil,
            matchesWithLength: placements.map { $0 != nil },
            matchesWithOneMore: market.placement(ofNewcomer: mine + [extra], scores: mineScores, in: state) != nil)
    }

    /// Each season's outcome, written by the workers at its own index.
    final class Outcomes: @unchecked Sendable {
        private var seasons: [Season?]
        private let lock = NSLock()

        init(count: Int) { self.seasons = Array(repeating: nil, count: count) }

        func store(_ index: Int, _ season: Season) {
            self.lock.lock()
            self.seasons[index] = season
            self.lock.unlock()
        }

        var all: [Season] { self.lock.withLock { self.seasons.compactMap { $0 } } }
    }

    /// The `k`-th largest value (1-based) of `values[from..<to]` by quickselect; that range is reordered.
    static func largest(_ k: Int, in values: inout [Double], from: Int = 0, to: Int? = nil) -> Double {
        var low = from
        var high = (to ?? values.count) - 1
        let target = from + k - 1
        while low < high {
            let pivot = values[(low + high) / 2]
            var i = low
            var j = high
            while i <= j {
                while values[i] > pivot { i += 1 }
                while values[j] < pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if target <= j { high = j } else if target >= i { low = i } else { break }
        }
        return values[target]
    }
}
