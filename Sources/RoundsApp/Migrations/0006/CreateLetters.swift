import Fluent

struct CreateLetters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("programs")
            .id()
            .field("created_at", .datetime, .required)
            .field("name", .string, .required)
            .field("specialty_id", .string, .required)
            .field("city", .string, .required)
            .field("state", .string, .required)
            .unique(on: "name", "city", "state")
            .create()
        try await database.schema("program_reviewers")
            .id()
            .field("program_id", .uuid, .required, .references("programs", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .unique(on: "program_id", "user_id")
            .create()
        try await database.schema("letter_requests")
            // managed fields
            .id()
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            // data fields
            .field("writer_name", .string, .required)
            .field("writer_email", .string, .required)
            .field("writer_title", .string, .required)
            .field("writer_institution", .string, .required)
            .field("message", .string, .required)
            .field("waived", .bool, .required)
            .field("status", .string, .required)
            .field("token_hash", .string, .required)
            .field("link_expires_at", .datetime, .required)
            .field("reminded_at", .datetime)
            .field("viewed_at", .datetime)
            .field("uploaded_at", .datetime)
            .field("declined_at", .datetime)
            .field("decline_note", .string)
            .field("revoked_at", .datetime)
            .field("file_name", .string)
            .field("byte_count", .int)
            .field("sha256", .string)
            .field("storage_key", .string)
            // How many programs the letter is assigned to; a letter with any is locked against replacement.
            // A column on the row (not a count of another table) so that checks and changes of it are
            // serialized by the row itself.
            .field("assigned_count", .int, .required)
            .unique(on: "token_hash")
            .unique(on: "storage_key")
            // relationships
            .field("applicant_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("application_id", .uuid, .references("applications", "id", onDelete: .setNull))
            .create()
        try await database.schema("letter_assignments")
            .id()
            .field("created_at", .datetime, .required)
            // 1…4: the unique slot per applicant and program is what caps a program at four letters,
            // even when two assignments race.
            .field("slot", .int, .required)
            .field("letter_id", .uuid, .required, .references("letter_requests", "id", onDelete: .cascade))
            .field("program_id", .uuid, .required, .references("programs", "id", onDelete: .cascade))
            .field("applicant_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .unique(on: "letter_id", "program_id")
            .unique(on: "applicant_id", "program_id", "slot")
            .create()
        try await database.schema("letter_reads")
            .id()
            .field("at", .datetime, .required)
            .field("reader_role", .string, .required)
            .field("letter_id", .uuid, .required, .references("letter_requests", "id", onDelete: .cascade))
            .field("reader_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("program_id", .uuid, .references("programs", "id", onDelete: .setNull))
            .create()
        try await database.createIndex("letter_requests_by_applicant", on: "letter_requests", columns: ["applicant_id"])
        try await database.createIndex("letter_assignments_by_program", on: "letter_assignments", columns: ["program_id"])
        try await database.createIndex("letter_reads_by_time", on: "letter_reads", columns: ["at"])
    }

    func revert(on database: any Database) async throws {
        for table in ["letter_reads", "letter_assignments", "letter_requests", "program_reviewers", "programs"] {
            try await database.schema(table).delete()
        }
    }
}
