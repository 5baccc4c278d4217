import Fluent

/// A requested change of e-mail address: confirmed by a single-use link sent to the new address.
struct CreateEmailChanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EmailChange.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("new_email", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.createIndex("email_changes_user", on: EmailChange.schema, columns: ["user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EmailChange.schema).delete()
    }
}
