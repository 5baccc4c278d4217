import Fluent

/// One row counting catalog changes; every instance rebuilds its search index when the number moves.
struct CreateCatalogVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("catalog_versions")
            .field("id", .int, .identifier(auto: false))
            .field("version", .int64, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("catalog_versions").delete()
    }
}
