import Fluent
import RoundsCore
import SQLKit
import Vapor

/// Two-factor sign-in with TOTP: enrolment, checking codes (each accepted once), recovery codes.
struct TwoFactorService {
    let db: any Database
    let now: Date
    let failureLimit: RateLimit

    static let issuer = "Rounds"

    private var unixTime: Int64 { Int64(self.now.timeIntervalSince1970) }

    /// The secret being enrolled, made on first visit and kept until a code confirms it.
    func pendingSecret(for user: User) async throws -> String {
        if let secret = user.totpPendingSecret { return secret }
        let secret = AuthenticatorSecret.random().base32
        user.totpPendingSecret = secret
        try await user.save(on: self.db)
        return secret
    }

    /// Turns two-factor sign-in on once `code` proves the app holds the pending secret; returns the
    /// recovery codes, to be shown once.
    func enable(for user: User, code: String) async throws -> [String] {
        guard let pending = user.totpPendingSecret, let secret = AuthenticatorSecret(base32: pending) else {
            throw Abort(.badRequest, reason: "Start the set-up again: open the two-factor page.")
        }
        try await self.enforceLimit(user)
        guard let step = secret.matchingStep(code, at: self.unixTime, lastUsedStep: nil) else {
            try await self.recordFailure(user)
            throw ValidationReport([FieldError(field: "code", message: "That code is not right. Check the app's clock and type the current code.")])
        }
        return try await self.db.transaction { db in
            user.totpSecret = pending
            user.totpPendingSecret = nil
            user.totpEnabledAt = self.now
            user.totpLastStep = step
            try await user.save(on: db)
            return try await Self.replaceRecoveryCodes(of: user, on: db)
        }
    }

    /// Checks a second factor: a current TOTP code (once only) or an unused recovery code (spent).
    func verify(_ typed: String, for user: User) async throws -> Bool {
        try await self.enforceLimit(user)
        let accepted = try await self.check(typed, for: user)
        if !accepted { try await self.recordFailure(user) }
        return accepted
    }

    private func check(_ typed: String, for user: User) async throws -> Bool {
        let userID = try user.requireID()
        let normalized = RecoveryCode.normalize(typed)
        if normalized.count == 12 {
            // Spent by a conditional update, so a code cannot be used twice even concurrently.
            let spent = try await self.db.updateReturningCount(
                RecoveryCode.schema,
                set: [("used_at", self.now)],
                where: {
                    $0.where("user_id", .equal, SQLBind(userID))
                        .where("code_hash", .equal, SQLBind(SecretToken.hash(normalized)))
                        .where("used_at", .is, SQLLiteral.null)
                }
            )
            return spent == 1
        }
        guard let stored = user.totpSecret, let secret = AuthenticatorSecret(base32: stored),
            let step = secret.matchingStep(typed, at: self.unixTime, lastUsedStep: user.totpLastStep)
        else { return false }
        // Record the step only if no other request used it or a later one first (replay refused).
        let recorded = try await self.db.updateReturningCount(
            User.schema,
            set: [("totp_last_step", step)],
            where: {
                $0.where("id", .equal, SQLBind(userID))
                    .where { $0.where("totp_last_step", .is, SQLLiteral.null).orWhere("totp_last_step", .lessThan, SQLBind(step)) }
            }
        )
        if recorded == 1 { user.totpLastStep = step }
        return recorded == 1
    }

    /// Replaces the recovery codes after checking a second factor.
    func regenerateRecoveryCodes(for user: User, code: String) async throws -> [String] {
        guard try await self.verify(code, for: user) else {
            throw ValidationReport([FieldError(field: "code", message: "That code is not right.")])
        }
        return try await self.db.transaction { db in try await Self.replaceRecoveryCodes(of: user, on: db) }
    }

    /// Turns two-factor sign-in off (applicants only; other roles must keep it).
    func disable(for user: User, code: String) async throws {
        guard !user.mustUseTwoFactor else {
            throw Abort(.forbidden, reason: "Hosts, advisors and admins must keep two-factor sign-in on.")
        }
        guard try await self.verify(code, for: user) else {
            throw ValidationReport([FieldError(field: "code", message: "That code is not right.")])
        }
        try await self.db.transaction { db in
            user.totpSecret = nil
            user.totpPendingSecret = nil
            user.totpEnabledAt = nil
            user.totpLastStep = nil
            try await user.save(on: db)
            try await RecoveryCode.query(on: db).filter(\.$user.$id == user.requireID()).delete()
        }
    }

    func unusedRecoveryCodeCount(for user: User) async throws -> Int {
        try await RecoveryCode.query(on: self.db).filter(\.$user.$id == user.requireID()).filter(\.$usedAt == nil).count()
    }

    private static func replaceRecoveryCodes(of user: User, on db: any Database) async throws -> [String] {
        let userID = try user.requireID()
        try await RecoveryCode.query(on: db).filter(\.$user.$id == userID).delete()
        let codes = (0..<RecoveryCode.countPerUser).map { _ in RecoveryCode.generate() }
        for code in codes {
            try await RecoveryCode(userID: userID, codeHash: SecretToken.hash(RecoveryCode.normalize(code))).create(on: db)
        }
        return codes
    }

    private func enforceLimit(_ user: User) async throws {
        try await RateLimiter(db: self.db, now: self.now)
            .check("2fa:account:\(try user.requireID())", rule: self.failureLimit)
            .enforce("two-factor attempts")
    }

    private func recordFailure(_ user: User) async throws {
        try await RateLimiter(db: self.db, now: self.now).record("2fa:account:\(try user.requireID())", rule: self.failureLimit)
    }
}

extension Request {
    var twoFactor: TwoFactorService {
        TwoFactorService(db: self.db, now: self.now, failureLimit: self.config.rateLimits.twoFactorFailuresPerAccount)
    }
}
