import Fluent
import Foundation
import SQLKit

/// Seats of a session, changed only by conditional updates inside the caller's transaction. Taking a
/// seat is `seats_taken = seats_taken + 1 WHERE seats_taken < seats`: on SQLite the write lock and on
/// PostgreSQL the row lock make concurrent takers queue, and the condition is checked again by each,
/// so the count can never pass the number of seats whatever the number of app instances. Search shows
/// seats left, so each move is logged as a catalog change in the same transaction.
enum SeatLedger {
    /// Takes one seat; false when every seat is taken.
    static func take(session id: UUID, on db: any Database) async throws -> Bool {
        let moved = try await db.sql.update(OpportunitySession.schema)
            .set(SQLIdentifier("seats_taken"), to: SQLBinaryExpression(SQLIdentifier("seats_taken"), .add, SQLLiteral.numeric("1")))
            .where(SQLIdentifier("id"), .equal, SQLBind(id))
            .where(SQLIdentifier("seats_taken"), .lessThan, SQLIdentifier("seats"))
            .returning("opportunity_id")
            .all()
        try await self.log(moved, on: db)
        return moved.count == 1
    }

    /// Gives back a seat held by an accepted application that is leaving.
    static func release(session id: UUID, on db: any Database) async throws {
        let moved = try await db.sql.update(OpportunitySession.schema)
            .set(SQLIdentifier("seats_taken"), to: SQLBinaryExpression(SQLIdentifier("seats_taken"), .subtract, SQLLiteral.numeric("1")))
            .where(SQLIdentifier("id"), .equal, SQLBind(id))
            .where(SQLIdentifier("seats_taken"), .greaterThan, SQLLiteral.numeric("0"))
            .returning("opportunity_id")
            .all()
        try await self.log(moved, on: db)
    }

    private static func log(_ moved: [any SQLRow], on db: any Database) async throws {
        guard let row = moved.first else { return }
        try await CatalogVersion.record([.opportunity(try row.decode(column: "opportunity_id", as: UUID.self))], on: db)
    }
}
