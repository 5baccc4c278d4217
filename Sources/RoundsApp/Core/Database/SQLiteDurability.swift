import Fluent
import SQLKit
import Vapor

/// Puts a SQLite file in write-ahead-log mode and refuses to start unless the settings that make an
/// acknowledged write survive a crash are in force: WAL, synchronous=FULL, foreign keys on.
/// (sqlite-nio installs a busy handler that waits for the lock, which serves as our busy timeout.)
struct SQLiteDurability: LifecycleHandler {
    func willBootAsync(_ application: Application) async throws {
        // One connection for all of it: journal mode can only change while no other connection is open,
        // which holds at boot, before anything else has used the database.
        try await application.db.withConnection { connection in
            guard let sql = connection as? any SQLDatabase else { return }
            try await Self.apply(on: sql)
            let problems = try await Self.problems(on: sql)
            guard problems.isEmpty else { throw DurabilityError(problems: problems) }
        }
    }

    static func apply(on sql: any SQLDatabase) async throws {
        try await sql.raw("PRAGMA journal_mode = WAL").run()
        try await sql.raw("PRAGMA synchronous = FULL").run()
        // Not durability, but set on the same one connection: 64 MiB of page cache instead of SQLite's 2 MiB,
        // so a large transaction (an import of 100,000 rows) does not spill pages to the log mid-way.
        try await sql.raw("PRAGMA cache_size = -65536").run()
        // Statement journals in memory: a many-row INSERT inside a transaction keeps one, and past 64 KiB
        // SQLite spilled it to a new temporary file for every statement (a tenth of an import's time).
        try await sql.raw("PRAGMA temp_store = MEMORY").run()
    }

    /// What is not as required, empty when all is well.
    static func problems(on sql: any SQLDatabase) async throws -> [String] {
        var problems: [String] = []
        let mode = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        if mode?.lowercased() != "wal" { problems.append("journal_mode is \(mode ?? "unknown"), expected wal") }
        let synchronous = try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
        if synchronous != 2 { problems.append("synchronous is \(synchronous.map(String.init) ?? "unknown"), expected 2 (FULL)") }
        let foreignKeys = try await sql.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self)
        if foreignKeys != 1 { problems.append("foreign_keys is off") }
        return problems
    }
}

struct DurabilityError: Error, CustomStringConvertible {
    var problems: [String]
    var description: String { "Refusing to start: the SQLite database is not durable: " + self.problems.joined(separator: "; ") }
}
