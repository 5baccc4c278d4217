import Fluent
import Foundation
import RoundsCore
import Vapor

@testable import RoundsApp

enum Factories {
    /// A user with any roles (sign-up only offers applicant and host), password `Browser.password`.
    @discardableResult
    static func user(_ app: Application, email: String, roles: Set<Role>, name: String = "Test User") async throws -> User {
        let hash = try await app.services.passwordHasher.hash(Browser.password, on: app.threadPool)
        let user = User(email: email, displayName: name, passwordHash: hash, roles: roles)
        try await user.create(on: app.db)
        return user
    }

    /// A signed-in browser and API client for a new user with `roles`.
    static func signedIn(_ app: Application, email: String, roles: Set<Role>) async throws -> (Browser, APIClient) {
        let user = try await Self.user(app, email: email, roles: roles)
        let browser = Browser(app)
        try await browser.signIn(email: email)
        let created = try await APITokens.create(for: user, name: "tests", on: app.db, now: app.services.clock.now())
        return (browser, APIClient(app: app, token: created.secret))
    }
}
