import Fluent
import SQLKit
import RoundsCore
import Vapor

/// Password reset by e-mailed link. Asking never reveals whether an account exists.
struct PasswordResetService {
    let accounts: AccountService

    private var db: any Database { self.accounts.db }

    /// Sends a link if the address belongs to an account; does the same visible thing either way.
    func request(email: String, ip: String) async throws {
        let now = self.accounts.now
        try await RateLimiter(db: self.db, now: now)
            .hit("reset:ip:\(ip)", rule: self.accounts.config.rateLimits.passwordResetsPerIP)
            .enforce("password reset requests")
        guard EmailAddress.isPlausible(email), let user = try await User.find(email: email, on: self.db) else { return }
        let token = SecretToken()
        let link = self.accounts.config.server.origin + SiteRoute.resetPassword.path(query: [("token", token.value)])
        try await self.db.transaction { db in
            try await PasswordReset(userID: try user.requireID(), tokenHash: token.hash, now: now).create(on: db)
            try await Outbox.enqueue(
                to: user.email,
                subject: "Reset your Rounds password",
                body: """
                    Hello \(user.displayName),

                    Someone asked to reset the password of your Rounds account. If it was you, open this link \
                    within an hour to choose a new password:

                    \(link)

                    If it was not you, ignore this message; your password stays as it is.
                    """,
                now: now,
                on: db
            )
        }
    }

    /// The reset a link's token stands for, if it is still usable.
    func usableReset(token: String, ip: String) async throws -> PasswordReset? {
        let links = LinkTokens(db: self.db, now: self.accounts.now, rule: self.accounts.config.rateLimits.badLinksPerIP)
        return try await links.find(token, ip: ip) { hash in
            let reset = try await PasswordReset.query(on: self.db).filter(\.$tokenHash == hash).with(\.$user).first()
            return reset.flatMap { $0.isUsable(now: self.accounts.now) ? $0 : nil }
        }
    }

    /// Sets the new password, spends the link and ends every session of the account.
    func complete(token: String, password: String, ip: String) async throws {
        guard let reset = try await self.usableReset(token: token, ip: ip) else {
            throw Abort(.badRequest, reason: "This reset link is invalid, used or expired. Ask for a new one.")
        }
        if let problem = await self.accounts.newPasswordProblem(password, field: "password", of: reset.user) {
            throw ValidationReport([problem])
        }
        let hash = try await self.accounts.services.passwordHasher.hash(password)
        let now = self.accounts.now
        try await self.db.transaction { db in
            // Spending the token is conditional, so two concurrent uses cannot both succeed.
            let spent = try await db.updateReturningCount(
                PasswordReset.schema,
                set: [("used_at", now)],
                where: { $0.where("id", .equal, SQLBind(reset.id)).where("used_at", .is, SQLLiteral.null) }
            )
            guard spent == 1 else { throw Abort(.badRequest, reason: "This reset link was already used.") }
            let user = reset.user
            user.passwordHash = hash
            try await user.save(on: db)
            try await UserSession.query(on: db).filter(\.$user.$id == user.requireID()).delete()
        }
    }
}
