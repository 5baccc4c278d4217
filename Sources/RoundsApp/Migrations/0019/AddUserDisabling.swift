import Fluent

/// Administrators disable and re-enable accounts, with a reason the person is shown.
struct AddUserDisabling: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(User.schema).field("disabled_at", .datetime).update()
        try await database.schema(User.schema).field("disabled_reason", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("disabled_reason").update()
        try await database.schema(User.schema).deleteField("disabled_at").update()
    }
}
