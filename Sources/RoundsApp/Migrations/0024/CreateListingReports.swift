import Fluent

/// Reports of listings, for the administrators.
struct CreateListingReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ListingReport.schema)
            .id()
            .field("opportunity_id", .uuid, .required, .references(Opportunity.schema, "id", onDelete: .cascade))
            .field("reporter_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("reporter_name", .string, .required)
            .field("problem", .string, .required)
            .field("details", .string, .required)
            .field("opportunity_title", .string, .required)
            .field("created_at", .datetime, .required)
            .field("resolved_at", .datetime)
            .field("resolution", .string)
            .field("resolution_note", .string)
            // Once per listing and person, even when two reports race.
            .unique(on: "opportunity_id", "reporter_id")
            .create()
        try await database.createIndex("listing_reports_open", on: ListingReport.schema, columns: ["resolved_at", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ListingReport.schema).delete()
    }
}
