import Foundation
import MatchEngine

/// `rounds match`: runs the match engine on a JSON instance (or a CSV pair) and prints the result as JSON.
/// It needs no database, so the entrypoint runs it before the web app is built.
public enum MatchCommand {
    public static let usage = """
        Usage: rounds match --input FILE [--output FILE] [--program-proposing] [--check]
               rounds match --programs programs.csv --rank-lists rank_lists.csv [options]

        Runs the NRMP matching algorithm (Roth–Peranson, with couples) and writes
        {"assignments":…,"unmatched":…,"unfilled":…,"stable":…,"blocking_pairs":…,"stats":…}.

          --input FILE          instance as JSON (see docs/MATCH.md)
          --programs, --rank-lists
                                the instance as two CSV files instead
          --output FILE         write the result there instead of standard output
          --program-proposing   let programs propose (single applicants only)
          --check               exit with status 1 when the result has blocking pairs

        Exit status: 0 matched; 1 unstable (with --check) or no result (cycling couples); 2 bad input.
        """

    /// Runs the command; returns the process exit status. Output goes through the given writers.
    public static func run(
        _ arguments: [String],
        standardOutput: (String) -> Void,
        standardError: (String) -> Void
    ) -> Int32 {
        var options: [String: String] = [:]
        var flags = Set<String>()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--help", "-h":
                standardOutput(usage + "\n")
                return 0
            case "--program-proposing", "--check":
                flags.insert(argument)
            case "--input", "--output", "--programs", "--rank-lists":
                guard index + 1 < arguments.count else {
                    standardError("error: \(argument) needs a file name\n")
                    return 2
                }
                options[argument] = arguments[index + 1]
                index += 1
            default:
                standardError("error: unknown argument \(argument)\n\n\(usage)\n")
                return 2
            }
            index += 1
        }

        let instance: MatchInstance
        do {
            instance = try self.readInstance(options)
        } catch let error as UsageError {
            standardError("error: \(error.message)\n\n\(usage)\n")
            return 2
        } catch {
            standardError("error: \(error)\n")
            return 2
        }

        let algorithm: Match.Algorithm = flags.contains("--program-proposing") ? .programProposing : .applicantProposing
        let result: MatchResult
        do {
            result = try Match.run(instance, algorithm: algorithm)
        } catch let error as InstanceError {
            standardError("error: \(error)\n")
            return 2
        } catch MatchError.couplesNotSupported {
            standardError("error: \(MatchError.couplesNotSupported)\n")
            return 2
        } catch {
            standardError("error: \(error)\n")
            return 1
        }

        let json = InstanceFormat.json(result) + "\n"
        if let output = options["--output"] {
            do {
                try json.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                standardError("error: cannot write \(output): \(error.localizedDescription)\n")
                return 2
            }
        } else {
            standardOutput(json)
        }
        if flags.contains("--check"), result.isStable == false {
            standardError("the matching has \(result.blockingPairs?.count ?? 0) blocking pair(s)\n")
            return 1
        }
        return 0
    }

    private struct UsageError: Error {
        var message: String
    }

    private static func readInstance(_ options: [String: String]) throws -> MatchInstance {
        func read(_ path: String) throws -> Data {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UsageError(message: "cannot read \(path)")
            }
            return data
        }
        if let input = options["--input"] {
            if options["--programs"] != nil || options["--rank-lists"] != nil {
                throw UsageError(message: "give either --input or --programs with --rank-lists, not both")
            }
            return try InstanceFormat.instance(fromJSON: [UInt8](try read(input)))
        }
        guard let programs = options["--programs"], let rankLists = options["--rank-lists"] else {
            throw UsageError(message: "give --input FILE, or --programs and --rank-lists")
        }
        return try CSVFormat.instance(
            programs: String(decoding: try read(programs), as: UTF8.self),
            rankLists: String(decoding: try read(rankLists), as: UTF8.self)
        )
    }
}
