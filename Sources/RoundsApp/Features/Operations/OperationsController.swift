import Fluent
import Foundation
import Prometheus
import SQLKit
import Vapor

/// What a self-hoster's monitoring reads: `/readyz` (the database answers) and `/metrics` (Prometheus
/// text format, only with the configured token; off without one). `/healthz` stays the cheap liveness
/// check in `HomeController`.
struct OperationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.readyz, use: self.ready)
        routes.get(SiteRoute.metrics, use: self.metrics)
    }

    /// 200 when a query reaches the database within two seconds, else 503; never cached.
    @Sendable func ready(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        let up = await Self.databaseAnswers(req)
        RoundsMetrics.databaseUp.set(to: up ? 1 : 0)
        return Response(status: up ? .ok : .serviceUnavailable, headers: headers, body: .init(string: up ? "ready\n" : "database unreachable\n"))
    }

    static func databaseAnswers(_ req: Request) async -> Bool {
        do {
            return try await RoundsMetrics.time(RoundsMetrics.databaseCheck) {
                try await withThrowingTaskGroup(of: Bool.self) { group in
                    group.addTask { _ = try await req.db.sql.raw("SELECT 1 AS one").first(); return true }
                    group.addTask { try await Task.sleep(for: .seconds(2)); return false }
                    let first = try await group.next() ?? false
                    group.cancelAll()
                    return first
                }
            }
        } catch {
            return false
        }
    }

    @Sendable func metrics(req: Request) async throws -> Response {
        guard let token = req.application.config.server.metricsToken else {
            throw Abort(.notFound, reason: "Metrics are off; set ROUNDS_METRICS_TOKEN to turn them on.")
        }
        let sent = req.headers.bearerAuthorization?.token ?? ""
        // Hashes compared, so the time taken says nothing about how much of the token was right.
        guard SecretToken.hash(sent) == SecretToken.hash(token) else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "Send the metrics token as Authorization: Bearer <token>.")
        }
        try await Self.refreshGauges(req)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: Data(RoundsMetrics.registry.emitToBuffer())))
    }

    /// Values read from the database at scrape time: the outbox's backlog, and whether the database answers.
    static func refreshGauges(_ req: Request) async throws {
        let waiting = OutboxMessage.query(on: req.db).filter(\.$sentAt == nil)
        RoundsMetrics.outboxQueued.set(to: Double(try await waiting.copy().filter(\.$attempts < OutboxDelivery.maximumAttempts).count()))
        RoundsMetrics.outboxGivenUp.set(to: Double(try await waiting.copy().filter(\.$attempts >= OutboxDelivery.maximumAttempts).count()))
        RoundsMetrics.databaseUp.set(to: await Self.databaseAnswers(req) ? 1 : 0)
    }
}
