import Fluent

struct CreateOpportunity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("opportunities")
            // managed fields
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            // data fields
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("type", .string, .required)
            .field("specialty", .string, .required)
            .field("is_hands_on", .bool, .required)
            .field("setting", .string, .required)
            .field("audiences", .string, .required)
            .field("max_years_since_graduation", .int)
            .field("requires_step1_pass", .bool, .required)
            .field("visa_classes", .string, .required)
            .field("fee_cents", .int, .required)
            .field("currency", .string, .required)
            .field("refund_terms", .string, .required)
            .field("letter_policy", .string, .required)
            .field("requirements", .string, .required)
            .field("status", .string, .required)
            // relationships
            .field("site_id", .uuid, .required, .references("sites", "id", onDelete: .cascade))
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("opportunities").delete()
    }
}
