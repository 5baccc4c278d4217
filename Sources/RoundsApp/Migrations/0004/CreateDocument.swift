import Fluent

struct CreateDocument: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("documents")
            // managed fields
            .id()
            .field("created_at", .datetime, .required)
            // data fields
            .field("kind", .string, .required)
            .field("file_name", .string, .required)
            .field("media_type", .string, .required)
            .field("byte_count", .int, .required)
            .field("sha256", .string, .required)
            .field("storage_key", .string, .required)
            .unique(on: "storage_key")
            // relationships
            .field("owner_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .create()
        try await database.schema("document_downloads")
            .id()
            .field("at", .datetime, .required)
            .field("document_id", .uuid, .required, .references("documents", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .create()
        try await database.createIndex("documents_by_owner", on: "documents", columns: ["owner_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("document_downloads").delete()
        try await database.schema("documents").delete()
    }
}
