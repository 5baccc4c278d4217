import Fluent

struct AddTwoFactorToUser: AsyncMigration {
    /// SQLite's ALTER TABLE adds or drops one column per statement, so each column is its own update.
    static let columns: [(String, DatabaseSchema.DataType)] = [
        ("totp_secret", .string),
        ("totp_pending_secret", .string),
        ("totp_enabled_at", .datetime),
        ("totp_last_step", .int64),
    ]

    func prepare(on database: any Database) async throws {
        for (name, type) in Self.columns {
            try await database.schema("users").field(FieldKey(stringLiteral: name), type).update()
        }
    }

    func revert(on database: any Database) async throws {
        for (name, _) in Self.columns.reversed() {
            try await database.schema("users").deleteField(FieldKey(stringLiteral: name)).update()
        }
    }
}
