import Fluent

struct CreateApplicantProfile: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("applicant_profiles")
            // managed fields
            .id()
            .field("updated_at", .datetime)
            // data fields
            .field("track", .string, .required)
            .field("medical_school", .string)
            .field("school_country", .string)
            .field("graduation_year", .int)
            .field("step1", .string, .required)
            .field("step2_ck_score", .int)
            .field("ecfmg_status", .string, .required)
            .field("visa_status", .string, .required)
            .field("specialties", .string, .required)
            .field("target_match_year", .int)
            // relationships
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .unique(on: "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("applicant_profiles").delete()
    }
}
