import Fluent

/// The newsletter: subscribers (double opt-in), issues composed from guides, and one delivery per
/// subscriber and issue carrying the hash of its unsubscribe token; list mail's unsubscribe header.
struct CreateNewsletter: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NewsletterSubscriber.schema)
            .id()
            .field("email", .string, .required)
            .field("status", .string, .required)
            .field("confirm_token_hash", .string)
            .field("confirm_expires_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("confirmed_at", .datetime)
            .field("unsubscribed_at", .datetime)
            .unique(on: "email")
            .unique(on: "confirm_token_hash")
            .create()
        try await database.schema(NewsletterIssue.schema)
            .id()
            .field("subject", .string, .required)
            .field("intro", .string, .required)
            .field("guide_ids", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("recipients", .int, .required)
            .create()
        try await database.schema(NewsletterDelivery.schema)
            .id()
            .field("issue_id", .uuid, .required, .references(NewsletterIssue.schema, "id", onDelete: .cascade))
            .field("subscriber_id", .uuid, .required, .references(NewsletterSubscriber.schema, "id", onDelete: .cascade))
            .field("unsubscribe_token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "unsubscribe_token_hash")
            .unique(on: "issue_id", "subscriber_id")
            .create()
        try await database.schema(OutboxMessage.schema).field("list_unsubscribe", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema).deleteField("list_unsubscribe").update()
        try await database.schema(NewsletterDelivery.schema).delete()
        try await database.schema(NewsletterIssue.schema).delete()
        try await database.schema(NewsletterSubscriber.schema).delete()
    }
}
