import Fluent
import FluentPostgresDriver
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
/// which was a quarter of an import's time (issue 24). On PostgreSQL they go as one `COPY … FROM STDIN`:
/// the server parses no statements and the app encodes no binds. Other databases take SQLKit's path.
enum PlainInsert {
    /// Inserts `rows` (each with one value per column) in statements of at most `batch` rows.
    static func rows(_ rows: [[PlainValue]], into table: String, columns: [String], batch: Int, on db: any Database) async throws {
        precondition(rows.allSatisfy { $0.count == columns.count }, "a row without one value for each of \(columns.count) columns")
        let chunks = stride(from: 0, to: rows.count, by: batch).map { rows[$0..<min(rows.count, $0 + batch)] }
        guard !chunks.isEmpty else { return }
        if let sqlite = db as? any SQLiteDatabase {
            let head = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES "
            let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            // Every full batch has the same text; only the last one's is made again.
            var fullSQL: String?
            for chunk in chunks {
                let sql: String
                if chunk.count == batch, let fullSQL {
                    sql = fullSQL
                } else {
                    sql = head + Array(repeating: tuple, count: chunk.count).joined(separator: ", ")
                    if chunk.count == batch { fullSQL = sql }
                }
                var binds: [SQLiteData] = []
                binds.reserveCapacity(chunk.count * columns.count)
                for row in chunk { for value in row { binds.append(value.sqliteData) } }
                let values = binds
                _ = try await sqlite.withConnection { connection in try await connection.query(sql, values) }
            }
        } else if let postgres = db as? any PostgresDatabase {
            try await postgres.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    try await connection.copyFrom(table: table, columns: columns, logger: db.logger) { writer in
                        var text = PostgresCopyText()
                        for chunk in chunks {
                            var buffer = ByteBuffer()
                            for row in chunk { text.append(row, to: &buffer) }
                            try await writer.write(buffer)
                        }
                    }
                }
            }.get()
        } else {
            for chunk in chunks {
                try await db.sql.insert(into: table).columns(columns).rows(chunk.map { $0.map(\.bind) }).run()
            }
        }
    }
}

/// Rows in the text format of PostgreSQL's COPY (https://www.postgresql.org/docs/current/sql-copy.html):
/// columns separated by tabs, rows by newlines, `\N` for null, backslash escapes in text.
struct PostgresCopyText {
    /// An import stamps every row with the same moment: its text is made once.
    private var lastDate: (Date, String)?

    mutating func append(_ row: [PlainValue], to buffer: inout ByteBuffer) {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
            switch value {
            case .text(let text): Self.escape(text, to: &buffer)
            case .integer(let integer): buffer.writeString(String(integer))
            case .bool(let bool): buffer.writeInteger(UInt8(ascii: bool ? "t" : "f"))
            case .uuid(let id): buffer.writeString(id.uppercaseText)
            case .date(let date):
                if let (last, text) = self.lastDate, last == date {
                    buffer.writeString(text)
                } else {
                    let text = Self.timestamp(date)
                    self.lastDate = (date, text)
                    buffer.writeString(text)
                }
            case .null: buffer.writeString("\\N")
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    static func escape(_ text: String, to buffer: inout ByteBuffer) {
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard text.utf8.contains(where: special) else {
            buffer.writeString(text)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeString("\\t")
            case UInt8(ascii: "\n"): buffer.writeString("\\n")
            case UInt8(ascii: "\r"): buffer.writeString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }

    /// UTC with microseconds, cut as PostgresNIO cuts a bound `Date` (whole microseconds since 2000).
    static func timestamp(_ date: Date) -> String {
        let since2000 = Int64(date.timeIntervalSince(Date(timeIntervalSince1970: 946_684_800)) * 1_000_000)
        var (seconds, micros) = (since2000 / 1_000_000, since2000 % 1_000_000)
        if micros < 0 { (seconds, micros) = (seconds - 1, micros + 1_000_000) }
        var time = time_t(seconds + 946_684_800)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let fraction = String(micros)
        let year = String(parts.tm_year + 1900)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))."
            + String(repeating: "0", count: 6 - fraction.count) + fraction + "+00"
    }
}
