import Fluent

/// Listings a person keeps to come back to.
struct CreateFavourites: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Favourite.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("opportunity_id", .uuid, .required, .references(Opportunity.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "opportunity_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Favourite.schema).delete()
    }
}
