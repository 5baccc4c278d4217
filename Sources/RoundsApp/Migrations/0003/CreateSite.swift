import Fluent

struct CreateSite: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sites")
            // managed fields
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            // data fields
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("street", .string, .required)
            .field("city", .string, .required)
            .field("state", .string, .required)
            .field("zip", .string, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("website", .string)
            .field("is_verified", .bool, .required)
            // relationships
            .field("host_id", .uuid, .required, .references("users", "id", onDelete: .restrict))
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sites").delete()
    }
}
