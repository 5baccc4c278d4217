import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 23: `/readyz` asks the database; `/metrics` speaks Prometheus's text format to whoever holds
/// the configured token, and is off without one.
@Suite struct OperationsTests {
    static let token = "metrics-token-for-tests-0123456789"

    @Test func metricsNeedTheTokenAndCarryRequestAndRoundsMetrics() async throws {
        try await withRoundsApp(adjust: { $0.server.metricsToken = Self.token }) { app in
            let browser = Browser(app)
            #expect(try await browser.get(SiteRoute.healthz.path).status == .ok)
            try await Outbox.enqueue(to: "someone@example.org", subject: "s", body: "b", now: Date(), on: app.db)

            #expect(try await browser.get(SiteRoute.metrics.path).status == .unauthorized)
            #expect(try await browser.get(SiteRoute.metrics.path, headers: ["Authorization": "Bearer wrong"]).status == .unauthorized)
            let scrape = try await browser.get(SiteRoute.metrics.path, headers: ["Authorization": "Bearer \(Self.token)"])
            #expect(scrape.status == .ok)
            #expect(scrape.headers.first(name: .contentType) == "text/plain; version=0.0.4; charset=utf-8")
            let text = scrape.text
            // Vapor's request metrics, labelled by route pattern (never by the path a client typed).
            #expect(text.contains(#"http_requests_total{method="GET",path="/healthz",status="200"}"#))
            #expect(text.contains("# TYPE http_request_duration_seconds histogram"))
            #expect(text.contains("# TYPE rounds_outbox_queued gauge"))
            #expect(Self.value(of: "rounds_outbox_queued", in: text).map { $0 >= 1 } == true)
            #expect(Self.value(of: "rounds_database_up", in: text) == 1)
            #expect(text.contains("# TYPE rounds_match_run_seconds histogram") && text.contains("# TYPE rounds_search_index_build_seconds histogram"))
            // Every sample line is `name{labels} value`: what Prometheus's parser reads (CI also parses it
            // with prometheus_client).
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                #expect(line.split(separator: " ").count == 2 && Double(line.split(separator: " ").last!) != nil, "\(line)")
            }
        }
    }

    @Test func metricsAreOffWithoutAToken() async throws {
        try await withRoundsApp { app in
            let response = try await Browser(app).get(SiteRoute.metrics.path, headers: ["Authorization": "Bearer anything"])
            #expect(response.status == .notFound && response.text.contains("ROUNDS_METRICS_TOKEN"))
        }
    }

    @Test func readinessAsksTheDatabase() async throws {
        try await withRoundsApp { app in
            let response = try await Browser(app).get(SiteRoute.readyz.path)
            #expect(response.status == .ok && response.text == "ready\n")
            #expect(response.headers.first(name: .cacheControl) == "no-store")
        }
    }

    @Test func aShortMetricsTokenIsRefusedAtStart() throws {
        #expect(try AppConfig.load(for: .development, from: ["ROUNDS_METRICS_TOKEN": Self.token]).server.metricsToken == Self.token)
        #expect(throws: ConfigurationError.self) {
            try AppConfig.load(for: .development, from: ["ROUNDS_METRICS_TOKEN": "short"])
        }
    }

    static func value(of name: String, in text: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ")[1]) }
    }
}
