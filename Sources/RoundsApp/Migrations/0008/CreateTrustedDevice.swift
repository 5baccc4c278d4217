import Fluent

struct CreateTrustedDevice: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("trusted_devices")
            // managed fields
            .id()
            // data fields
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            // relationships
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("trusted_devices").delete()
    }
}
