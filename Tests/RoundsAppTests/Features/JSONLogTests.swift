import Fluent
import Foundation
import Logging
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 23, structured logs: with `ROUNDS_LOG_FORMAT=json`, one JSON object per record and one record
/// per request with its route pattern, status, duration and a hashed user id; never a query string.
@Suite struct JSONLogTests {
    @Test func aRecordIsOneLineOfJSON() throws {
        let line = JSONLogHandler.line(
            time: Date(timeIntervalSince1970: 1_796_216_405), level: .info, label: "rounds", message: "said \"hi\"\nthen left",
            metadata: ["route": .string("/statements/:statementID"), "status": .stringConvertible(200), "list": .array([.string("a")])])
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == "said \"hi\"\nthen left" && object["level"] as? String == "info")
        #expect(object["route"] as? String == "/statements/:statementID" && object["status"] as? String == "200")
        #expect((object["time"] as? String)?.hasPrefix("2026-12-02T13:00:05") == true)
    }

    @Test func eachRequestIsLoggedByItsRouteWithoutItsQuery() async throws {
        let logs = LogCapture()
        try await withRoundsApp(logs: logs, adjust: { $0.logsJSON = true }) { app in
            let (browser, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            let user = try #require(try await User.find(email: "amara@example.org", on: app.db))
            _ = try await browser.get("/statements/\(UUID())?token=secret-in-query")
            let line = try #require(logs.text.split(separator: "\n").last { $0.contains("request") && $0.contains("route=/statements/:statementID") })
            #expect(line.contains("status=404") && line.contains("method=GET") && line.contains("duration_ms="))
            #expect(line.contains("user=\(SecretToken.hash(user.id!.uuidString).prefix(16))"))
            #expect(!logs.text.contains("secret-in-query"))
        }
    }

    @Test func anUnknownFormatIsRefusedAtStart() {
        #expect(throws: ConfigurationError.self) { try AppConfig.load(for: .development, from: ["ROUNDS_LOG_FORMAT": "xml"]) }
        #expect((try? AppConfig.load(for: .development, from: ["ROUNDS_LOG_FORMAT": "JSON"]))?.logsJSON == true)
    }
}
