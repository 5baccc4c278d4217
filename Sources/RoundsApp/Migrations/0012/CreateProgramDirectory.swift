import Fluent

/// The residency program directory: programs, their screening facts with provenance, and the log of
/// every change (who, when, field, old → new, source); a program on an applicant's list may point at the
/// directory entry it came from.
struct CreateProgramDirectory: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("directory_programs")
            .id()
            .field("name", .string, .required)
            .field("specialty", .string, .required)
            .field("sponsoring_institution", .string, .required)
            .field("city", .string, .required)
            .field("state", .string, .required)
            .field("zip", .string, .required)
            .field("acgme_id", .string)
            .field("nrmp_code", .string)
            .field("application_service", .string, .required)
            .field("positions", .int)
            .field("ccn", .string)
            .field("usce_hands_on", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "acgme_id")
            .unique(on: "name", "specialty", "city", "state")
            .create()
        try await database.schema("directory_facts")
            .id()
            .field("program_id", .uuid, .required, .references("directory_programs", "id", onDelete: .cascade))
            .field("field", .string, .required)
            .field("value", .string, .required)
            .field("source", .string, .required)
            .field("verified_on", .int, .required)
            .field("verified_by", .string, .required)
            .unique(on: "program_id", "field")
            .create()
        try await database.schema("directory_changes")
            .id()
            .field("program_id", .uuid, .required, .references("directory_programs", "id", onDelete: .cascade))
            .field("changed_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("changed_by_name", .string, .required)
            .field("changed_at", .datetime, .required)
            .field("field", .string, .required)
            .field("old_value", .string, .required)
            .field("new_value", .string, .required)
            .field("source", .string, .required)
            .create()
        try await database.schema("residency_programs")
            .field("directory_program_id", .uuid)
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("residency_programs").deleteField("directory_program_id").update()
        try await database.schema("directory_changes").delete()
        try await database.schema("directory_facts").delete()
        try await database.schema("directory_programs").delete()
    }
}
