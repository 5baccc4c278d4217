import Fluent
import SQLKit

struct CreateApplication: AsyncMigration {
    /// ApplicationStatus.live as it was when this migration was written, frozen: a migration must do
    /// the same thing whenever it runs, so a later change to the enum needs a migration of its own.
    static let liveStatuses = ["draft", "submitted", "under_review", "offered", "accepted", "waitlisted"]

    func prepare(on database: any Database) async throws {
        try await database.schema("applications")
            // managed fields
            .id()
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            // data fields
            .field("status", .string, .required)
            .field("statement", .string, .required)
            .field("confirmed_requirements", .string, .required)
            .field("offer_expires_at", .datetime)
            .field("submitted_at", .datetime)
            .field("waitlisted_at", .datetime)
            // relationships
            .field("applicant_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("session_id", .uuid, .required, .references("opportunity_sessions", "id", onDelete: .restrict))
            .create()
        try await database.schema("application_documents")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("document_id", .uuid, .required, .references("documents", "id", onDelete: .restrict))
            .unique(on: "application_id", "document_id")
            .create()
        try await database.schema("application_events")
            .id()
            .field("at", .datetime, .required)
            .field("position", .int, .required)
            .field("party", .string, .required)
            .field("from_status", .string)
            .field("to_status", .string, .required)
            .field("note", .string, .required)
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("actor_id", .uuid, .references("users", "id", onDelete: .setNull))
            .unique(on: "application_id", "position")
            .create()

        // One live application per applicant and session, enforced by the database itself (a partial
        // unique index; SQLite and PostgreSQL both have them), so two concurrent applies cannot both land.
        let live = Self.liveStatuses.map { "'\($0)'" }.joined(separator: ", ")
        try await database.sql.raw(
            "CREATE UNIQUE INDEX applications_one_live ON applications (applicant_id, session_id) WHERE status IN (\(unsafeRaw: live))"
        ).run()
        try await database.createIndex("applications_by_session", on: "applications", columns: ["session_id", "status"])
        try await database.createIndex("application_documents_by_document", on: "application_documents", columns: ["document_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("application_events").delete()
        try await database.schema("application_documents").delete()
        try await database.schema("applications").delete()
    }
}
