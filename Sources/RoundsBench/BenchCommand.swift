import ArgumentParser
import Foundation
import MatchEngine

/// The command line of rounds-bench. A number that is not a number is refused, not read as the default.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rounds-bench",
        abstract: "Benchmarks of Rounds; build with -c release. Figures go to docs/PERFORMANCE.md.",
        subcommands: [MatchBench.self, Generate.self, Solve.self, Search.self, Import.self, Index.self, AcceptRaceBench.self, IdentifierBench.self, SimulateBench.self]
    )

    /// An NRMP-like instance; each size defaults to the NRMP 2025 scale.
    struct InstanceOptions: ParsableArguments {
        @Option(help: "Applicants.") var applicants: Int?
        @Option(help: "Programs.") var programs: Int?
        @Option(help: "Positions over all programs.") var positions: Int?
        @Option(help: "Couples among the applicants.") var couples: Int?
        @Option(help: "Single applicants with advanced programs and a supplemental PGY-1 list.") var supplemental: Int?
        @Option(help: "Seed of the generator.") var seed: UInt64 = 1

        var generator: InstanceGenerator {
            let nrmp = InstanceGenerator.nrmp2025(seed: self.seed)
            var generator = InstanceGenerator(
                applicants: self.applicants ?? nrmp.applicants, programs: self.programs ?? nrmp.programs,
                positions: self.positions ?? nrmp.positions, couples: self.couples ?? nrmp.couples, seed: self.seed
            )
            generator.supplementalApplicants = self.supplemental ?? nrmp.supplementalApplicants
            return generator
        }
    }

    /// How many times a timing runs; the median is printed.
    struct RepeatOption: ParsableArguments {
        @Option(name: .customLong("repeat"), help: "Runs; the median is printed.") var count = 5

        func validate() throws { guard self.count > 0 else { throw ValidationError("--repeat must be at least 1") } }
    }

    struct MatchBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "match",
            abstract: "Times building the tables, the applicant-proposing match and the stability check; also the JSON reader."
        )
        @OptionGroup var instance: InstanceOptions
        @OptionGroup var repeats: RepeatOption

        func run() throws { try benchMatch(self.instance.generator, repeats: self.repeats.count) }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Writes the generated instance as JSON (for `rounds match` and scripts/compare-peers).")
        @OptionGroup var instance: InstanceOptions
        @Option(help: "Where to write the instance.") var output: String

        func run() throws { try generate(self.instance.generator, output: self.output) }
    }

    struct Solve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Times reading and matching an instance file, as `rounds match` would.")
        @Option(help: "The instance as JSON.") var input: String
        @OptionGroup var repeats: RepeatOption

        func run() throws { try solveFile(input: self.input, repeats: self.repeats.count) }
    }

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Imports generated opportunities into a fresh SQLite database (or DATABASE_URL's empty PostgreSQL one), starts the server and measures /healthz and three searches with wrk."
        )
        @Option(help: "Opportunities to import.") var opportunities = 100_000
        @Option(help: "Seconds of each run of load on one URL (32 connections on loopback).") var seconds = 4
        @Option(help: "Rounds: each URL is loaded once per round, in turn (with changes, a still run then one with changes).") var rounds = 3
        @Option(help: "Port of the server.") var port = 8077
        @Option(help: "Then the same load again while this many catalog changes a second are committed (0: none).") var changesPerSecond = 0
        @Option(help: "Instances on the one database (1 or 2), on this port and the next; changes are committed through the first.") var instances = 1

        func validate() throws {
            guard (1...2).contains(self.instances) else { throw ValidationError("--instances is 1 or 2") }
            guard self.rounds >= 1, self.seconds >= 1 else { throw ValidationError("--rounds and --seconds are at least 1") }
        }

        func run() async throws {
            try await SearchBench.run(
                count: self.opportunities, withLoad: true, duration: self.seconds, port: self.port, changesPerSecond: self.changesPerSecond,
                instances: self.instances, rounds: self.rounds
            )
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The import of generated opportunities, then a cold start of the search index from that database (read, build).")
        @Option(help: "Opportunities to import.") var opportunities = 100_000

        func run() async throws { try await SearchBench.run(count: self.opportunities, withLoad: false, duration: 0, port: 0) }
    }

    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Times building the search index of generated opportunities.")
        @Option(help: "Opportunities to index.") var opportunities = 100_000

        func run() throws { try IndexBench.run(count: self.opportunities) }
    }

    struct AcceptRaceBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept-race",
            abstract: "With DATABASE_URL set to the servers' PostgreSQL database: applicants with open offers for one session accept at once.",
            discussion: "Exit status 1 unless exactly as many as the seats are accepted and the rest get 409."
        )
        @Option(help: "The servers, comma-separated URLs.") var servers: String
        @Option(help: "Applicants with an open offer.") var applicants = 200
        @Option(help: "Seats of the session.") var seats = 5

        func run() async throws {
            let urls = self.servers.split(separator: ",").map(String.init)
            guard !urls.isEmpty else { throw ValidationError("give --servers URL[,URL…]") }
            let passed = try await AcceptRace.run(servers: urls, applicants: self.applicants, seats: self.seats)
            if !passed { throw ExitCode(1) }
        }
    }
}
