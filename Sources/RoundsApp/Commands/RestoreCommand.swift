import Foundation
import Vapor

/// `rounds restore --input FILE`: restores a backup into the configured (empty) database and storage
/// directory. It runs before the web app is built, so no connection holds the database open.
public enum RestoreCommand {
    public static let usage = """
        Usage: rounds restore --input BACKUP.tar.gz

        Restores a backup made by `rounds backup` into the database and storage directory configured by
        the environment (DATABASE_URL or ROUNDS_SQLITE_PATH, ROUNDS_STORAGE_DIR). The SQLite file must not
        exist yet (a PostgreSQL database must be empty) and the storage directory must be empty. Every
        file is checked against the backup's SHA-256 manifest first.
        """

    public static func run(
        _ arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        standardOutput: (String) -> Void,
        standardError: (String) -> Void
    ) -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            standardOutput(usage + "\n")
            return 0
        }
        guard let flag = arguments.firstIndex(of: "--input"), flag + 1 < arguments.count else {
            standardError("error: give --input BACKUP.tar.gz\n\n\(usage)\n")
            return 2
        }
        do {
            let config = try AppConfig.load(for: .development, from: environment)
            let restored = try Backup.restore(input: arguments[flag + 1], config: config)
            standardOutput("Restored \(restored.files) files (database and uploads), all matching the manifest.\n")
            return 0
        } catch {
            standardError("error: \(error)\n")
            return 1
        }
    }
}
