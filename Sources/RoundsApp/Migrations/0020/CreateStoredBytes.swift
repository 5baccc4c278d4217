import Fluent

/// Uploaded files kept in the database when ROUNDS_DOCUMENT_STORE=database.
struct CreateStoredBytes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StoredBytes.schema)
            .field("key", .string, .identifier(auto: false))
            .field("bytes", .data, .required)
            .field("byte_count", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StoredBytes.schema).delete()
    }
}
