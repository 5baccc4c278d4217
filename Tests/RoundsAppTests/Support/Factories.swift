import Fluent
import Foundation
import RoundsCore
import Vapor

@testable import RoundsApp

enum Factories {
    /// The TOTP secret every factory user with two-factor sign-in shares (RFC 6238's test secret).
    static let totpSecret = Array("12345678901234567890".utf8)

    /// A user with any roles (sign-up only offers applicant and host), password `Browser.password`.
    /// Roles that must use two-factor sign-in get it set up with `totpSecret`, unless told otherwise.
    @discardableResult
    static func user(
        _ app: Application,
        email: String,
        roles: Set<Role>,
        name: String = "Test User",
        twoFactor: Bool? = nil
    ) async throws -> User {
        let hash = try await app.services.passwordHasher.hash(Browser.password)
        let user = User(email: email, displayName: name, passwordHash: hash, roles: roles)
        if twoFactor ?? user.mustUseTwoFactor {
            user.totpSecret = AuthenticatorSecret(bytes: Self.totpSecret).base32
            user.totpEnabledAt = app.services.clock.now()
        }
        try await user.create(on: app.db)
        return user
    }

    /// The current code for `totpSecret`. Moves a manual clock on one step first, so two sign-ins in a row
    /// do not present the same code (a replay would be refused).
    static func totpCode(_ app: Application) -> String {
        (app.services.clock as? ManualClock)?.advance(by: 30)
        return AuthenticatorSecret(bytes: Self.totpSecret).code(step: OneTimeCodeRule.step(at: Int64(app.services.clock.now().timeIntervalSince1970)))
    }

    /// A browser signed in as an existing user (with the two-factor step when their role needs it).
    static func browser(_ app: Application, signedInAs email: String) async throws -> Browser {
        let browser = Browser(app)
        let response = try await browser.signIn(email: email)
        if response.location == SiteRoute.signInTwoFactor.path {
            try await browser.post(SiteRoute.signInTwoFactor.path, form: [("code", Self.totpCode(app))])
        }
        return browser
    }

    /// A signed-in browser and API client for a new user with `roles`.
    static func signedIn(_ app: Application, email: String, roles: Set<Role>) async throws -> (Browser, APIClient) {
        let user = try await Self.user(app, email: email, roles: roles)
        let browser = Browser(app)
        let response = try await browser.signIn(email: email)
        if response.location == SiteRoute.signInTwoFactor.path {
            try await browser.post(SiteRoute.signInTwoFactor.path, form: [("code", Self.totpCode(app))])
        }
        let created = try await APITokens.create(for: user, name: "tests", on: app.db, now: app.services.clock.now())
        return (browser, APIClient(app: app, token: created.secret))
    }
}
