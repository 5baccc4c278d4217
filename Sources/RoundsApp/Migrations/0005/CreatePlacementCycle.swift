import Fluent

/// Placement cycles: an advisor's cycle over sessions, applicants' and hosts' rank lists, and the result.
struct CreatePlacementCycle: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("placement_cycles")
            .id()
            .field("created_at", .datetime, .required)
            .field("name", .string, .required)
            .field("status", .string, .required)
            .field("offer_days", .int, .required)
            .field("matched_at", .datetime)
            .field("published_at", .datetime)
            .field("advisor_id", .uuid, .required, .references("users", "id", onDelete: .restrict))
            .create()
        try await database.schema("placement_cycle_sessions")
            .id()
            .field("cycle_id", .uuid, .required, .references("placement_cycles", "id", onDelete: .cascade))
            .field("session_id", .uuid, .required, .references("opportunity_sessions", "id", onDelete: .restrict))
            .unique(on: "cycle_id", "session_id")
            .create()
        // One list per applicant and cycle: session ids best first, or for a couple, pairs "a|b" (either "-").
        try await database.schema("placement_applicant_lists")
            .id()
            .field("updated_at", .datetime, .required)
            .field("choices", .string, .required)
            .field("partner_confirmed", .bool, .required)
            .field("cycle_id", .uuid, .required, .references("placement_cycles", "id", onDelete: .cascade))
            .field("applicant_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("partner_id", .uuid, .references("users", "id", onDelete: .cascade))
            .unique(on: "cycle_id", "applicant_id")
            .create()
        // One list per session: applicant ids best first.
        try await database.schema("placement_host_lists")
            .id()
            .field("updated_at", .datetime, .required)
            .field("choices", .string, .required)
            .field("cycle_id", .uuid, .required, .references("placement_cycles", "id", onDelete: .cascade))
            .field("session_id", .uuid, .required, .references("opportunity_sessions", "id", onDelete: .cascade))
            .unique(on: "cycle_id", "session_id")
            .create()
        try await database.schema("placement_results")
            .id()
            .field("cycle_id", .uuid, .required, .references("placement_cycles", "id", onDelete: .cascade))
            .field("applicant_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("session_id", .uuid, .references("opportunity_sessions", "id", onDelete: .cascade))
            .unique(on: "cycle_id", "applicant_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["placement_results", "placement_host_lists", "placement_applicant_lists", "placement_cycle_sessions", "placement_cycles"] {
            try await database.schema(table).delete()
        }
    }
}
