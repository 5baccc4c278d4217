import Fluent

/// The rank order list: each program's place on its owner's primary list (nil: not ranked), and the
/// list's certification per Match year (who typed their name, when, and the hash of the order certified),
/// and the advisors each applicant lets see their lists.
struct AddRankOrderList: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("residency_programs")
            .field("rank", .int)
            .update()
        try await database.schema("rank_certifications")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("match_year", .int, .required)
            .field("certified_at", .datetime, .required)
            .field("certified_name", .string, .required)
            .field("order_digest", .string, .required)
            .unique(on: "user_id", "match_year")
            .create()
        try await database.schema("rank_list_shares")
            .id()
            .field("owner_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("advisor_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "owner_id", "advisor_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("rank_list_shares").delete()
        try await database.schema("rank_certifications").delete()
        try await database.schema("residency_programs").deleteField("rank").update()
    }
}
