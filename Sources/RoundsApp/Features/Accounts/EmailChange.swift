import Fluent
import Foundation
import RoundsCore
import SQLKit
import Vapor

/// A change of e-mail address waiting for its confirmation link; only the token's hash is stored.
final class EmailChange: Model, @unchecked Sendable {
    static let schema = "email_changes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "new_email") var newEmail: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}
}

/// Changing one's e-mail address: the password proves it is the owner, a link to the new address proves
/// the address is theirs, and the old address is told at both steps (a stolen session cannot move the
/// account away unnoticed). Asking for an address another account has looks the same to the asker; the
/// new address is sent a note instead of a link.
struct EmailChanges {
    let db: any Database
    let now: Date
    let origin: String

    static let lifetime: TimeInterval = 48 * 3600
    static let expired = Abort(.notFound, reason: "This link has expired or was already used. Ask for the change again from your account page.")

    /// The change the user is waiting on, if any (the latest unexpired, unused one).
    func pending(for user: User) async throws -> EmailChange? {
        try await EmailChange.query(on: self.db).filter(\.$user.$id == user.requireID()).filter(\.$usedAt == nil)
            .filter(\.$expiresAt > self.now).sort(\.$createdAt, .descending).first()
    }

    func request(_ raw: String, for user: User) async throws {
        let email = EmailAddress.normalize(raw)
        guard EmailAddress.isPlausible(email), raw.textLength <= EmailAddress.maximumLength else {
            throw ValidationReport([FieldError(field: "new_email", message: "Enter an e-mail address like name@example.org.")])
        }
        guard email != user.email else { throw ValidationReport([FieldError(field: "new_email", message: "That is your address already.")]) }
        let userID = try user.requireID()
        let taken = try await User.find(email: email, on: self.db) != nil
        let token = SecretToken(prefix: "email_")
        try await self.db.transaction { db in
            // One pending change at a time: asking again replaces the earlier link.
            try await EmailChange.query(on: db).filter(\.$user.$id == userID).filter(\.$usedAt == nil).delete()
            if taken {
                try await Outbox.enqueue(
                    to: email, subject: "Rounds: someone tried to use this address",
                    body: "Someone signed in to Rounds asked to move their account to this address, but this address already has an account. Nothing was changed. If it was you, sign in to that account instead.\n",
                    now: self.now, on: db)
            } else {
                let change = EmailChange()
                change.$user.id = userID
                change.newEmail = email
                change.tokenHash = token.hash
                change.createdAt = self.now
                change.expiresAt = self.now.addingTimeInterval(Self.lifetime)
                try await change.create(on: db)
                try await Outbox.enqueue(
                    to: email, subject: "Rounds: confirm your new e-mail address",
                    body: "Confirm that Rounds may use this address for \(user.displayName)'s account. The link works once, for 48 hours:\n\n\(self.origin)\(SiteRoute.confirmEmailChange.path(query: [("token", token.value)]))\n\nIf you did not ask for this, ignore this message.\n",
                    now: self.now, on: db)
            }
            try await Outbox.enqueue(
                to: user.email, subject: "Rounds: a change of e-mail address was asked for",
                body: "Someone signed in to your Rounds account asked to use \(email) instead of this address. Nothing changes until the new address confirms. If this was not you, change your password now and sign out your other browsers from your account page.\n",
                now: self.now, on: db)
        }
    }

    /// The change a link names, while it can still be used.
    func change(token: String?) async throws -> EmailChange {
        guard let token, !token.isEmpty, token.utf8.count <= 100,
            let change = try await EmailChange.query(on: self.db).filter(\.$tokenHash == SecretToken.hash(token)).with(\.$user).first(),
            change.usedAt == nil, change.expiresAt > self.now
        else { throw Self.expired }
        return change
    }

    /// Spends the link and moves the account to the new address; the old address is told.
    func confirm(token: String?) async throws -> User {
        let change = try await self.change(token: token)
        let user = change.user
        let old = user.email
        do {
            try await self.db.transaction { db in
                let spent = try await db.updateReturningCount(EmailChange.schema, set: [("used_at", self.now)]) {
                    $0.where("id", .equal, SQLBind(change.id)).where("used_at", .is, SQLLiteral.null)
                }
                guard spent == 1 else { throw Self.expired }
                user.email = change.newEmail
                user.emailNormalized = EmailAddress.normalize(change.newEmail)
                try await user.save(on: db)
                try await Outbox.enqueue(
                    to: old, subject: "Rounds: your e-mail address was changed",
                    body: "Your Rounds account now uses \(change.newEmail); this address gets no more mail from it. If this was not you, reset your password from the sign-in page using the new address, or write to the administrators.\n",
                    now: self.now, on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another account took the address after the link was sent.
            throw Abort(.conflict, reason: "Another account uses that address now; the change was not made.")
        }
        return user
    }
}

extension Request {
    var emailChanges: EmailChanges { EmailChanges(db: self.db, now: self.now, origin: self.application.config.server.origin) }
}
