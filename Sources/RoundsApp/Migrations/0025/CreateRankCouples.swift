import Fluent

/// Couples in the Match: two applicants linked for a Match year, and their list of program pairs.
struct CreateRankCouples: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RankCouple.schema)
            .id()
            .field("match_year", .int, .required)
            .field("proposer_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("partner_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("confirmed_at", .datetime)
            // One couple per person and year on each side; the store also refuses someone on the other side.
            .unique(on: "match_year", "proposer_id")
            .unique(on: "match_year", "partner_id")
            .create()
        try await database.schema(RankCouplePair.schema)
            .id()
            .field("couple_id", .uuid, .required, .references(RankCouple.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("first_program_id", .uuid, .references(ResidencyProgram.schema, "id", onDelete: .cascade))
            .field("second_program_id", .uuid, .references(ResidencyProgram.schema, "id", onDelete: .cascade))
            .create()
        try await database.createIndex("rank_couple_pairs_couple", on: RankCouplePair.schema, columns: ["couple_id", "position"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RankCouplePair.schema).delete()
        try await database.schema(RankCouple.schema).delete()
    }
}
