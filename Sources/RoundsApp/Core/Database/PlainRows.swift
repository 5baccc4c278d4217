import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// One row of a plain query, read column by column as the few types the catalog stores.
protocol PlainRow {
    func text(_ column: String) throws -> String
    func integer(_ column: String) throws -> Int
    func optionalInteger(_ column: String) throws -> Int?
    func real(_ column: String) throws -> Double
    func bool(_ column: String) throws -> Bool
    func uuid(_ column: String) throws -> UUID
}

/// Reads the rows of one query, for reads of the whole catalog (100,000 rows and more), where decoding
/// into models or `Decodable` structs costs several times the database's own work.
///
/// On SQLite the rows are read on the connection's own thread and their values taken as SQLite gives
/// them: the driver's row-by-row path schedules every row onto the event loop, one task each, and its
/// decoder looks each column's type up at run time; together most of a cold start's read (issue 24).
/// On PostgreSQL SQLKit's decoding went through a `Decoder` for every value, half of a cold start's read
/// (`perf record`, 2026-12-05); the cells are decoded as PostgresNIO's own types instead.
enum PlainRows {
    static func each(_ query: any SQLExpression, on db: any Database, _ body: @escaping @Sendable (any PlainRow) throws -> Void) async throws {
        let failure = NIOLockedValueBox<(any Error)?>(nil)
        let guarded: @Sendable (any PlainRow) -> Void = { row in
            guard failure.withLockedValue({ $0 == nil }) else { return }
            do { try body(row) } catch { failure.withLockedValue { $0 = error } }
        }
        if let sqlite = db as? any SQLiteDatabase {
            let (sql, binds) = db.sql.serialize(query)
            let encoder = SQLiteDataEncoder()
            let data = try binds.map { try encoder.encode($0) }
            try await sqlite.withConnection { connection in
                // The connection's own async query calls back on its thread, row after row.
                try await connection.query(sql, data) { row in guarded(SQLitePlainRow(row: row)) }
            }
        } else if let postgres = db as? any PostgresDatabase, let statement = Self.postgresQuery(db.sql.serialize(query)) {
            try await postgres.withConnection { connection in
                // Rows are decoded on the connection's event loop as they arrive.
                connection.query(statement, logger: db.logger) { row in guarded(PostgresPlainRow(row: row.makeRandomAccess())) }.map { _ in }
            }.get()
        } else {
            try await db.sql.execute(sql: query) { row in guarded(DecodedPlainRow(row: row)) }
        }
        if let error = failure.withLockedValue({ $0 }) { throw error }
    }

    /// The statement with its binds as PostgresNIO sends them, for the kinds of value the catalog's reads bind
    /// (ids, texts, stored codes); nil for any other, which then goes through SQLKit.
    private static func postgresQuery(_ serialized: (sql: String, binds: [any Encodable & Sendable])) -> PostgresQuery? {
        var bindings = PostgresBindings(capacity: serialized.binds.count)
        for bind in serialized.binds {
            switch bind {
            case let id as UUID: bindings.append(id)
            case let text as String: bindings.append(text)
            case let code as any RawRepresentable<String>: bindings.append(code.rawValue)
            default: return nil
            }
        }
        return PostgresQuery(unsafeSQL: serialized.sql, binds: bindings)
    }
}

/// A stored value that is not what the catalog wrote there.
struct UnexpectedColumn: Error, CustomStringConvertible {
    var column: String
    var value: String
    var description: String { "the database's \(self.column) holds \(self.value), not a value Rounds writes there" }
}

private struct SQLitePlainRow: PlainRow {
    let row: SQLiteRow

    private func value(_ column: String) throws -> SQLiteData {
        guard let value = self.row.column(column) else { throw UnexpectedColumn(column: column, value: "nothing (no such column)") }
        return value
    }

    func text(_ column: String) throws -> String {
        guard case .text(let text) = try self.value(column) else { throw UnexpectedColumn(column: column, value: "\(try self.value(column))") }
        return text
    }

    func integer(_ column: String) throws -> Int {
        guard case .integer(let integer) = try self.value(column) else { throw UnexpectedColumn(column: column, value: "\(try self.value(column))") }
        return integer
    }

    func optionalInteger(_ column: String) throws -> Int? {
        if case .null = try self.value(column) { return nil }
        return try self.integer(column)
    }

    func real(_ column: String) throws -> Double {
        switch try self.value(column) {
        case .float(let real): return real
        case .integer(let integer): return Double(integer)
        case let other: throw UnexpectedColumn(column: column, value: "\(other)")
        }
    }

    func bool(_ column: String) throws -> Bool {
        try self.integer(column) != 0
    }

    func uuid(_ column: String) throws -> UUID {
        let text = try self.text(column)
        guard let id = UUID(uuidString: text) else { throw UnexpectedColumn(column: column, value: text) }
        return id
    }
}

private struct PostgresPlainRow: PlainRow {
    let row: PostgresRandomAccessRow

    private func cell(_ column: String) throws -> PostgresCell {
        guard self.row.contains(column) else { throw UnexpectedColumn(column: column, value: "nothing (no such column)") }
        return self.row[column]
    }

    func text(_ column: String) throws -> String { try self.cell(column).decode(String.self) }
    func integer(_ column: String) throws -> Int { try self.cell(column).decode(Int.self) }
    func optionalInteger(_ column: String) throws -> Int? { try self.cell(column).decode(Int?.self) }
    func real(_ column: String) throws -> Double { try self.cell(column).decode(Double.self) }
    func bool(_ column: String) throws -> Bool { try self.cell(column).decode(Bool.self) }
    func uuid(_ column: String) throws -> UUID { try self.cell(column).decode(UUID.self) }
}

/// Any other database, through SQLKit's decoding.
private struct DecodedPlainRow: PlainRow {
    let row: any SQLRow

    func text(_ column: String) throws -> String { try self.row.decode(column: column, as: String.self) }
    func integer(_ column: String) throws -> Int { try self.row.decode(column: column, as: Int.self) }
    func optionalInteger(_ column: String) throws -> Int? { try self.row.decode(column: column, as: Int?.self) }
    func real(_ column: String) throws -> Double { try self.row.decode(column: column, as: Double.self) }
    func bool(_ column: String) throws -> Bool { try self.row.decode(column: column, as: Bool.self) }
    func uuid(_ column: String) throws -> UUID { try self.row.decode(column: column, as: UUID.self) }
}
