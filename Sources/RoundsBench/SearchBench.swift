import DelimitedText
import Foundation
import MatchEngine
import RoundsApp
import RoundsCore
import Vapor

/// `rounds-bench search` and `rounds-bench import`: a catalog of generated opportunities imported into a
/// fresh SQLite database (or the empty PostgreSQL database DATABASE_URL names), then the real server
/// answering searches under load from `wrk` (32 connections on loopback), next to the same server's
/// /healthz in the same run. Loads run in rounds, each endpoint in turn, so the machine's drift over a minute
/// falls on every endpoint alike rather than on whichever ran in a slow moment.
enum SearchBench {
    /// The state of each ZIP code in `zips`, in the same order.
    static let states = ["NY", "MA", "PA", "MD", "GA", "FL", "IL", "MI", "OH", "MN", "MO", "TX", "TX", "AZ", "CO", "UT", "CA", "CA", "WA", "OR", "TN", "NC", "LA", "WI"]
    static let zips = ["10016", "02114", "19104", "21287", "30322", "33136", "60611", "48109", "44106", "55905", "63110", "77030",
                       "75390", "85006", "80045", "84132", "90095", "94143", "98195", "97239", "37232", "27710", "70112", "53792"]

    /// A deterministic catalog CSV of `count` opportunities over 240 sites in 24 cities.
    static func catalogCSV(count: Int, seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        let today = Day(Date())
        var out = CSV.line(CatalogCSV.columns)
        let types = OpportunityType.allCases
        for index in 0..<count {
            let zip = zips[index % zips.count]
            let specialty = Specialties.rotation.all[Int(random.next() % UInt64(Specialties.rotation.all.count))]
            let type = types[Int(random.next() % UInt64(types.count))]
            let start = today.adding(days: 20 + Int(random.next() % 300))
            let values: [String: String] = [
                "host_email": "bench-host@rounds.test", "site_name": "Bench Site \(index % 240)", "site_kind": "hospital",
                "street": "\(index % 240) Main Street", "city": "City", "state": states[index % zips.count],
                "zip": zip, "title": "\(specialty.name) \(type.displayName) \(index)", "type": type.rawValue, "specialty": specialty.id,
                "hands_on": String(random.next() % 2 == 0), "setting": ClinicalSetting.allCases[index % 3].rawValue,
                "audiences": ["img_graduate|img_student", "pre_med|us_student", "img_graduate|us_student"][index % 3],
                "visa_classes": ["b1_b2|none_needed", "j1", "none_needed"][index % 3], "fee": String(random.next() % 3000),
                "currency": "USD", "letter_policy": "on_request", "requirements": "immunizations", "status": "published",
                "sessions": "\(start.iso)/\(start.adding(days: 27).iso)/\(start.adding(days: -14).iso)/2",
                "description": "Rounds, clinics and teaching conferences with the \(specialty.name.lowercased()) service.",
            ]
            out += CSV.line(CatalogCSV.columns.map { values[$0] ?? "" })
        }
        return out
    }

    static func run(
        count: Int, withLoad: Bool, duration: Int, port: Int, changesPerSecond: Int = 0, instances: Int = 1, rounds: Int = 1
    ) async throws {
        let workdir = FileManager.default.temporaryDirectory.appendingPathComponent("rounds-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: workdir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: workdir) }
        // DATABASE_URL names an empty PostgreSQL database to use instead, as the two-instance setup runs.
        let postgres = ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : AppConfig.DatabaseLocation.postgres(url: $0) }
        // The server's log handler at the level the bench runs it: the default one (swift-log's stream handler)
        // renders its metadata again on every change, which each request and each query makes.
        var environment = Environment(name: "development", arguments: ["rounds-bench", "--log", "error"])
        try RedactingLogHandler.bootstrap(from: &environment)
        var config = AppConfig(database: postgres ?? .sqliteFile(path: workdir + "/bench.sqlite"))
        config.storageDirectory = workdir + "/storage"
        config.server.port = port
        config.rateLimits.signInFailuresPerIP.limit = 1_000_000
        let app = try await Application.make(environment)
        do {
            try await configure(app, config: config)
            try await BenchSetup.migrate(app)
            // As `rounds import` runs: booted, so SQLite has the server's settings (write-ahead log, synchronous).
            try await app.asyncBoot()
            try await BenchSetup.host(app)
            let csv = catalogCSV(count: count, seed: 1)
            let clock = ContinuousClock()
            var imported = 0
            let importTime = try await clock.measure { imported = try await BenchSetup.importCSV(csv, app) }
            say("import \(imported) rows (\(csv.utf8.count / 1_048_576) MiB CSV): \(format(importTime))")
            if !withLoad {
                let cold = try await BenchSetup.coldStart(app)
                say("cold start of \(cold.documents): read from the database \(format(cold.read)), build the index \(format(cold.build))")
                let restart = try await BenchSetup.snapshotStart(app, directory: workdir)
                say(
                    "restart from a snapshot (\(restart.bytes / 1_048_576) MiB): write \(format(restart.write)), read \(format(restart.read)), "
                        + "a new instance's first index (read, change log, build) \(format(restart.start))"
                )
            } else {
                // A second instance is a second app on the same database, with its own index, as the
                // two-instance setup runs behind one address; load and changes are watched on both.
                var apps = [app]
                for n in 1..<instances {
                    var other = config
                    other.server.port = port + n
                    let instance = try await Application.make(environment)
                    try await configure(instance, config: other)
                    try await instance.asyncBoot()
                    apps.append(instance)
                }
                let bases = apps.indices.map { "http://127.0.0.1:\(port + $0)" }
                for (n, instance) in apps.enumerated() {
                    try await instance.server.start(address: .hostname("127.0.0.1", port: port + n))
                    let first = try await clock.measure { _ = try await BenchSetup.get(instance, bases[n] + "/api/v1/opportunities?per_page=1") }
                    say((n == 0 ? "first search" : "instance \(n + 1)'s first search") + " (builds the index of \(count) opportunities): \(format(first))")
                }
                let targets = [
                    ("/healthz", "/healthz"),
                    ("search: text", "/api/v1/opportunities?q=cardiology%20observership"),
                    ("search: near ZIP + filters", "/api/v1/opportunities?near=10016&radius_mi=300&type=observership,research&sort=distance"),
                    ("search: facets only", "/api/v1/opportunities?per_page=20"),
                ]
                if instances > 1 { say("\n\(instances) instances, 32 connections split between them; p50 and p99 are the worse instance's.") }
                say("\n\(rounds) rounds of \(duration) s per endpoint, the endpoints taking turns; medians over the rounds:\n")
                say("| endpoint | req/s | p50 | p99 | share of /healthz (rounds' range) |\n| --- | ---: | ---: | ---: | ---: |")
                var runs: [String: [Wrk.Result]] = [:]
                for _ in 0..<rounds {
                    for (name, path) in targets {
                        runs[name, default: []].append(try await Wrk.run(urls: bases.map { $0 + path }, connections: 32, seconds: duration))
                    }
                }
                let healthz = runs["/healthz"]!.map(\.requestsPerSecond)
                for (name, _) in targets {
                    let results = runs[name]!
                    let shares = zip(results, healthz).map { 100 * $0.requestsPerSecond / $1 }
                    say(String(
                        format: "| %@ | %.0f | %.2f ms | %.2f ms | %.0f %% (%.0f–%.0f %%) |", name, median(results.map(\.requestsPerSecond)),
                        median(results.map(\.p50)), median(results.map(\.p99)), median(shares), shares.min()!, shares.max()!))
                }
                if changesPerSecond > 0 {
                    try await ChangeStreamBench.run(
                        apps, perSecond: changesPerSecond, duration: duration, rounds: rounds, bases: bases, targets: Array(targets.dropFirst())
                    )
                }
                for instance in apps.dropFirst() { await instance.server.shutdown() }
                // wrk may leave a request in flight as it stops; ending the process here, rather than shutting
                // the databases down under it, keeps the benchmark from tripping over it.
                await app.server.shutdown()
                exit(0)
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func format(_ duration: Duration) -> String {
        String(format: "%.2f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}

/// Runs wrk (Debian's `wrk` package) against one URL and reads its summary.
enum Wrk {
    struct Result {
        var requestsPerSecond: Double
        var p50: Double
        var p99: Double
    }

    /// wrk against each of `urls` at once, the connections split between them: requests a second summed,
    /// p50 and p99 of the slower.
    static func run(urls: [String], connections: Int, seconds: Int) async throws -> Result {
        let share = max(1, connections / urls.count)
        let results = try await withThrowingTaskGroup(of: Result.self) { group in
            for url in urls { group.addTask { try await Self.run(url: url, connections: share, seconds: seconds) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        return Result(
            requestsPerSecond: results.map(\.requestsPerSecond).reduce(0, +),
            p50: results.map(\.p50).max() ?? .nan, p99: results.map(\.p99).max() ?? .nan
        )
    }

    /// Waits for wrk on a thread of its own: blocking a thread the server's tasks run on would stall it.
    static func run(url: String, connections: Int, seconds: Int) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result { try self.runBlocking(url: url, connections: connections, seconds: seconds) })
            }
        }
    }

    private static func runBlocking(url: String, connections: Int, seconds: Int) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["wrk", "-t2", "-c\(connections)", "-d\(seconds)s", "--latency", url]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommandError("wrk failed; install it with apt-get install wrk") }
        func latency(_ label: String) -> Double {
            guard let line = text.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }),
                let value = line.split(separator: " ", omittingEmptySubsequences: true).last
            else { return .nan }
            let number = Double(value.filter { $0.isNumber || $0 == "." }) ?? .nan
            if value.hasSuffix("us") { return number / 1000 }
            if value.hasSuffix("ms") { return number }
            if value.hasSuffix("s") { return number * 1000 }
            return number
        }
        let rate = text.split(separator: "\n").first { $0.hasPrefix("Requests/sec:") }.flatMap { Double($0.split(separator: " ").last ?? "") } ?? .nan
        if text.contains("Non-2xx") { throw CommandError("wrk saw error answers from \(url):\n\(text)") }
        return Result(requestsPerSecond: rate, p50: latency("50%"), p99: latency("99%"))
    }
}

struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `rounds-bench index`: the in-memory index alone (no HTTP, no database), per query.
enum IndexBench {
    static func run(count: Int) throws {
        let csv = SearchBench.catalogCSV(count: count, seed: 1)
        guard case .success(let rows) = CatalogCSV.read(csv, today: Day(Date()), stateOfZIP: { zip in SearchBench.zips.firstIndex(of: zip).map { SearchBench.states[$0] } }) else { throw CommandError("generated CSV did not read") }
        // The same real ZIP centres as the server benchmark's catalog.
        let coordinates = Dictionary(uniqueKeysWithValues: SearchBench.zips.compactMap { zip in BenchSetup.coordinate(zip: zip).map { (zip, $0) } })
        let documents = rows.map { row in
            CatalogDocument(
                id: UUID(), title: row.opportunity.title, description: row.opportunity.description, type: row.opportunity.type,
                specialtyID: row.opportunity.specialtyID, isHandsOn: row.opportunity.isHandsOn, setting: row.opportunity.setting,
                rules: row.opportunity.rules, feeCents: row.opportunity.feeCents, currency: row.opportunity.currency,
                letterPolicy: row.opportunity.letterPolicy, requirements: row.opportunity.requirements,
                site: .init(name: row.site.name, city: row.site.city, state: row.site.state, zip: row.site.zip,
                            coordinate: coordinates[row.site.zip] ?? Coordinate(latitude: 30 + Double(row.line % 15), longitude: -120 + Double(row.line % 40))),
                sessions: row.sessions.map { .init(id: UUID(), start: $0.start, end: $0.end, seats: $0.seats, applicationDeadline: $0.deadline) }
            )
        }
        let clock = ContinuousClock()
        var index = CatalogIndex([])
        let build = cpuMilliseconds { index = CatalogIndex(documents) }
        say(String(format: "build index of %d: %.2f s of wall time, %.2f s of CPU", count, build.wall / 1_000, build.cpu / 1_000))
        var text = SearchQuery()
        text.text = "cardiology observership"
        var near = SearchQuery()
        near.near = coordinates["10016"]
        near.radiusMiles = 300
        near.types = [.observership, .research]
        near.sort = .distance
        var all = SearchQuery()
        all.sort = .startDate
        let today = Day(Date())
        // The same searches again on the index as a live catalog holds it just before a compaction: 2 % of
        // the documents changed outside the base (every 50th retitled), the rest as built.
        var changed = index
        let edits = stride(from: 0, to: documents.count, by: 50).map { position in
            var edit = documents[position]
            edit.title += " (updated)"
            return edit
        }
        say("apply \(edits.count) changes at once: \(SearchBench.format(clock.measure { changed = index.applying(upserts: edits, removals: []) }))")
        let compaction = cpuMilliseconds { _ = changed.compacted() }
        say(String(format: "compact those into one base: %.2f s of wall time, %.2f s of CPU", compaction.wall / 1_000, compaction.cpu / 1_000))
        // A batch as the live catalog applies it (a quarter second of 50 changes a second) on top of those.
        var batches: [Double] = []
        var firstSearches: [Double] = []
        var live = changed
        for batch in 0..<40 {
            let twelve = (0..<12).map { k in
                var edit = documents[(batch * 12 + k) * 37 % documents.count]
                edit.title += " (batch \(batch))"
                return edit
            }
            var applied = live
            batches.append(milliseconds(clock.measure { applied = live.applying(upserts: twelve, removals: []) }))
            live = applied
            firstSearches.append(milliseconds(clock.measure { _ = applied.search(all, today: today) }))
        }
        // The mean counts the batches that fold the recent segment into the older one.
        say(String(format: "apply 40 batches of 12 changes, one after another, to those: median %.2f ms, mean %.2f ms", median(batches), batches.reduce(0, +) / 40))
        say(String(format: "the first facets-only search on each of those 40 index values (merges the stored orders): median %.2f ms", median(firstSearches)))
        for (label, searched) in [("", index), (", 2 % changed", changed)] {
            for (name, query) in [("text", text), ("near ZIP + filters", near), ("facets only", all)] {
                var times: [Double] = []
                var total = 0
                for _ in 0..<50 {
                    times.append(milliseconds(clock.measure { total = searched.search(query, today: today).total }))
                }
                say(String(format: "%@%@: median %.2f ms, p99 %.2f ms (%d matches)", name, label, median(times), times.sorted()[49], total))
            }
        }
    }
}

/// The process's CPU time so far, user and system, every thread, in milliseconds.
func processCPUMilliseconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000 + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000
}

/// CPU milliseconds, user and system, of every process named `postgres` on this machine so far (the server's
/// backends, writers and checkpointer; a connection's backend that exited is no longer counted), or nil when
/// there is none or /proc cannot say.
func postgresCPUMilliseconds() -> Double? {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
    let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
    var ticks = 0.0
    var found = false
    for pid in entries where pid.allSatisfy(\.isNumber) {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")"),
            stat[stat.index(after: open)..<close] == "postgres"
        else { continue }
        // After the name: state is field 3; utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { continue }
        ticks += user + system
        found = true
    }
    return found && ticksPerSecond > 0 ? ticks / ticksPerSecond * 1_000 : nil
}

/// Wall and process CPU milliseconds of `work`.
func cpuMilliseconds(_ work: () -> Void) -> (wall: Double, cpu: Double) {
    let (startCPU, start) = (processCPUMilliseconds(), ContinuousClock.now)
    work()
    return (milliseconds(ContinuousClock.now - start), processCPUMilliseconds() - startCPU)
}

/// Prints at once (stdout is block-buffered when redirected, and a benchmark should show progress).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
