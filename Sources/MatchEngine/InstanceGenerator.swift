/// Makes NRMP-like instances for tests and benchmarks: programs of uneven popularity and size,
/// applicants whose preferences are correlated (everyone likes popular programs, with personal noise),
/// programs that rank the applicants who applied by a common score plus noise, and couples ranking pairs.
public struct InstanceGenerator: Sendable {
    public var applicants: Int
    public var programs: Int
    public var positions: Int
    public var couples: Int
    public var seed: UInt64
    /// Average rank list length of an applicant (NRMP: about 12).
    public var applicantListLength = 12
    /// How many applicants a program ranks per position (NRMP: about 8).
    public var programRanksPerPosition = 8
    /// How many single applicants treat their top two programs as advanced ones, each with a supplemental
    /// list of four PGY-1 programs (a benchmark's share, not an NRMP figure).
    public var supplementalApplicants = 0

    /// The scale of the NRMP 2025 Main Residency Match, with 2,000 applicants ranking advanced programs
    /// with supplemental lists (a benchmark's share: the NRMP does not publish how many submit them).
    public static func nrmp2025(seed: UInt64 = 1) -> InstanceGenerator {
        var generator = InstanceGenerator(applicants: 47_208, programs: 6_626, positions: 43_237, couples: 1_200, seed: seed)
        generator.supplementalApplicants = 2_000
        return generator
    }

    public init(applicants: Int, programs: Int, positions: Int, couples: Int, seed: UInt64) {
        self.applicants = applicants
        self.programs = programs
        self.positions = max(positions, programs)
        self.couples = min(couples, applicants / 2)
        self.seed = seed
    }

    public func make() -> MatchInstance {
        var random = SplitMix64(seed: self.seed)
        let programIDs = (0..<self.programs).map { "P\(String($0, radix: 10).leftPadded(to: 5))" }
        let applicantIDs = (0..<self.applicants).map { "A\(String($0, radix: 10).leftPadded(to: 6))" }

        // Popularity: a few programs are wanted by many (log-normal-ish weights).
        let quality = (0..<self.programs).map { _ in random.normal() }
        let weights = quality.map { exp(0.9 * $0) }
        var cumulative: [Double] = []
        cumulative.reserveCapacity(weights.count)
        var total = 0.0
        for weight in weights {
            total += weight
            cumulative.append(total)
        }
        let capacities = self.capacities(&random)

        // Applicant lists: sample programs by popularity, order by quality plus personal taste.
        func list(length: Int) -> [(program: Int, utility: Double)] {
            var chosen = Set<Int>()
            var entries: [(Int, Double)] = []
            var attempts = 0
            while entries.count < length && attempts < length * 20 {
                attempts += 1
                let target = random.unit() * total
                var low = 0
                var high = cumulative.count - 1
                while low < high {
                    let mid = (low + high) / 2
                    if cumulative[mid] < target { low = mid + 1 } else { high = mid }
                }
                if chosen.insert(low).inserted { entries.append((low, quality[low] + 0.8 * random.normal())) }
            }
            return entries.sorted { $0.1 > $1.1 }
        }
        func length() -> Int { max(1, self.applicantListLength - 4 + Int(random.next() % 9)) }

        let singleCount = self.applicants - 2 * self.couples
        var singles: [MatchInstance.Applicant] = []
        singles.reserveCapacity(singleCount)
        var applicationsTo = [[Int]](repeating: [], count: self.programs)
        for a in 0..<singleCount {
            let entries = list(length: length())
            for entry in entries { applicationsTo[entry.program].append(a) }
            var supplemental: [MatchInstance.SupplementalList] = []
            if a < self.supplementalApplicants {
                let advanced = entries.prefix(2).map(\.program)
                let pgy1 = list(length: 4).map(\.program).filter { !advanced.contains($0) }
                for p in pgy1 { applicationsTo[p].append(a) }
                if !advanced.isEmpty && !pgy1.isEmpty {
                    supplemental = [MatchInstance.SupplementalList(advanced: advanced.map { programIDs[$0] }, ranking: pgy1.map { programIDs[$0] })]
                }
            }
            singles.append(MatchInstance.Applicant(id: applicantIDs[a], ranking: entries.map { programIDs[$0.program] }, supplemental: supplemental))
        }
        var couples: [MatchInstance.Couple] = []
        couples.reserveCapacity(self.couples)
        for c in 0..<self.couples {
            let first = singleCount + 2 * c
            let listA = Array(list(length: 6))
            let listB = Array(list(length: 6))
            var pairs: [(Int?, Int?, Double)] = []
            for a in listA { for b in listB { pairs.append((a.program, b.program, a.utility + b.utility)) } }
            pairs.sort { $0.2 > $1.2 }
            var ranking = pairs.prefix(15).map { [$0.0.map { programIDs[$0] }, $0.1.map { programIDs[$0] }] }
            if let bestA = listA.first { ranking.append([programIDs[bestA.program], nil]) }
            if let bestB = listB.first { ranking.append([nil, programIDs[bestB.program]]) }
            for pair in pairs.prefix(15) {
                if let p = pair.0 { applicationsTo[p].append(first) }
                if let p = pair.1 { applicationsTo[p].append(first + 1) }
            }
            if let bestA = listA.first { applicationsTo[bestA.program].append(first) }
            if let bestB = listB.first { applicationsTo[bestB.program].append(first + 1) }
            couples.append(MatchInstance.Couple(members: [applicantIDs[first], applicantIDs[first + 1]], ranking: ranking))
        }

        // Programs rank a common score plus noise, keeping about `programRanksPerPosition` per position.
        let score = (0..<self.applicants).map { _ in random.normal() }
        var programs: [MatchInstance.Program] = []
        programs.reserveCapacity(self.programs)
        for p in 0..<self.programs {
            let unique = Array(Set(applicationsTo[p])).sorted()
            let ranked = unique.map { ($0, score[$0] + 0.7 * random.normal()) }.sorted { $0.1 > $1.1 }
            let keep = ranked.prefix(capacities[p] * self.programRanksPerPosition)
            programs.append(MatchInstance.Program(id: programIDs[p], capacity: capacities[p], ranking: keep.map { applicantIDs[$0.0] }))
        }
        return MatchInstance(programs: programs, applicants: singles, couples: couples)
    }

    /// Positions spread over programs: every program at least one, sizes skewed like residency programs.
    private func capacities(_ random: inout SplitMix64) -> [Int] {
        let shares = (0..<self.programs).map { _ in exp(1.1 * random.normal()) }
        let total = shares.reduce(0, +)
        let extra = self.positions - self.programs
        var capacities = shares.map { 1 + Int(Double(extra) * $0 / total) }
        var remainder = self.positions - capacities.reduce(0, +)
        var index = 0
        while remainder > 0 {
            capacities[index % capacities.count] += 1
            remainder -= 1
            index += 1
        }
        return capacities
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64), so instances are reproducible
/// on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        self.state = seed
    }

    public mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double {
        Double(self.next() >> 11) * 0x1.0p-53
    }

    /// SplitMix64's output function on one value: a well-mixed hash of `value`.
    @inlinable public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Approximately standard normal from a table of 4,096 quantiles: fast, for simulations that draw
    /// millions (the Match simulator); coarse in the far tails.
    public mutating func quickNormal() -> Double {
        SplitMix64.normalQuantiles[Int(self.next() >> 52)]
    }

    /// The standard normal's quantiles at (i + 0.5) / 4096, by bisection on the error function's series.
    public static let normalQuantiles: [Double] = (0..<4096).map { i in
        let p = (Double(i) + 0.5) / 4096
        var low = -6.0
        var high = 6.0
        for _ in 0..<60 {
            let mid = (low + high) / 2
            if standardNormalCDF(mid) < p { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }

    /// Φ(x) by the Taylor series of the error function (accurate to ~1e-12 for |x| ≤ 6 with enough terms).
    static func standardNormalCDF(_ x: Double) -> Double {
        // Φ(x) = 1/2 + φ-series: x/√(2π) Σ (-1)^n x^(2n) / (2^n n! (2n+1)).
        var term = x
        var sum = x
        var n = 0.0
        while abs(term) > 1e-17 * max(1, abs(sum)) && n < 400 {
            n += 1
            term *= -x * x / (2 * n)
            sum += term / (2 * n + 1)
        }
        return 0.5 + sum / 2.5066282746310002
    }

    /// Approximately standard normal (sum of twelve uniforms), without needing `log`.
    public mutating func normal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += self.unit() }
        return sum - 6
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        self.count >= width ? self : String(repeating: "0", count: width - self.count) + self
    }
}

/// e^x without Foundation, good to about 1e-12 over the range used here.
private func exp(_ x: Double) -> Double {
    var result = 1.0
    var term = 1.0
    let reduced = x / 16
    for n in 1...20 {
        term *= reduced / Double(n)
        result += term
    }
    for _ in 0..<4 { result *= result }
    return result
}
