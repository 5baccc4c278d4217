import Foundation
import RoundsApp
import Vapor

/// `rounds-bench search --changes-per-second N`: the search load again while a stream of catalog changes
/// is committed, reporting how long each change takes to show in each instance's search (p50, p99), how
/// much search throughput drops, and, with no load, the CPU each change costs.
enum ChangeStreamBench {
    static func run(_ apps: [Application], perSecond: Int, duration: Int, rounds: Int, bases: [String], targets: [(String, String)]) async throws {
        let app = apps[0]
        let changes = try await BenchChanges.prepare(app)
        var next = 0

        // Under load: visibility (on every instance) and throughput. Each round runs an endpoint still, then
        // with changes, so the two runs compared are a few seconds apart on this noisy machine.
        let watches = apps.map { Watch(instance: $0) }
        let watchers = watches.map { watch in Task { await watch.run(changes) } }
        say("\n\(perSecond) changes a second (of 10: 4 edits, 2 accepted seats, 2 new listings, 2 withdrawals) during the same load, each round a run")
        say("with no changes then one with changes; req/s summed over the rounds, p99 the median round's:\n")
        say("| endpoint | still: req/s, p99 | with changes: req/s, p99 | change | rounds' changes |\n| --- | ---: | ---: | ---: | ---: |")
        for (name, path) in targets {
            var still: [Wrk.Result] = []
            var changing: [Wrk.Result] = []
            for _ in 0..<rounds {
                still.append(try await Wrk.run(urls: bases.map { $0 + path }, connections: 32, seconds: duration))
                let first = next
                let stream = Task { try await Self.stream(changes, perSecond: perSecond, from: first, watches: watches) }
                changing.append(try await Wrk.run(urls: bases.map { $0 + path }, connections: 32, seconds: duration))
                stream.cancel()
                next = try await stream.value
            }
            let drops = zip(still, changing).map { 100 * ($1.requestsPerSecond / $0.requestsPerSecond - 1) }
            let stillRate = still.map(\.requestsPerSecond).reduce(0, +)
            let changingRate = changing.map(\.requestsPerSecond).reduce(0, +)
            say(String(
                format: "| %@ | %.0f, %.2f ms | %.0f, %.2f ms | %+.1f %% | %+.1f to %+.1f %% |", name, stillRate / Double(rounds),
                median(still.map(\.p99)), changingRate / Double(rounds), median(changing.map(\.p99)), 100 * (changingRate / stillRate - 1),
                drops.min()!, drops.max()!))
        }
        // The last changes committed get a moment to show before the watch stops.
        try await Task.sleep(for: .seconds(2))
        for watcher in watchers { watcher.cancel() }
        for (n, watch) in watches.enumerated() {
            let seen = await watch.finish()
            let sorted = seen.latencies.sorted()
            func percentile(_ p: Double) -> Double { sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
            let which = apps.count > 1 ? "instance \(n + 1)" + (n == 0 ? " (committing)" : "") + ": " : ""
            let seconds = duration * targets.count * rounds
            say(String(
                format: "\n%@%d changes committed in %d s (%.1f a second); visible in search after: p50 %.0f ms, p99 %.0f ms, max %.0f ms; not yet visible at the end: %d",
                which, seen.committed, seconds, Double(seen.committed) / Double(seconds), percentile(0.5),
                percentile(0.99), sorted.last ?? .nan, seen.pending))
        }

        // No load: CPU per change, written only (nobody searches, so no index follows), then written and applied.
        // A PostgreSQL server on this machine does part of the work in its own processes: counted beside the app's.
        let seconds = 10
        let written = try await Self.cpu { next = try await Self.timed(changes, perSecond: perSecond, from: next, seconds: seconds, poll: false) }
        let applied = try await Self.cpu { next = try await Self.timed(changes, perSecond: perSecond, from: next, seconds: seconds, poll: true) }
        let count = Double(perSecond * seconds)
        say(String(
            format: "CPU per change, no search load: committing it %.2f ms; committing and applying it to the index %.2f ms (so the index's share is %.2f ms)",
            written.app / count, applied.app / count, (applied.app - written.app) / count))
        if let server = written.server, let serverApplied = applied.server {
            say(String(
                format: "and in the database server's processes on this machine (every process named postgres): %.2f ms committing, %.2f ms committing and applying; so in all %.2f ms and %.2f ms",
                server / count, serverApplied / count, (written.app + server) / count, (applied.app + serverApplied) / count))
        }
    }

    /// Commits changes at `perSecond` until cancelled, each in its own task when due (as requests from
    /// many hosts and applicants would), at most 16 at once; returns the next change number.
    private static func stream(_ changes: BenchChanges, perSecond: Int, from first: Int, watches: [Watch]) async throws -> Int {
        let start = ContinuousClock.now
        var n = first
        try await withThrowingTaskGroup(of: Void.self) { group in
            var inFlight = 0
            while !Task.isCancelled {
                let due = start + .milliseconds((n - first) * 1_000 / perSecond)
                if due > .now { try? await Task.sleep(until: due) }
                if Task.isCancelled { break }
                if inFlight == 16 {
                    try await group.next()
                    inFlight -= 1
                }
                let number = n
                group.addTask {
                    let applied = try await changes.apply(number)
                    for watch in watches { await watch.add(applied) }
                }
                inFlight += 1
                n += 1
            }
            try await group.waitForAll()
        }
        return n
    }

    /// `seconds` of changes at `perSecond`; with `poll`, a search-like look at the index every 250 ms (so it follows).
    private static func timed(_ changes: BenchChanges, perSecond: Int, from first: Int, seconds: Int, poll: Bool) async throws -> Int {
        let start = ContinuousClock.now
        for k in 0..<(perSecond * seconds) {
            let due = start + .milliseconds(k * 1_000 / perSecond)
            if due > .now { try await Task.sleep(until: due) }
            let applied = try await changes.apply(first + k)
            if poll && k % max(1, perSecond / 4) == 0 { _ = try await changes.isVisible(applied) }
        }
        if poll { _ = try await changes.isVisible(try await changes.apply(first + perSecond * seconds)) }
        return first + perSecond * seconds + (poll ? 1 : 0)
    }

    /// CPU milliseconds (user + system) spent while `work` runs: this process's, and a local PostgreSQL server's
    /// (nil when none runs here, as with SQLite, which works inside this process).
    private static func cpu(_ work: () async throws -> Void) async throws -> (app: Double, server: Double?) {
        let (before, serverBefore) = (processCPUMilliseconds(), postgresCPUMilliseconds())
        try await work()
        let server = postgresCPUMilliseconds()
        return (processCPUMilliseconds() - before, serverBefore.flatMap { start in server.map { $0 - start } })
    }

    /// Committed changes waiting to show in one instance's search, looked for every 20 ms: fine enough for a
    /// goal of 1 s (a latency reads up to 20 ms late, never early), with a quarter of the wake-ups of every 5 ms
    /// taken from the load being measured.
    actor Watch {
        private let instance: Application
        private var pending: [BenchChanges.Applied] = []
        private var latencies: [Double] = []
        private var committed = 0

        init(instance: Application) { self.instance = instance }

        func add(_ change: BenchChanges.Applied) {
            self.pending.append(change)
            self.committed += 1
        }

        func run(_ changes: BenchChanges) async {
            while !Task.isCancelled {
                let batch = self.pending
                self.pending = []
                var still: [BenchChanges.Applied] = []
                let shown = batch.isEmpty ? [] : (try? await changes.visible(batch, in: self.instance)) ?? batch.map { _ in false }
                let now = ContinuousClock.now
                for (change, isShown) in zip(batch, shown) {
                    if isShown {
                        let waited = now - change.committedAt
                        self.latencies.append(Double(waited.components.seconds) * 1_000 + Double(waited.components.attoseconds) / 1e15)
                    } else {
                        still.append(change)
                    }
                }
                // Changes added while this pass awaited wait for the next.
                self.pending = still + self.pending
                try? await Task.sleep(for: .milliseconds(20))
            }
        }

        func finish() -> (latencies: [Double], committed: Int, pending: Int) { (self.latencies, self.committed, self.pending.count) }
    }
}
