import Fluent
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
