import ArgumentParser
import MatchEngine

#if canImport(FoundationEssentials)
import FoundationEssentials  // what ArgumentParser loads anyway; not the whole Foundation with ICU
#else
import Foundation
#endif

/// `rounds match` and `rounds-match`: runs the match engine on a JSON instance (or a CSV pair) and prints
/// the result as JSON. It needs no database: `rounds` runs it before the web app is built, and
/// `rounds-match` is the same command in a small binary that loads nothing of the web stack.
public enum MatchCommand {
    struct Options: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rounds match",
            abstract: "Runs the NRMP matching algorithm (Roth–Peranson, with couples).",
            usage: """
                rounds match --input FILE [--output FILE] [--program-proposing] [--check]
                rounds match --programs programs.csv --rank-lists rank_lists.csv [options]
                """,
            discussion: """
                Writes the result as JSON: assignments, unmatched, unfilled, stable, blocking_pairs and stats.

                Exit status: 0 matched; 1 unstable (with --check) or no result (cycling couples); 2 bad input.
                """
        )

        @Option(help: ArgumentHelp("The instance as JSON (see docs/MATCH.md).", valueName: "file"))
        var input: String?
        @Option(help: ArgumentHelp("Programs as CSV, with --rank-lists instead of --input.", valueName: "file"))
        var programs: String?
        @Option(help: ArgumentHelp("Applicants' rank lists as CSV, with --programs.", valueName: "file"))
        var rankLists: String?
        @Option(help: ArgumentHelp("Write the result there instead of standard output.", valueName: "file"))
        var output: String?
        @Flag(help: "Let programs propose (single applicants only).")
        var programProposing = false
        @Flag(help: "Exit with status 1 when the result has blocking pairs.")
        var check = false
    }

    /// Runs the command; returns the process exit status. Output goes through the given writers.
    public static func run(
        _ arguments: [String],
        standardOutput: (String) -> Void,
        standardError: (String) -> Void
    ) -> Int32 {
        let options: Options
        switch CommandLineParsing.parse(Options.self, arguments, standardOutput: standardOutput, standardError: standardError) {
        case .success(let parsed): options = parsed
        case .failure(let status): return status.code
        }

        let instance: MatchInstance
        do {
            instance = try self.readInstance(options)
        } catch {
            standardError("error: \(error)\n")
            return 2
        }

        let algorithm: Match.Algorithm = options.programProposing ? .programProposing : .applicantProposing
        let result: MatchResult
        do {
            result = try Match.run(instance, algorithm: algorithm)
        } catch let error as InstanceError {
            standardError("error: \(error)\n")
            return 2
        } catch let error as MatchError where error == .couplesNotSupported || error == .supplementalListsNotSupported {
            standardError("error: \(error)\n")
            return 2
        } catch {
            standardError("error: \(error)\n")
            return 1
        }

        let json = InstanceFormat.json(result) + "\n"
        if let output = options.output {
            do {
                try json.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                standardError("error: cannot write \(output)\n")
                return 2
            }
        } else {
            standardOutput(json)
        }
        if options.check, result.isStable == false {
            standardError("the matching has \(result.blockingPairs?.count ?? 0) blocking pair(s)\n")
            return 1
        }
        return 0
    }

    private struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    private static func readInstance(_ options: Options) throws -> MatchInstance {
        func read(_ path: String) throws -> Data {
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { throw UsageError(description: "cannot read \(path)") }
            return data
        }
        // Checked here rather than in `validate()`, which would hide an unknown option behind this message.
        if let input = options.input {
            if options.programs != nil || options.rankLists != nil {
                throw UsageError(description: "give either --input or --programs with --rank-lists, not both")
            }
            return try InstanceFormat.instance(fromJSON: [UInt8](try read(input)))
        }
        guard let programs = options.programs, let rankLists = options.rankLists else {
            throw UsageError(description: "give --input FILE, or --programs and --rank-lists")
        }
        return try CSVFormat.instance(
            programs: String(decoding: try read(programs), as: UTF8.self),
            rankLists: String(decoding: try read(rankLists), as: UTF8.self)
        )
    }
}
