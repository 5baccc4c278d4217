import Fluent
import FluentSQL
import SQLKit

/// Questions to a host before applying: a host lets applicants ask about an opportunity, and a message
/// belongs either to an application's thread or to one applicant's questions about one opportunity.
struct AddOpportunityQuestions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Opportunity.schema).field("accepts_questions", .bool, .required, .sql(.default(false))).update()
        if database.sql.dialect.name == "sqlite" {
            try await Self.rebuildMessages(on: database, questions: true)
        } else {
            try await database.sql.raw("ALTER TABLE application_messages ALTER COLUMN application_id DROP NOT NULL").run()
            try await database.schema(ApplicationMessage.schema)
                .field("opportunity_id", .uuid, .references(Opportunity.schema, "id", onDelete: .cascade))
                .field("applicant_id", .uuid, .references(User.schema, "id", onDelete: .cascade))
                .constraint(.sql(unsafeRaw: Self.oneThread))
                .update()
        }
        try await database.createIndex("application_messages_question", on: ApplicationMessage.schema, columns: ["opportunity_id", "applicant_id", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "application_messages_question").run()
        try await database.sql.raw("DELETE FROM application_messages WHERE application_id IS NULL").run()
        if database.sql.dialect.name == "sqlite" {
            try await Self.rebuildMessages(on: database, questions: false)
        } else {
            try await database.sql.raw("ALTER TABLE application_messages DROP CONSTRAINT application_messages_one_thread").run()
            try await database.schema(ApplicationMessage.schema).deleteField("applicant_id").update()
            try await database.schema(ApplicationMessage.schema).deleteField("opportunity_id").update()
            try await database.sql.raw("ALTER TABLE application_messages ALTER COLUMN application_id SET NOT NULL").run()
        }
        try await database.schema(Opportunity.schema).deleteField("accepts_questions").update()
    }

    /// A message is in exactly one thread: an application's, or an applicant's questions about an opportunity.
    private static let oneThread = """
        CONSTRAINT application_messages_one_thread CHECK ((application_id IS NOT NULL AND opportunity_id IS NULL AND applicant_id IS NULL) \
        OR (application_id IS NULL AND opportunity_id IS NOT NULL AND applicant_id IS NOT NULL))
        """

    private static let sharedColumns = [
        "id", "application_id", "author_id", "author_name", "party", "recipient_id", "body", "created_at", "mailed_at", "removed_at",
        "attachment_key", "attachment_name", "attachment_media_type", "attachment_byte_count", "attachment_sha256",
    ]

    /// SQLite cannot change a column's NOT NULL, so the table is rebuilt the way SQLite documents
    /// (https://www.sqlite.org/lang_altertable.html#otheralter): on one connection with foreign keys off,
    /// in a transaction, checked before commit. Reports keep pointing at the messages by name.
    private static func rebuildMessages(on database: any Database, questions: Bool) async throws {
        try await database.withConnection { connection in
            try await connection.sql.raw("PRAGMA foreign_keys = OFF").run()
            do {
                try await connection.transaction { db in
                    var table = db.schema("application_messages_rebuilt").id()
                    table = questions
                        ? table.field("application_id", .uuid, .references(SessionApplication.schema, "id", onDelete: .cascade))
                        : table.field("application_id", .uuid, .required, .references(SessionApplication.schema, "id", onDelete: .cascade))
                    table = table
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
                    if questions {
                        table = table
                            .field("opportunity_id", .uuid, .references(Opportunity.schema, "id", onDelete: .cascade))
                            .field("applicant_id", .uuid, .references(User.schema, "id", onDelete: .cascade))
                            .constraint(.sql(unsafeRaw: Self.oneThread))
                    }
                    try await table.create()
                    let columns = Self.sharedColumns.joined(separator: ", ")
                    try await db.sql.raw("INSERT INTO application_messages_rebuilt (\(unsafeRaw: columns)) SELECT \(unsafeRaw: columns) FROM application_messages").run()
                    try await db.sql.raw("DROP TABLE application_messages").run()
                    try await db.sql.raw("ALTER TABLE application_messages_rebuilt RENAME TO application_messages").run()
                    try await db.createIndex("application_messages_thread", on: ApplicationMessage.schema, columns: ["application_id", "created_at"])
                    try await db.createIndex("application_messages_unmailed", on: ApplicationMessage.schema, columns: ["recipient_id", "mailed_at"])
                    let broken = try await db.sql.raw("PRAGMA foreign_key_check").all()
                    guard broken.isEmpty else { throw MigrationProblem(description: "Rebuilding application_messages left \(broken.count) broken references") }
                }
            } catch {
                try? await connection.sql.raw("PRAGMA foreign_keys = ON").run()
                throw error
            }
            try await connection.sql.raw("PRAGMA foreign_keys = ON").run()
        }
    }
}

struct MigrationProblem: Error, CustomStringConvertible {
    var description: String
}
