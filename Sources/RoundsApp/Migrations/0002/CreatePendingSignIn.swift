import Fluent

struct CreatePendingSignIn: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("pending_sign_ins")
            // managed fields
            .id()
            .field("created_at", .datetime, .required)
            // data fields
            .field("token_hash", .string, .required)
            .field("next_path", .string)
            // relationships
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("pending_sign_ins").delete()
    }
}
