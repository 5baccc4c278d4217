import Fluent
import SQLKit

/// Saved searches with e-mail alerts, and when each listing entered the catalog (what an alert counts as new).
struct CreateSavedSearches: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Opportunity.schema).field("listed_at", .datetime).update()
        try await database.sql.raw("UPDATE opportunities SET listed_at = COALESCE(updated_at, created_at) WHERE status = 'published'").run()
        try await database.createIndex("opportunities_listed_at", on: Opportunity.schema, columns: ["listed_at"])
        try await database.schema(SavedSearch.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("query", .string, .required)
            .field("alert", .string, .required)
            .field("created_at", .datetime, .required)
            .field("checked_at", .datetime, .required)
            .field("unsubscribe_hash", .string, .required)
            .unique(on: "unsubscribe_hash")
            .create()
        try await database.createIndex("saved_searches_user", on: SavedSearch.schema, columns: ["user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SavedSearch.schema).delete()
        try await database.sql.drop(index: "opportunities_listed_at").run()
        try await database.schema(Opportunity.schema).deleteField("listed_at").update()
    }
}
