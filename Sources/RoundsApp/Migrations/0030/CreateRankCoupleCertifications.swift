import Fluent

/// Each partner's certification of their couple's pairs (the NRMP uses only certified lists).
struct CreateRankCoupleCertifications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RankCoupleCertification.schema)
            .id()
            .field("couple_id", .uuid, .required, .references(RankCouple.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("certified_at", .datetime, .required)
            .field("certified_name", .string, .required)
            .field("order_digest", .string, .required)
            // One certification per partner; certifying again replaces it.
            .unique(on: "couple_id", "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RankCoupleCertification.schema).delete()
    }
}
