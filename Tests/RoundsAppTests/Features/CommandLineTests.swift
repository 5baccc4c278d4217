import CommandLineTools
import Foundation
import Testing

@testable import RoundsApp

/// The commands that run without the web app parse their arguments with swift-argument-parser: the same
/// help on standard output with status 0, and the same errors on standard error with status 2.
@Suite struct CommandLineTests {
    typealias Command = @Sendable (_ arguments: [String], _ output: (String) -> Void, _ errors: (String) -> Void) -> Int32

    static let commands: [(name: String, run: Command)] = [
        ("rounds match", { MatchCommand.run($0, standardOutput: $1, standardError: $2) }),
        ("rounds check-identifiers", { CheckIdentifiersCommand.run($0, input: Data(), standardOutput: $1, standardError: $2) }),
        ("rounds restore", { RestoreCommand.run($0, environment: [:], standardOutput: $1, standardError: $2) }),
    ]

    static func run(_ command: Command, _ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        var output = ""
        var errors = ""
        let status = command(arguments, { output += $0 }, { errors += $0 })
        return (status, output, errors)
    }

    @Test(arguments: 0..<3)
    func helpGoesToStandardOutputWithStatusZero(index: Int) {
        let (name, command) = Self.commands[index]
        for flag in ["--help", "-h"] {
            let result = Self.run(command, [flag])
            #expect(result.status == 0)
            #expect(result.output.contains("USAGE: \(name)"))
            #expect(result.output.contains("Exit status:"))
            #expect(result.errors.isEmpty)
        }
    }

    @Test(arguments: 0..<3)
    func anUnknownOptionIsStatusTwoAndNamed(index: Int) {
        let (name, command) = Self.commands[index]
        // restore reports its one required option first, so it gets one.
        let required = name == "rounds restore" ? ["--input", "backup.tar.gz"] : []
        let result = Self.run(command, required + ["--frobnicate"])
        #expect(result.status == 2)
        #expect(result.errors.contains("Unknown option '--frobnicate'"))
        #expect(result.errors.contains("See '\(name) --help'"))
        #expect(result.output.isEmpty)
    }

    @Test func restoreNeedsItsInput() {
        let result = Self.run(Self.commands[2].run, [])
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("Error: Missing expected argument '--input <backup.tar.gz>'"))
    }
}
