import ArgumentParser

/// Runs swift-argument-parser on a command's arguments with the output going through the given writers,
/// so every command answers `--help`, unknown options and missing values the same way.
public enum CommandLineParsing {
    /// Exit status for arguments that cannot be used (documented by each command).
    public static let badUsage: Int32 = 2

    /// The parsed options, or the exit status after help (0) or a usage error (2) was written.
    public static func parse<Options: ParsableArguments>(
        _ type: Options.Type,
        _ arguments: [String],
        standardOutput: (String) -> Void,
        standardError: (String) -> Void
    ) -> Result<Options, ExitStatus> {
        do {
            return .success(try Options.parse(arguments))
        } catch {
            let message = Options.fullMessage(for: error)
            if Options.exitCode(for: error) == .success {
                standardOutput(message + "\n")
                return .failure(ExitStatus(code: 0))
            }
            standardError(message + "\n")
            return .failure(ExitStatus(code: Self.badUsage))
        }
    }

    public struct ExitStatus: Error {
        public var code: Int32
    }
}
