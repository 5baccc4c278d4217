import CommandLineTools
import Foundation
import Logging
import RoundsApp
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        // Commands that need no database run before the web app is built.
        let arguments = CommandLine.arguments
        let write: @Sendable (FileHandle) -> (String) -> Void = { handle in { handle.write(Data($0.utf8)) } }
        if arguments.count > 1, arguments[1] == "match" {
            exit(MatchCommand.run(Array(arguments.dropFirst(2)), standardOutput: write(.standardOutput), standardError: write(.standardError)))
        }
        if arguments.count > 1, arguments[1] == "check-identifiers" {
            let input = FileHandle.standardInput.readDataToEndOfFile()
            exit(
                CheckIdentifiersCommand.run(
                    Array(arguments.dropFirst(2)), input: input, standardOutput: write(.standardOutput), standardError: write(.standardError)
                )
            )
        }
        if arguments.count > 1, arguments[1] == "restore" {
            exit(RestoreCommand.run(Array(arguments.dropFirst(2)), standardOutput: write(.standardOutput), standardError: write(.standardError)))
        }

        var environment = try Environment.detect()
        try RedactingLogHandler.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            let config = try AppConfig.load(for: environment)
            try await configure(app, config: config)
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            exit(1)
        }
        do {
            try await app.execute()
        } catch {
            // The command has printed what went wrong; exit with a status, not a crash report.
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}
