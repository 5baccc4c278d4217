import ArgumentParser
import Foundation
import MatchEngine

// rounds-bench: benchmarks, built with -c release. Each subcommand prints the figures and the
// command line that produced them, for docs/PERFORMANCE.md. The command line is BenchCommand (@main).

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

func benchMatch(_ settings: InstanceGenerator, repeats: Int) throws {
    let clock = ContinuousClock()
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
    print("matched \(result.stats.matched), unmatched \(result.unmatched.count), stable \(result.isStable.map(String.init) ?? "unchecked"), steps \(result.stats.steps), path \(result.stats.path.rawValue)")
    if result.stats.supplementalApplicants > 0 {
        print("supplemental lists: \(result.stats.supplementalApplicants) applicants, \(result.supplementalAssignments.count) got a PGY-1 position")
    }
    print(String(format: "read JSON      median %8.1f ms", median(read)))
    print(String(format: "build + match  median %8.1f ms", median(solve)))
    print(String(format: "... + check    median %8.1f ms", median(check)))
    print(String(format: "peak memory    %8.1f MiB", peakMemoryMiB()))
}

func generate(_ settings: InstanceGenerator, output: String) throws {
    let instance = settings.make()
    try InstanceFormat.json(instance).write(toFile: output, atomically: true, encoding: .utf8)
    print("wrote \(output): \(instance.participantCount) applicants, \(instance.programs.count) programs")
}

func solveFile(input: String, repeats: Int) throws {
    guard let data = FileManager.default.contents(atPath: input) else { throw ValidationError("cannot read \(input)") }
    let clock = ContinuousClock()
    var times: [Double] = []
    var result: MatchResult?
    for _ in 0..<repeats {
        let bytes = [UInt8](data)
        times.append(milliseconds(try clock.measure {
            let instance = try InstanceFormat.instance(fromJSON: bytes)
            result = try Match.run(instance, checkStability: false)
        }))
    }
    print(String(format: "solve_ms %.2f matched %d", median(times), result?.stats.matched ?? 0))
}

