import Fluent
import Foundation
import SQLKit

/// A random id for the database's catalog, taken once: a search snapshot written from one database is never
/// taken for another's, whatever their catalog versions. The counter's row is made here if no change has
/// been recorded yet, so the id exists before the first snapshot.
struct AddCatalogEpoch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CatalogVersion.schema).field("epoch", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.insert(into: CatalogVersion.schema).columns("id", "version", "trimmed_through")
            .values(SQLBind(1), SQLBind(Int64(0)), SQLBind(Int64(0)))
            .ignoringConflicts(with: ["id"]).run()
        try await sql.update(CatalogVersion.schema).set("epoch", to: SQLBind(UUID().uuidString)).where("epoch", .is, SQLLiteral.null).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CatalogVersion.schema).deleteField("epoch").update()
    }
}
