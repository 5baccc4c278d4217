import Fluent

/// Sites can be rejected or suspended with a reason the host sees; every administrator action is written
/// to an audit log.
struct AddSiteReviewsAndAudit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(Site.schema).field("review_state", .string).update()
        try await database.schema(Site.schema).field("review_note", .string).update()
        try await database.schema(Site.schema).field("reviewed_at", .datetime).update()
        try await database.schema(AdminAction.schema)
            .id()
            .field("admin_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("admin_name", .string, .required)
            .field("action", .string, .required)
            .field("subject", .string, .required)
            .field("subject_id", .uuid)
            .field("reason", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.createIndex("admin_actions_created", on: AdminAction.schema, columns: ["created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AdminAction.schema).delete()
        for column: FieldKey in ["review_state", "review_note", "reviewed_at"] {
            try await database.schema(Site.schema).deleteField(column).update()
        }
    }
}
