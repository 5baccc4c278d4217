import Fluent
import RoundsCore
import Vapor

/// The rules of accounts, over a database: sign-up, sign-in with rate limits, sessions, passwords.
/// Controllers call it; tests call it directly.
struct AccountService {
    let db: any Database
    let config: AppConfig
    let services: AppServices
    let threadPool: NIOThreadPool

    var now: Date { self.services.clock.now() }
    var policy: PasswordPolicy { PasswordPolicy(commonPasswords: self.services.commonPasswords) }
    private var limiter: RateLimiter { RateLimiter(db: self.db, now: self.now) }

    /// Creates an account; throws `ValidationReport` for bad input (including an e-mail already in use).
    func signUp(_ form: SignUpForm, ip: String) async throws -> User {
        try await self.limiter.hit("signup:ip:\(ip)", rule: self.config.rateLimits.signUpsPerIP).enforce("sign-ups")
        var report = form.validate(policy: self.policy)
        if report.isValid, try await User.find(email: form.email, on: self.db) != nil {
            report.errors.append(
                FieldError(field: "email", message: "An account already uses this e-mail. Sign in or reset the password.")
            )
        }
        try report.throwIfInvalid()
        let hash = try await self.services.passwordHasher.hash(form.password, on: self.threadPool)
        let user = User(
            email: form.email,
            displayName: form.displayName.trimmingWhitespace(),
            passwordHash: hash,
            roles: [Role(rawValue: form.role) ?? .applicant]
        )
        try await user.create(on: self.db)
        return user
    }

    /// Checks e-mail and password. Unknown e-mail and wrong password take the same path (a hash is always
    /// verified) and raise the same error, so the answer does not reveal whether an account exists.
    func authenticate(email: String, password: String, ip: String) async throws -> User {
        let accountBucket = "signin:account:\(EmailAddress.normalize(email))"
        let ipBucket = "signin:ip:\(ip)"
        let rules = self.config.rateLimits
        try await self.limiter.check(ipBucket, rule: rules.signInFailuresPerIP).enforce("sign-in attempts")
        try await self.limiter.check(accountBucket, rule: rules.signInFailuresPerAccount).enforce("sign-in attempts")

        let user = try await User.find(email: email, on: self.db)
        let hash = user?.passwordHash ?? self.dummyHash
        let matches = try await self.services.passwordHasher.verify(password, against: hash, on: self.threadPool)
        guard let user, matches, password.count <= PasswordPolicy.maximumLength else {
            try await self.limiter.record(ipBucket, rule: rules.signInFailuresPerIP)
            try await self.limiter.record(accountBucket, rule: rules.signInFailuresPerAccount)
            throw Abort(.unauthorized, reason: "E-mail or password is wrong.")
        }
        try await self.limiter.reset(accountBucket, rule: rules.signInFailuresPerAccount)
        return user
    }

    /// A Bcrypt hash of a random password at the configured cost, verified when the e-mail is unknown.
    private var dummyHash: String {
        DummyHash.value(cost: self.services.passwordHasher.cost)
    }

    /// Starts a browser session and returns the secret for its cookie.
    func startSession(for user: User) async throws -> String {
        let token = SecretToken()
        try await UserSession(userID: try user.requireID(), tokenHash: token.hash, now: self.now).create(on: self.db)
        return token.value
    }

    /// Ends every session of the user except `keeping`, e.g. after a password change.
    func endSessions(of userID: User.IDValue, keeping: UserSession.IDValue? = nil) async throws {
        var query = UserSession.query(on: self.db).filter(\.$user.$id == userID)
        if let keeping { query = query.filter(\.$id != keeping) }
        try await query.delete()
    }

    /// Replaces the password after checking the current one; ends the user's other sessions.
    func changePassword(
        of user: User,
        current: String,
        new: String,
        keepingSession session: UserSession.IDValue?
    ) async throws {
        let matches = try await self.services.passwordHasher.verify(current, against: user.passwordHash, on: self.threadPool)
        var report = ValidationReport()
        if !matches { report.errors.append(FieldError(field: "current_password", message: "This is not your current password.")) }
        if let problem = self.policy.check(new, field: "new_password") { report.errors.append(problem) }
        try report.throwIfInvalid()
        user.passwordHash = try await self.services.passwordHasher.hash(new, on: self.threadPool)
        try await self.db.transaction { db in
            try await user.save(on: db)
            try await AccountService(db: db, config: self.config, services: self.services, threadPool: self.threadPool)
                .endSessions(of: try user.requireID(), keeping: session)
        }
    }
}

/// One random password's hash per cost, made once; verifying against it costs what a real check costs.
enum DummyHash {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var hashes: [Int: String] = [:]

    static func value(cost: Int) -> String {
        lock.withLock {
            if let hash = hashes[cost] { return hash }
            let hash = (try? Bcrypt.hash(SecretToken().value, cost: cost)) ?? ""
            hashes[cost] = hash
            return hash
        }
    }
}
