import Fluent
import SQLKit

extension Database {
    /// `CREATE INDEX name ON table (columns…)`, which Fluent's schema builder cannot express.
    func createIndex(_ name: String, on table: String, columns: [String]) async throws {
        var builder = self.sql.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }

    /// The SQL side of the database; Rounds only runs on SQL databases.
    var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { fatalError("Rounds only runs on SQL databases") }
        return sql
    }
}
