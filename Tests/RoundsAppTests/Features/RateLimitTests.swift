import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

@Suite struct RateLimitTests {
    @Test func failedSignInsPerAccountAreLimitedThenAllowedAgainAfterTheWindow() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withRoundsApp(clock: clock) { app in
            try await Browser(app).signUp(email: "amara@example.org")
            let limit = app.config.rateLimits.signInFailuresPerAccount.limit
            for _ in 0..<limit {
                #expect(try await Browser(app).signIn(email: "amara@example.org", password: "wrong password!").status == .unauthorized)
            }
            // Over the limit even the right password is refused, with a time to come back.
            let limited = try await Browser(app).signIn(email: "amara@example.org")
            #expect(limited.status == .tooManyRequests)
            let retryAfter = try #require(limited.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect(retryAfter > 0 && retryAfter <= 15 * 60)

            clock.advance(by: TimeInterval(retryAfter))
            #expect(try await Browser(app).signIn(email: "amara@example.org").status == .seeOther)
        }
    }

    @Test func aSuccessfulSignInClearsTheAccountsFailures() async throws {
        try await withRoundsApp { app in
            try await Browser(app).signUp(email: "amara@example.org")
            let limit = app.config.rateLimits.signInFailuresPerAccount.limit
            for _ in 0..<(limit - 1) {
                try await Browser(app).signIn(email: "amara@example.org", password: "wrong password!")
            }
            #expect(try await Browser(app).signIn(email: "amara@example.org").status == .seeOther)
            for _ in 0..<(limit - 1) {
                #expect(try await Browser(app).signIn(email: "amara@example.org", password: "wrong password!").status == .unauthorized)
            }
        }
    }

    @Test func failedSignInsPerAddressAreLimitedAcrossAccounts() async throws {
        try await withRoundsApp(adjust: { $0.rateLimits.signInFailuresPerIP.limit = 3 }) { app in
            for index in 0..<3 {
                try await Browser(app).signIn(email: "user\(index)@example.org", password: "wrong password!")
            }
            #expect(try await Browser(app).signIn(email: "fresh@example.org").status == .tooManyRequests)
        }
    }

    @Test func guessingResetLinksIsLimitedPerAddress() async throws {
        try await withRoundsApp(adjust: { $0.rateLimits.badLinksPerIP.limit = 3 }) { app in
            var statuses: [HTTPStatus] = []
            for guess in 0..<4 {
                statuses.append(try await Browser(app).get(Paths.with(Paths.resetPassword, query: [("token", "guess-\(guess)")])).status)
            }
            #expect(statuses == [.badRequest, .badRequest, .badRequest, .tooManyRequests])
        }
    }

    @Test func signUpsAndResetRequestsAreLimitedPerAddress() async throws {
        let tightLimits: (inout AppConfig) -> Void = { config in
            config.rateLimits.signUpsPerIP.limit = 2
            config.rateLimits.passwordResetsPerIP.limit = 2
        }
        try await withRoundsApp(adjust: tightLimits) { app in
            var statuses: [HTTPStatus] = []
            for email in ["a@example.org", "b@example.org", "c@example.org"] {
                statuses.append(try await Browser(app).signUp(email: email).status)
            }
            #expect(statuses == [.seeOther, .seeOther, .tooManyRequests])
            #expect(try await User.query(on: app.db).count() == 2)
            statuses = []
            for _ in 0..<3 {
                statuses.append(try await Browser(app).post(Paths.forgotPassword, form: [("email", "a@example.org")]).status)
            }
            #expect(statuses == [.ok, .ok, .tooManyRequests])
        }
    }
}
