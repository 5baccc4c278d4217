import Fluent
import FluentSQL
import SQLKit

/// Applications submitted to programs with their letters, and the per-letter count of them that locks a
/// letter against replacement (ERAS: a letter is replaceable until the applicant applies with it).
struct CreateProgramApplications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProgramApplication.schema)
            .id()
            .field("applicant_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("program_id", .uuid, .required, .references(Program.schema, "id", onDelete: .cascade))
            .field("submitted_at", .datetime, .required)
            .unique(on: "applicant_id", "program_id")
            .create()
        // Until now assigning locked a letter; existing letters had no application, so none is locked.
        try await database.schema(LetterRequest.schema).field("applied_count", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LetterRequest.schema).deleteField("applied_count").update()
        try await database.schema(ProgramApplication.schema).delete()
    }
}
