import Fluent

/// The two ERAS fields experiences lacked: frequency of participation and key characteristic. Existing
/// experiences keep no value (the ERAS export asks for the frequency before it lets them out).
/// One column per statement: SQLite adds one column per ALTER TABLE.
struct AddERASParticipation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("experiences").field("frequency", .string).update()
        try await database.schema("experiences").field("key_characteristic", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("experiences").deleteField("key_characteristic").update()
        try await database.schema("experiences").deleteField("frequency").update()
    }
}
