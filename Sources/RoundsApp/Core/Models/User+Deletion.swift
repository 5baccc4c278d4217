import Fluent
import Foundation
import SQLKit

extension User {
    /// Signing in during the grace period keeps the account: the schedule is cleared (a conditional
    /// update, so a deletion already under way is not half undone) and the person told by e-mail.
    /// True when a scheduled deletion was cancelled.
    func cancelScheduledDeletion(now: Date, on db: any Database) async throws -> Bool {
        guard self.deletionDueAt != nil else { return false }
        let id = try self.requireID()
        let changed = try await db.updateReturningCount(
            User.schema, set: [("deletion_requested_at", Date?.none), ("deletion_due_at", Date?.none)],
            where: { $0.where("id", .equal, SQLBind(id)).where("deletion_due_at", .isNot, SQLLiteral.null) }
        )
        self.deletionRequestedAt = nil
        self.deletionDueAt = nil
        guard changed == 1 else { return false }
        try await Outbox.enqueue(
            to: self.email, subject: "Your Rounds account will not be deleted",
            body: """
                Hello \(self.displayName),

                You signed in to Rounds, so the deletion of your account that you asked for is cancelled.
                Everything stays as it was. If you did not sign in yourself, change your password now.
                """,
            now: now, on: db
        )
        return true
    }
}
