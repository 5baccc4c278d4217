import ArgumentParser
import CommandLineTools
import Foundation
import Vapor

/// `rounds restore --input FILE`: restores a backup into the configured (empty) database and storage
/// directory. It runs before the web app is built, so no connection holds the database open.
public enum RestoreCommand {
    struct Options: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rounds restore",
            abstract: "Restores a backup made by `rounds backup`.",
            discussion: """
                Restores into the database and storage directory configured by the environment (DATABASE_URL or
                ROUNDS_SQLITE_PATH, ROUNDS_STORAGE_DIR). The SQLite file must not exist yet (a PostgreSQL database
                must be empty) and the storage directory must be empty. Every file is checked against the
                backup's SHA-256 manifest first.

                Exit status: 0 restored; 1 the restore failed; 2 bad arguments.
                """
        )

        @ArgumentParser.Option(help: ArgumentHelp("The backup archive.", valueName: "backup.tar.gz"))
        var input: String
    }

    public static func run(
        _ arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        standardOutput: (String) -> Void,
        standardError: (String) -> Void
    ) -> Int32 {
        let options: Options
        switch CommandLineParsing.parse(Options.self, arguments, standardOutput: standardOutput, standardError: standardError) {
        case .success(let parsed): options = parsed
        case .failure(let status): return status.code
        }
        do {
            let config = try AppConfig.load(for: .development, from: environment)
            let restored = try Backup.restore(input: options.input, config: config)
            standardOutput("Restored \(restored.files) files (database and uploads), all matching the manifest.\n")
            return 0
        } catch {
            standardError("error: \(error)\n")
            return 1
        }
    }
}
