import Fluent
import Foundation
import SQLKit

extension Database {
    /// Runs `UPDATE … WHERE <conditions> RETURNING id` and says how many rows changed. This is how a
    /// single-use thing is spent exactly once under concurrency, on SQLite and PostgreSQL alike.
    func updateReturningCount(
        _ table: String,
        set assignments: [(String, any Encodable & Sendable)],
        where build: (SQLUpdateBuilder) -> SQLUpdateBuilder
    ) async throws -> Int {
        var builder = self.sql.update(table)
        for (column, value) in assignments { builder = builder.set(SQLIdentifier(column), to: SQLBind(value)) }
        builder = build(builder)
        return try await builder.returning("id").all().count
    }
}

extension Database {
    /// Writes one row without changing it (`UPDATE table SET id = id WHERE id = …`), so the rest of the
    /// transaction runs one at a time per row: the write holds PostgreSQL's row lock, and SQLite's write
    /// lock, until commit (a SQLite transaction that read first could not upgrade to writing while
    /// another writes). Call it first in the transaction.
    func lockRow(_ table: String, id: UUID) async throws {
        try await self.sql.update(table).set(SQLIdentifier("id"), to: SQLIdentifier("id")).where(SQLIdentifier("id"), .equal, SQLBind(id)).run()
    }
}
