import Fluent

struct CreateOpportunitySession: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("opportunity_sessions")
            // managed fields
            .id()
            // data fields: days since 1970-01-01 (RoundsCore's Day), so ranges compare as integers
            .field("start_day", .int, .required)
            .field("end_day", .int, .required)
            .field("deadline_day", .int, .required)
            .field("seats", .int, .required)
            // relationships
            .field("opportunity_id", .uuid, .required, .references("opportunities", "id", onDelete: .cascade))
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("opportunity_sessions").delete()
    }
}
