import Fluent
import RoundsCore
import Vapor

/// The rules of accounts, over a database: sign-up, sign-in with rate limits, sessions, passwords.
/// Controllers call it; tests call it directly.
struct AccountService {
    let db: any Database
    let config: AppConfig
    let services: AppServices

    var now: Date { self.services.clock.now() }
    var policy: PasswordPolicy { self.services.passwordPolicy }
    private var limiter: RateLimiter { RateLimiter(db: self.db, now: self.now) }

    /// Creates an account; throws `ValidationReport` for bad input (including an e-mail already in use).
    func signUp(_ form: SignUpForm, ip: String) async throws -> User {
        try await self.limiter.hit("signup:ip:\(ip)", rule: self.config.rateLimits.signUpsPerIP).enforce("sign-ups")
        var report = form.validate(policy: self.policy)
        if report.isValid, let breached = await self.breachedPasswordProblem(form.password, field: "password") {
            report.errors.append(breached)
        }
        if report.isValid, try await User.find(email: form.email, on: self.db) != nil {
            report.errors.append(
                FieldError(field: "email", message: "An account already uses this e-mail. Sign in or reset the password.")
            )
        }
        try report.throwIfInvalid()
        let hash = try await self.services.passwordHasher.hash(form.password)
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
    ///
    /// Wrong passwords are throttled per source, never per account alone, so nobody can lock an owner
    /// out by knowing their address: a browser holding the account's device cookie (`deviceToken`) counts
    /// only its own failures; every other source counts per account and address, and all of them together
    /// count in a one-minute window that slows a spread-out attack down without locking anyone for long.
    /// Per-address limits across accounts stay as they were.
    func authenticate(email: String, password: String, ip: String, deviceToken: String? = nil) async throws -> User {
        let account = EmailAddress.normalize(email)
        let rules = self.config.rateLimits
        let ipBucket = "signin:ip:\(ip)"
        try await self.limiter.check(ipBucket, rule: rules.signInFailuresPerIP).enforce("sign-in attempts")

        let user = try await User.find(email: email, on: self.db)
        var device: TrustedDevice?
        if let deviceToken, let userID = user?.id {
            device = try await TrustedDevice.find(token: deviceToken, userID: userID, now: self.now, on: self.db)
        }
        let buckets: [(String, RateLimit)]
        if let deviceID = device?.id {
            buckets = [("signin:device:\(deviceID)", rules.signInFailuresPerDevice)]
        } else {
            buckets = [
                ("signin:account-ip:\(account):\(ip)", rules.signInFailuresPerAccountAndIP),
                ("signin:account:\(account)", rules.signInFailuresPerAccount),
            ]
        }
        for (bucket, rule) in buckets {
            try await self.limiter.check(bucket, rule: rule).enforce("sign-in attempts")
        }

        let hash = user?.passwordHash ?? self.dummyHash
        let matches = try await self.services.passwordHasher.verify(password, against: hash)
        guard let user, matches, password.textLength <= PasswordPolicy.maximumLength else {
            try await self.limiter.record(ipBucket, rule: rules.signInFailuresPerIP)
            for (bucket, rule) in buckets { try await self.limiter.record(bucket, rule: rule) }
            throw Abort(.unauthorized, reason: "E-mail or password is wrong.")
        }
        // The owner's own failures from this source are forgiven; others' count on elsewhere.
        try await self.limiter.reset(buckets[0].0, rule: buckets[0].1)
        // Said only to someone who knows the password, so it tells strangers nothing.
        if user.isDisabled {
            throw Abort(.forbidden, reason: "This account is disabled: \(user.disabledReason ?? "no reason given"). Write to the administrators if you think this is a mistake.")
        }
        return user
    }

    /// Trusts the browser that just signed in to `user`: the secret for its device cookie, or nil when the
    /// cookie it presented already stands for this account.
    func trustDevice(for user: User, presented: String?) async throws -> String? {
        if let presented, try await TrustedDevice.find(token: presented, userID: try user.requireID(), now: self.now, on: self.db) != nil {
            return nil
        }
        let token = SecretToken()
        try await TrustedDevice(userID: try user.requireID(), tokenHash: token.hash, now: self.now).create(on: self.db)
        return token.value
    }

    /// What is wrong with `password` as the new password of `user`: the policy first, then, where
    /// configured, the breached-password service.
    func newPasswordProblem(_ password: String, field: String, of user: User) async -> FieldError? {
        if let problem = self.policy.check(password, field: field, userInputs: [user.email, user.displayName]) { return problem }
        return await self.breachedPasswordProblem(password, field: field)
    }

    /// Refuses a password the breached-password service has seen. When the service cannot be reached the
    /// password is allowed (the policy has already passed it) and a warning is logged: an outage there must
    /// not stop people from signing up or resetting.
    func breachedPasswordProblem(_ password: String, field: String) async -> FieldError? {
        guard let checker = self.services.breachedPasswords else { return nil }
        do {
            let seen = try await checker.timesSeen(password)
            guard seen > 0 else { return nil }
            return FieldError(
                field: field,
                message: "This password has appeared in \(seen == 1 ? "a data breach" : "data breaches") (Pwned Passwords); choose another."
            )
        } catch {
            Logger(label: "rounds.passwords").warning("Breached-password check failed; allowing the password", metadata: ["error": "\(error)"])
            return nil
        }
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

    /// The refusal every re-authentication shows (password and e-mail changes, data export, deletion).
    static let wrongCurrentPassword = FieldError(field: "current_password", message: "This is not your current password.")

    /// Whether `typed` is the user's password: asked again before changes and exports a session alone
    /// must not make.
    func isCurrentPassword(_ typed: String, of user: User) async throws -> Bool {
        try await self.services.passwordHasher.verify(typed, against: user.passwordHash)
    }

    /// Replaces the password after checking the current one; ends the user's other sessions.
    func changePassword(
        of user: User,
        current: String,
        new: String,
        keepingSession session: UserSession.IDValue?
    ) async throws {
        var report = ValidationReport()
        if !(try await self.isCurrentPassword(current, of: user)) { report.errors.append(Self.wrongCurrentPassword) }
        if let problem = await self.newPasswordProblem(new, field: "new_password", of: user) { report.errors.append(problem) }
        try report.throwIfInvalid()
        user.passwordHash = try await self.services.passwordHasher.hash(new)
        try await self.db.transaction { db in
            try await user.save(on: db)
            try await AccountService(db: db, config: self.config, services: self.services)
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
