import Fluent
import FluentSQL
import SQLKit

/// The catalog's change log: which opportunities or sites changed at each catalog version, so an instance
/// updates its search index with those documents instead of rebuilding it. `trimmed_through` says up to which
/// version the log was cut; an instance behind that rebuilds.
struct CreateCatalogChanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CatalogVersion.changesSchema)
            .field("version", .int64, .required)
            .field("opportunity_id", .uuid)
            .field("site_id", .uuid)
            .create()
        try await database.createIndex("catalog_changes_by_version", on: CatalogVersion.changesSchema, columns: ["version"])
        try await database.schema(CatalogVersion.schema).field("trimmed_through", .int64, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CatalogVersion.schema).deleteField("trimmed_through").update()
        try await database.schema(CatalogVersion.changesSchema).delete()
    }
}
