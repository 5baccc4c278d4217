import Fluent

/// Guides: Markdown articles by administrators and advisors, drafts until published.
struct CreateGuides: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Guide.schema)
            .id()
            .field("slug", .string, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("body", .string, .required)
            .field("tags", .string, .required)
            .field("status", .string, .required)
            .field("author_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("published_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Guide.schema).delete()
    }
}
