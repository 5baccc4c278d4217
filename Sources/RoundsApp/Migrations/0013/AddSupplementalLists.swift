import Fluent

/// Supplemental rank order lists: PGY-1 programs, in order, linked to a ranked (advanced) program on the
/// same applicant's list. Both ends are the applicant's own program entries and go with them.
struct AddSupplementalLists: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SupplementalEntry.schema)
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("match_year", .int, .required)
            .field("advanced_program_id", .uuid, .required, .references("residency_programs", "id", onDelete: .cascade))
            .field("program_id", .uuid, .required, .references("residency_programs", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .unique(on: "advanced_program_id", "program_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SupplementalEntry.schema).delete()
    }
}
