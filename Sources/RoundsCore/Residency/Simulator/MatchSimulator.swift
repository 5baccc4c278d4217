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
        /// programs, 8 applicants ranked per position. Assumptions, shown on the page; not calibrated.
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

    /// Runs `seasons` seasons from `seed` (the same inputs give the same result).
    public static func run(_ model: MarketModel, applicant: Applicant, seasons: Int, seed: UInt64) -> Result {
        var random = SplitMix64(seed: seed)
        let k = applicant.list.count
        var matchedAt = Array(repeating: 0, count: k)
        var matchedWithLength = Array(repeating: 0, count: k)
        var matchedWithOneMore = 0
        let programs = model.programs
        let capacities = Array(repeating: model.positionsPerProgram, count: programs)
        let lengthSpan = model.listLength.upperBound - model.listLength.lowerBound + 1
        for _ in 0..<seasons {
            // Competitors: strength, and lists drawn towards desirable programs (program 0 is the most
            // sought after), ordered by desirability plus each applicant's own taste.
            let competitors = model.competitors
            var strength = [Double](repeating: 0, count: competitors + 1)
            var rankings = [[Int]](repeating: [], count: competitors)
            for a in 0..<competitors {
                strength[a] = random.quickNormal()
                let length = min(programs, model.listLength.lowerBound + Int(random.next() % UInt64(lengthSpan)))
                var chosen: [Int] = []
                var keys: [Double] = []
                chosen.reserveCapacity(length)
                keys.reserveCapacity(length)
                while chosen.count < length {
                    let u = random.unit()
                    let program = min(programs - 1, Int(Double(programs) * u * u))
                    guard !chosen.contains(program) else { continue }
                    // Insertion by the applicant's taste: desirability plus their own noise.
                    let key = Double(program) / Double(programs) + model.applicantNoise * 0.25 * random.quickNormal()
                    var at = keys.count
                    while at > 0 && keys[at - 1] > key { at -= 1 }
                    keys.insert(key, at: at)
                    chosen.insert(program, at: at)
                }
                rankings[a] = chosen
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
            let frozenForbidden = forbidden
            // A program's view of an applicant: the same every time it is asked within a season.
            @Sendable func view(_ program: Int, _ a: Int) -> Double {
                var mix = SplitMix64(seed: seasonSeed ^ (UInt64(program) &* 0x9E37_79B9) ^ (UInt64(a) &* 0xC2B2_AE3D_27D4_EB4F))
                return frozenStrength[a] + noise * mix.quickNormal()
            }
            var candidates = [[Double]](repeating: [], count: programs)
            for a in 0..<competitors { for p in rankings[a] { candidates[p].append(view(p, a)) } }
            for p in mine + [extra] where !forbidden.contains(p) { candidates[p].append(view(p, newcomer)) }
            let keep = model.ranksPerPosition * model.positionsPerProgram
            let thresholds: [Double] = candidates.map { scores in
                guard scores.count > keep else { return -.infinity }
                var copy = scores
                return Self.largest(keep, in: &copy)
            }
            let market = SinglesMarket(capacities: capacities, applicantRankings: rankings) { p, a in
                if a == newcomer && frozenForbidden.contains(p) { return nil }
                let score = view(p, a)
                return score >= thresholds[p] ? score : nil
            }
            let state = market.run()
            if let position = market.placement(ofNewcomer: mine, in: state) {
                matchedAt[position] += 1
            }
            for length in 1...max(1, k) where k > 0 {
                if market.placement(ofNewcomer: Array(mine.prefix(length)), in: state) != nil { matchedWithLength[length - 1] += 1 }
            }
            if market.placement(ofNewcomer: mine + [extra], in: state) != nil { matchedWithOneMore += 1 }
        }
        let total = Double(max(1, seasons))
        let matched = matchedAt.reduce(0, +)
        let rankSum = matchedAt.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
        return Result(
            seasons: seasons, matchProbability: Double(matched) / total, byRank: matchedAt.map { Double($0) / total },
            expectedRank: matched == 0 ? nil : Double(rankSum) / Double(matched), byLength: matchedWithLength.map { Double($0) / total },
            withOneMore: Double(matchedWithOneMore) / total)
    }

    /// The `k`-th largest value (1-based) by quickselect; `values` is reordered.
    static func largest(_ k: Int, in values: inout [Double]) -> Double {
        var low = 0
        var high = values.count - 1
        let target = k - 1
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
