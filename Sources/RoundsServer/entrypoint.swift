import Foundation
import Logging
import RoundsApp
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        // Commands that need no database run before the web app is built.
        let arguments = CommandLine.arguments
        if arguments.count > 1, arguments[1] == "match" {
            let status = MatchCommand.run(
                Array(arguments.dropFirst(2)),
                standardOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
                standardError: { FileHandle.standardError.write(Data($0.utf8)) }
            )
            exit(status)
        }

        var environment = try Environment.detect()
        try RedactingLogHandler.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            let config = try AppConfig.load(for: environment)
            try await configure(app, config: config)
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
