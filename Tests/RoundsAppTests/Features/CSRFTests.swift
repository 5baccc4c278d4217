import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

@Suite struct CSRFTests {
    /// Every unsafe HTML route, with a form that would change something if accepted.
    static let unsafeRoutes: [(path: String, form: [(String, String)])] = [
        (SiteRoute.signUp.path, [("display_name", "Mallory"), ("email", "mallory@example.org"), ("password", "mallory's long password"), ("role", "applicant")]),
        (SiteRoute.signIn.path, [("email", "amara@example.org"), ("password", Browser.password)]),
        (SiteRoute.signOut.path, []),
        (SiteRoute.forgotPassword.path, [("email", "amara@example.org")]),
        (SiteRoute.resetPassword.path, [("token", "x"), ("password", "mallory's long password")]),
        (SiteRoute.changePassword.path, [("current_password", Browser.password), ("new_password", "mallory's long password")]),
        (SiteRoute.tokens.path, [("name", "mallory")]),
        (SiteRoute.profile.path, [("track", "pre_med"), ("visa_status", "us_citizen")]),
    ]

    enum Forgery: CaseIterable {
        case missingToken, wrongToken, crossSiteOrigin, crossSiteFetch
    }

    @Test(arguments: Forgery.allCases)
    func forgedFormsAreRefusedAndChangeNothing(_ forgery: Forgery) async throws {
        try await withRoundsApp { app in
            let victim = Browser(app)
            try await victim.signUp(email: "amara@example.org")
            let before = try await DatabaseSnapshot(app.db)
            for route in Self.unsafeRoutes {
                let response: TestingHTTPResponse
                switch forgery {
                case .missingToken:
                    response = try await victim.post(route.path, form: route.form, csrf: nil)
                case .wrongToken:
                    response = try await victim.post(route.path, form: route.form, csrf: SecretToken().value)
                case .crossSiteOrigin:
                    response = try await victim.post(route.path, form: route.form, headers: ["Origin": "https://evil.example"])
                case .crossSiteFetch:
                    response = try await victim.post(route.path, form: route.form, headers: ["Sec-Fetch-Site": "cross-site"])
                }
                #expect(response.status == .forbidden, "\(route.path) with \(forgery)")
            }
            #expect(try await DatabaseSnapshot(app.db) == before)
            #expect(try await victim.get(SiteRoute.account.path).status == .ok)
        }
    }

    @Test func aTokenFromAnotherBrowserDoesNotWork() async throws {
        try await withRoundsApp { app in
            let attacker = Browser(app)
            try await attacker.get(SiteRoute.home.path)
            let victim = Browser(app)
            try await victim.get(SiteRoute.home.path)
            let response = try await victim.post(
                SiteRoute.signUp.path,
                form: [("display_name", "X"), ("email", "x@example.org"), ("password", "a long enough phrase"), ("role", "applicant")],
                csrf: attacker.csrfToken
            )
            #expect(response.status == .forbidden)
        }
    }

    @Test func theSameSiteOriginIsAccepted() async throws {
        try await withRoundsApp { app in
            let browser = Browser(app)
            try await browser.get(SiteRoute.home.path)
            let response = try await browser.post(
                SiteRoute.forgotPassword.path,
                form: [("email", "a@example.org")],
                headers: ["Origin": "http://localhost:8080", "Host": "localhost:8080", "Sec-Fetch-Site": "same-origin"]
            )
            #expect(response.status == .ok)
        }
    }
}

/// Row counts of every table, to show a refused request wrote nothing.
struct DatabaseSnapshot: Equatable {
    var counts: [String: Int]
    var passwordHashes: [String]

    init(_ db: any Database) async throws {
        self.counts = [
            "users": try await User.query(on: db).count(),
            "sessions": try await UserSession.query(on: db).count(),
            "tokens": try await APIToken.query(on: db).count(),
            "resets": try await PasswordReset.query(on: db).count(),
            "profiles": try await ApplicantProfile.query(on: db).count(),
            "outbox": try await OutboxMessage.query(on: db).count(),
        ]
        self.passwordHashes = try await User.query(on: db).all().map(\.passwordHash).sorted()
    }
}

extension CSRFTests {
    @Test func theAPISetsNoCookies() async throws {
        try await withRoundsApp { app in
            let response = try await APIClient(app: app).send(.GET, APIRoute.opportunities.path)
            #expect(response.status == .ok)
            #expect(response.headers[.setCookie].isEmpty)
        }
    }
}
