import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Runs the account flows with logging at debug level and searches the captured log for every secret
/// those flows handled: passwords, session and CSRF cookies, reset links and API tokens.
@Suite struct LogHygieneTests {
    @Test func secretsNeverReachTheLogs() async throws {
        let logs = LogCapture()
        try await withRoundsApp(logs: logs) { app in
            let password = "planted password 4f9c2e"
            let newPassword = "planted new password 81b7aa"
            var secrets: [String] = [password, newPassword]

            let browser = Browser(app)
            try await browser.signUp(email: "planted@example.org", password: password)
            secrets += [try #require(browser.sessionToken), try #require(browser.csrfToken)]
            try await Browser(app).signIn(email: "planted@example.org", password: "planted wrong password 0d3e")
            secrets.append("planted wrong password 0d3e")

            try await Browser(app).post(SiteRoute.forgotPassword.path, form: [("email", "planted@example.org")])
            let resetToken = try await PasswordResetTests.resetToken(in: app)
            secrets.append(resetToken)
            try await Browser(app).get(SiteRoute.resetPassword.path(query: [("token", resetToken)]))
            try await Browser(app).post(SiteRoute.resetPassword.path, form: [("token", resetToken), ("password", newPassword)])

            let tokenResponse = try await APIClient(app: app).send(
                .POST, APIRoute.tokens.path, json: ["email": "planted@example.org", "password": newPassword, "name": "planted"]
            )
            let apiToken = try tokenResponse.content.get(String.self, at: "token")
            secrets.append(apiToken)
            _ = try await APIClient(app: app, token: apiToken).send(.GET, APIRoute.me.path)
            _ = try await APIClient(app: app, token: apiToken).send(.PUT, APIRoute.profile.path, raw: "{not json")

            let text = logs.text
            #expect(text.contains("POST /sign-in"), "the capture must see request logs for this test to mean anything")
            for secret in secrets {
                #expect(!text.contains(secret), "a secret reached the log")
            }
        }
    }
}
