import Fluent
import SQLKit

/// The number of accepted places of a session. Accepting increments it with `WHERE seats_taken < seats`
/// in the same transaction as the status change, which is what makes overbooking impossible.
struct AddSeatsTakenToSession: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.alter(table: "opportunity_sessions").column("seats_taken", type: .bigint, .notNull, .default(0)).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("opportunity_sessions").deleteField("seats_taken").update()
    }
}
