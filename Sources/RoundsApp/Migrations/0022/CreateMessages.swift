import Fluent

/// Messages between an applicant and a host about an application, reports of them, and each person's
/// e-mail setting for new messages.
struct CreateMessages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ApplicationMessage.schema)
            .id()
            .field("application_id", .uuid, .required, .references(SessionApplication.schema, "id", onDelete: .cascade))
            .field("author_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("author_name", .string, .required)
            .field("party", .string, .required)
            .field("recipient_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("mailed_at", .datetime)
            .field("removed_at", .datetime)
            .field("attachment_key", .string)
            .field("attachment_name", .string)
            .field("attachment_media_type", .string)
            .field("attachment_byte_count", .int)
            .field("attachment_sha256", .string)
            .create()
        try await database.createIndex("application_messages_thread", on: ApplicationMessage.schema, columns: ["application_id", "created_at"])
        try await database.createIndex("application_messages_unmailed", on: ApplicationMessage.schema, columns: ["recipient_id", "mailed_at"])
        try await database.schema(MessageReport.schema)
            .id()
            .field("message_id", .uuid, .required, .references(ApplicationMessage.schema, "id", onDelete: .cascade))
            .field("reporter_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("reporter_name", .string, .required)
            .field("reason", .string, .required)
            .field("message_body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("resolved_at", .datetime)
            .field("resolution", .string)
            .field("resolution_note", .string)
            // Once per message and person, even when two reports race.
            .unique(on: "message_id", "reporter_id")
            .create()
        try await database.createIndex("message_reports_message", on: MessageReport.schema, columns: ["message_id"])
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(User.schema).field("message_email", .string).update()
        try await database.schema(User.schema).field("message_digest_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("message_digest_at").update()
        try await database.schema(User.schema).deleteField("message_email").update()
        try await database.schema(MessageReport.schema).delete()
        try await database.schema(ApplicationMessage.schema).delete()
    }
}
