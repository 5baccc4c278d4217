import Fluent
import Foundation
import SQLKit
import Vapor

/// Online, consistent backups and their restore. A backup is one `.tar.gz` holding the database
/// (`database.sqlite` made by `VACUUM INTO`, or `database.sql` from `pg_dump`), the uploads directory
/// under `storage/`, and `MANIFEST.sha256` with a SHA-256 line for every file, checked on restore.
enum Backup {
    static let manifestName = "MANIFEST.sha256"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A restored database is another catalog from the one backed up: it may take versions the original
    /// took too, with other changes. A new catalog id keeps a search snapshot of the original (say, a file
    /// left beside the SQLite path restored into) from ever being taken for it.
    static var newCatalogEpoch: String { "UPDATE \(CatalogVersion.schema) SET epoch = '\(UUID().uuidString)'" }

    /// Writes a backup of the running database and the storage directory to `output`.
    static func create(database: any Database, config: AppConfig, output: String) async throws {
        let staging = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: staging) }
        switch config.database {
        case .sqliteFile, .sqliteMemory:
            guard let sql = database as? any SQLDatabase else { throw Failure(description: "not a SQL database") }
            // VACUUM INTO writes a consistent copy while the app keeps serving (SQLite ≥ 3.27).
            let target = (staging as NSString).appendingPathComponent("database.sqlite")
            try await sql.raw("VACUUM INTO \(bind: target)").run()
            // The copy's catalog gets an id of its own (see `newCatalogEpoch`).
            try await sql.raw("ATTACH DATABASE \(bind: target) AS backup_copy").run()
            do {
                try await sql.raw("UPDATE backup_copy.\(unsafeRaw: CatalogVersion.schema) SET epoch = \(bind: UUID().uuidString)").run()
            } catch {
                try? await sql.raw("DETACH DATABASE backup_copy").run()
                throw error
            }
            try await sql.raw("DETACH DATABASE backup_copy").run()
        case .postgres(let url):
            let target = (staging as NSString).appendingPathComponent("database.sql")
            try run("pg_dump", ["--no-owner", "--no-privileges", "--file", target, url])
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
            try handle.seekToEnd()
            // pg_dump empties the search path; the update names tables as the app does.
            try handle.write(contentsOf: Data("\n-- Rounds: the restored catalog gets an id of its own.\nRESET search_path;\n\(Self.newCatalogEpoch);\n".utf8))
            try handle.close()
        }
        let storage = (staging as NSString).appendingPathComponent("storage")
        if FileManager.default.fileExists(atPath: config.storageDirectory) {
            try FileManager.default.copyItem(atPath: config.storageDirectory, toPath: storage)
        } else {
            try FileManager.default.createDirectory(atPath: storage, withIntermediateDirectories: true)
        }
        try writeManifest(in: staging)
        try run("tar", ["-czf", absolute(output), "-C", staging, "."])
    }

    /// Restores a backup into an empty target: the SQLite file must not exist (or PostgreSQL database
    /// must have no tables) and the storage directory must be empty or missing.
    static func restore(input: String, config: AppConfig) throws -> (files: Int, database: String) {
        let staging = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: staging) }
        try run("tar", ["-xzf", absolute(input), "-C", staging])
        let files = try verifyManifest(in: staging)

        let storage = (staging as NSString).appendingPathComponent("storage")
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: config.storageDirectory)) ?? []
        guard existing.isEmpty else {
            throw Failure(description: "the storage directory \(config.storageDirectory) is not empty; restore into a fresh one")
        }
        switch config.database {
        case .sqliteFile(let path):
            let source = (staging as NSString).appendingPathComponent("database.sqlite")
            guard FileManager.default.fileExists(atPath: source) else { throw Failure(description: "the backup holds no SQLite database") }
            guard !FileManager.default.fileExists(atPath: path) else {
                throw Failure(description: "\(path) already exists; restore into a new location")
            }
            try FileManager.default.copyItem(atPath: source, toPath: path)
        case .postgres(let url):
            let source = (staging as NSString).appendingPathComponent("database.sql")
            guard FileManager.default.fileExists(atPath: source) else { throw Failure(description: "the backup holds no PostgreSQL dump") }
            try run("psql", ["--quiet", "--set", "ON_ERROR_STOP=1", "--single-transaction", "--file", source, url])
        case .sqliteMemory:
            throw Failure(description: "cannot restore into an in-memory database")
        }
        try? FileManager.default.removeItem(atPath: config.storageDirectory)
        try FileManager.default.copyItem(atPath: storage, toPath: config.storageDirectory)
        return (files, String(describing: config.database).components(separatedBy: "(").first ?? "")
    }

    // MARK: - Manifest

    static func writeManifest(in directory: String) throws {
        let lines = try filesBelow(directory).map { "\(try sha256(of: (directory as NSString).appendingPathComponent($0)))  \($0)" }
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: (directory as NSString).appendingPathComponent(manifestName),
            atomically: true,
            encoding: .utf8
        )
    }

    /// Checks every file against the manifest; returns how many there are.
    static func verifyManifest(in directory: String) throws -> Int {
        let path = (directory as NSString).appendingPathComponent(manifestName)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Failure(description: "the backup has no \(manifestName)")
        }
        var expected: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { throw Failure(description: "malformed manifest line: \(line)") }
            expected[String(parts[1].drop { $0 == " " })] = String(parts[0])
        }
        let actual = try filesBelow(directory).filter { $0 != manifestName }
        guard Set(actual) == Set(expected.keys) else {
            throw Failure(description: "the backup's files do not match its manifest")
        }
        for file in actual where try sha256(of: (directory as NSString).appendingPathComponent(file)) != expected[file] {
            throw Failure(description: "\(file) does not match its SHA-256 in the manifest; the backup is damaged")
        }
        return actual.count
    }

    /// Relative paths of every regular file below `directory`, sorted.
    static func filesBelow(_ directory: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(relative), isDirectory: &isDirectory)
            if !isDirectory.boolValue && relative != manifestName { files.append(relative) }
        }
        return files.sorted()
    }

    static func sha256(of path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return SecretToken.hexSHA256(data)
    }

    // MARK: - Helpers

    private static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rounds-backup-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }

    /// Runs a tool from PATH and fails with its error output.
    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) failed: \(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}

/// `rounds backup --output FILE`: an online backup of the configured database and storage.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", short: "o", help: "Where to write the backup (.tar.gz)")
        var output: String?
    }

    var help: String { "Writes a consistent backup of the database and uploads while Rounds keeps running." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let output = signature.output else {
            throw Backup.Failure(description: "give --output FILE")
        }
        let app = context.application
        try await Backup.create(database: app.db, config: app.config, output: output)
        context.console.print("Backup written to \(output)")
    }
}
