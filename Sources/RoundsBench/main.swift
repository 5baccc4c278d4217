import Foundation
import MatchEngine

// rounds-bench: benchmarks, built with -c release. Each subcommand prints the figures and the
// command line that produced them, for docs/PERFORMANCE.md.

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    Usage:
      rounds-bench match [--applicants N] [--programs M] [--positions K] [--couples C] [--seed S] [--repeat R]
          Generates an NRMP-like instance (defaults: NRMP 2025 scale) and times building the tables,
          the applicant-proposing match and the stability check; also the JSON reader on the same instance.
      rounds-bench generate [same options] --output FILE
          Writes the generated instance as JSON (for `rounds match` and scripts/compare-peers).
      rounds-bench solve --input FILE [--repeat R]
          Times reading and matching an instance file, as `rounds match` would.
      rounds-bench search [--opportunities N] [--seconds S] [--port P]
          Imports N generated opportunities (default 100,000) into a fresh SQLite database, starts the server
          and measures /healthz and three searches with wrk (32 connections on loopback, S seconds each).
      rounds-bench import [--opportunities N]
          Only the import of N generated opportunities.
      rounds-bench accept-race --servers URL[,URL…] [--applicants N] [--seats S]
          With DATABASE_URL set to the servers' PostgreSQL database: N applicants (default 200) with open offers
          for one session of S seats (default 5) accept at once, spread over the servers. Exit 1 unless
          exactly S are accepted and the rest get 409.
    """

func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]) else {
        return value
    }
    return number
}

func stringOption(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// Peak resident memory of this process, in MiB (Linux reports ru_maxrss in KiB).
func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func generator() -> InstanceGenerator {
    let nrmp = InstanceGenerator.nrmp2025(seed: UInt64(option("--seed", default: 1)))
    return InstanceGenerator(
        applicants: option("--applicants", default: nrmp.applicants),
        programs: option("--programs", default: nrmp.programs),
        positions: option("--positions", default: nrmp.positions),
        couples: option("--couples", default: nrmp.couples),
        seed: UInt64(option("--seed", default: 1))
    )
}

func benchMatch() throws {
    let clock = ContinuousClock()
    let settings = generator()
    let repeats = max(1, option("--repeat", default: 5))
    let instance = settings.make()
    let json = Array(InstanceFormat.json(instance).utf8)
    print("instance: \(instance.participantCount) applicants (\(instance.couples.count) couples), \(instance.programs.count) programs, \(instance.positionCount) positions, seed \(settings.seed)")
    print("instance JSON: \(String(format: "%.1f", Double(json.count) / 1_048_576)) MiB")

    var read: [Double] = []
    var total: [Double] = []
    var solve: [Double] = []
    var check: [Double] = []
    var last: MatchResult?
    for _ in 0..<repeats {
        var parsed: MatchInstance?
        read.append(milliseconds(try clock.measure { parsed = try InstanceFormat.instance(fromJSON: json) }))
        _ = parsed
        var unchecked: MatchResult?
        total.append(milliseconds(try clock.measure { unchecked = try Match.run(instance, algorithm: .applicantProposing, checkStability: false) }))
        _ = unchecked
        var checked: MatchResult?
        check.append(milliseconds(try clock.measure { checked = try Match.run(instance) }))
        last = checked
        solve.append(total.last!)
    }
    guard let result = last else { return }
    print("matched \(result.stats.matched), unmatched \(result.unmatched.count), stable \(result.isStable.map(String.init) ?? "unchecked"), steps \(result.stats.steps)")
    print(String(format: "read JSON      median %8.1f ms", median(read)))
    print(String(format: "build + match  median %8.1f ms", median(solve)))
    print(String(format: "... + check    median %8.1f ms", median(check)))
    print(String(format: "peak memory    %8.1f MiB", peakMemoryMiB()))
}

func generate() throws {
    guard let output = stringOption("--output") else {
        print(usage)
        exit(2)
    }
    let instance = generator().make()
    try InstanceFormat.json(instance).write(toFile: output, atomically: true, encoding: .utf8)
    print("wrote \(output): \(instance.participantCount) applicants, \(instance.programs.count) programs")
}

func solveFile() throws {
    guard let input = stringOption("--input"), let data = FileManager.default.contents(atPath: input) else {
        print(usage)
        exit(2)
    }
    let clock = ContinuousClock()
    var times: [Double] = []
    var result: MatchResult?
    for _ in 0..<max(1, option("--repeat", default: 5)) {
        let bytes = [UInt8](data)
        times.append(milliseconds(try clock.measure {
            let instance = try InstanceFormat.instance(fromJSON: bytes)
            result = try Match.run(instance, checkStability: false)
        }))
    }
    print(String(format: "solve_ms %.2f matched %d", median(times), result?.stats.matched ?? 0))
}

do {
    switch arguments.first {
    case "match": try benchMatch()
    case "generate": try generate()
    case "solve": try solveFile()
    case "search":
        try await SearchBench.run(
            count: option("--opportunities", default: 100_000), withLoad: true, duration: option("--seconds", default: 10),
            port: option("--port", default: 8077)
        )
    case "accept-race":
        let servers = (stringOption("--servers") ?? "").split(separator: ",").map(String.init)
        guard !servers.isEmpty else {
            print(usage)
            exit(2)
        }
        let passed = try await AcceptRace.run(servers: servers, applicants: option("--applicants", default: 200), seats: option("--seats", default: 5))
        exit(passed ? 0 : 1)
    case "index": try IndexBench.run(count: option("--opportunities", default: 100_000))
    case "import":
        try await SearchBench.run(count: option("--opportunities", default: 100_000), withLoad: false, duration: 0, port: 0)
    default:
        print(usage)
        exit(arguments.first == nil || arguments.first == "--help" ? 0 : 2)
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
