import Foundation
import NIOConcurrencyHelpers
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 13, defect 5, through the app: the strength estimate at sign-up, password change and reset, and
/// the optional Pwned Passwords range check (k-anonymity: only five hex characters of the SHA-1 leave).
@Suite struct PasswordStrengthAppTests {
    @Test func signUpRefusesPredictablePasswordsWithAdvice() async throws {
        try await withRoundsApp { app in
            let refused = try await Browser(app).signUp(email: "amara@example.org", password: "Password1234")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("This password is too easy to guess."))
            // The account's own name is among the first guesses.
            let own = try await Browser(app).signUp(email: "amara@example.org", name: "Amara Okafor", password: "AmaraOkafor2026")
            #expect(own.status == .unprocessableEntity)
            #expect(try await Browser(app).signUp(email: "amara@example.org", password: "a quiet walk by the river").status == .seeOther)
        }
    }

    /// A Pwned Passwords range server on loopback that answers like the real one and records what it was asked.
    final class RangeServer: Sendable {
        let app: Application
        let asked = NIOLockedValueBox<[String]>([])
        let port: Int

        init(breached: [String: Int]) async throws {
            let app = try await Application.make(.testing)
            let asked = self.asked
            app.get("range", ":prefix") { req -> String in
                let prefix = req.parameters.get("prefix") ?? ""
                asked.withLockedValue { $0.append(req.url.path + (req.headers.first(name: "Add-Padding").map { " padding=\($0)" } ?? "")) }
                var lines = (0..<5).map { _ in UUID().uuidString.replacingOccurrences(of: "-", with: "") + "000:0" }  // padding
                for (password, count) in breached {
                    let split = PwnedPasswordsRange.split(password)
                    if split.prefix == prefix { lines.append("\(split.suffix):\(count)") }
                }
                return lines.joined(separator: "\r\n")
            }
            app.http.server.configuration.hostname = "127.0.0.1"
            app.http.server.configuration.port = 0
            try app.server.start()
            self.app = app
            self.port = try #require(app.http.server.shared.localAddress?.port)
        }

        func stop() async throws {
            await self.app.server.shutdown()
            try await self.app.asyncShutdown()
        }
    }

    @Test func aBreachedPasswordIsRefusedAndOnlyAHashPrefixIsSent() async throws {
        let breached = "violet marmalade sunrise"
        let server = try await RangeServer(breached: [breached: 42])
        do {
            try await withRoundsApp(adjust: { $0.security.pwnedPasswordsURL = "http://127.0.0.1:\(server.port)" }) { app in
                let refused = try await Browser(app).signUp(email: "amara@example.org", password: breached)
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.text.contains("appeared in data breaches"))
                let asked = server.asked.withLockedValue { $0 }
                let prefix = PwnedPasswordsRange.split(breached).prefix
                #expect(asked == ["/range/\(prefix) padding=true"])
                #expect(prefix.count == 5)
                #expect(try await Browser(app).signUp(email: "amara@example.org", password: "a quiet walk by the river").status == .seeOther)
            }
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func anUnreachableServiceDoesNotStopSignUps() async throws {
        // Port 9 (discard) on loopback: nothing listens there.
        try await withRoundsApp(adjust: { $0.security.pwnedPasswordsURL = "http://127.0.0.1:9" }) { app in
            let signUp = try await Browser(app).signUp(email: "amara@example.org", password: "a quiet walk by the river")
            #expect(signUp.status == .seeOther)
        }
    }

    @Test func rangeAnswersAreReadBySuffix() {
        let (prefix, suffix) = PwnedPasswordsRange.split("password")
        // SHA-1("password") = 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8
        #expect(prefix == "5BAA6")
        #expect(suffix == "1E4C9B93F3F0682250B6CF8331B7EE68FD8")
        let body = "0018A45C4D1DEF81644B54AB7F969B88D65:0\r\n1E4C9B93F3F0682250B6CF8331B7EE68FD8:9545824\r\n"
        #expect(PwnedPasswordsRange.count(of: suffix, in: body) == 9_545_824)
        #expect(PwnedPasswordsRange.count(of: "0018A45C4D1DEF81644B54AB7F969B88D65", in: body) == 0)
        #expect(PwnedPasswordsRange.count(of: "FFFF", in: body) == 0)
    }
}
