import Fluent
import SQLKit

/// People delete their own accounts; the deletion waits out a grace period.
struct AddAccountDeletion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(User.schema).field("deletion_requested_at", .datetime).update()
        try await database.schema(User.schema).field("deletion_due_at", .datetime).update()
        try await database.createIndex("users_deletion_due", on: User.schema, columns: ["deletion_due_at"])
    }

    func revert(on database: any Database) async throws {
        // SQLite refuses to drop a column an index still names.
        try await database.sql.drop(index: "users_deletion_due").run()
        try await database.schema(User.schema).deleteField("deletion_due_at").update()
        try await database.schema(User.schema).deleteField("deletion_requested_at").update()
    }
}
