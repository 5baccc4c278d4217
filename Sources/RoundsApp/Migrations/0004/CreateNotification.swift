import Fluent

struct CreateNotification: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("notifications")
            .id()
            .field("created_at", .datetime, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("link", .string, .required)
            .field("read_at", .datetime)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .create()
        try await database.createIndex("notifications_by_user", on: "notifications", columns: ["user_id", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("notifications").delete()
    }
}
