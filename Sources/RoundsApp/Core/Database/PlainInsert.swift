import Fluent
import FluentSQLiteDriver
import Foundation
import RoundsCore
import SQLKit

/// A value written by `PlainInsert`: the few types the catalog stores.
enum PlainValue: Sendable {
    case text(String)
    case integer(Int)
    case bool(Bool)
    case uuid(UUID)
    case date(Date)
    case null

    static func text(_ value: String?) -> PlainValue { value.map { .text($0) } ?? .null }
    static func integer(_ value: Int?) -> PlainValue { value.map { .integer($0) } ?? .null }
    static func date(_ value: Date?) -> PlainValue { value.map { .date($0) } ?? .null }

    /// As SQLiteKit's encoder writes the same Swift value (a test holds them equal).
    var sqliteData: SQLiteData {
        switch self {
        case .text(let text): .text(text)
        case .integer(let integer): .integer(integer)
        case .bool(let bool): .integer(bool ? 1 : 0)
        case .uuid(let id): .text(id.uppercaseText)
        case .date(let date): .float(date.timeIntervalSince1970)
        case .null: .null
        }
    }

    /// The same value for SQLKit, for other databases.
    var bind: any SQLExpression {
        switch self {
        case .text(let text): SQLBind(text)
        case .integer(let integer): SQLBind(integer)
        case .bool(let bool): SQLBind(bool)
        case .uuid(let id): SQLBind(id)
        case .date(let date): SQLBind(date)
        case .null: SQLLiteral.null
        }
    }
}

/// Inserts many rows of plain values, for the import of a whole catalog (100,000 rows and more).
///
/// On SQLite the values go to the connection as they are: SQLKit's path builds an expression per value,
/// serialises the statement value by value and encodes each through `Encodable` with run-time casts,
/// which was a quarter of an import's time (issue 24). Other databases take SQLKit's path.
enum PlainInsert {
    /// Inserts `rows` (each with one value per column) in statements of at most `batch` rows.
    static func rows(_ rows: [[PlainValue]], into table: String, columns: [String], batch: Int, on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        if let sqlite = db as? any SQLiteDatabase {
            let head = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES "
            let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            // Every full batch has the same text; only the last one's is made again.
            var fullSQL: String?
            for start in stride(from: 0, to: rows.count, by: batch) {
                let chunk = rows[start..<min(rows.count, start + batch)]
                let sql: String
                if chunk.count == batch, let fullSQL {
                    sql = fullSQL
                } else {
                    sql = head + Array(repeating: tuple, count: chunk.count).joined(separator: ", ")
                    if chunk.count == batch { fullSQL = sql }
                }
                var binds: [SQLiteData] = []
                binds.reserveCapacity(chunk.count * columns.count)
                for row in chunk {
                    precondition(row.count == columns.count, "a row of \(row.count) values for \(columns.count) columns")
                    for value in row { binds.append(value.sqliteData) }
                }
                let values = binds
                _ = try await sqlite.withConnection { connection in try await connection.query(sql, values) }
            }
        } else {
            for start in stride(from: 0, to: rows.count, by: batch) {
                let chunk = rows[start..<min(rows.count, start + batch)]
                try await db.sql.insert(into: table)
                    .columns(columns)
                    .rows(chunk.map { $0.map(\.bind) })
                    .run()
            }
        }
    }
}
