import Foundation
import Metrics
import Prometheus

/// The process's metrics, in one Prometheus registry: Vapor's request metrics (it records them through
/// swift-metrics once the system is bootstrapped with this registry) and Rounds' own. One registry per
/// process, because swift-metrics can be bootstrapped once; every app a test suite makes shares it.
enum RoundsMetrics {
    static let registry = PrometheusCollectorRegistry()

    private static let bootstrapped: Bool = {
        var factory = PrometheusMetricsFactory(registry: registry)
        // Request durations: a page from memory takes about a millisecond, a match or an import seconds.
        factory.defaultDurationHistogramBuckets = [.milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10)]
        MetricsSystem.bootstrap(factory)
        // Static lets are made on first use; made now, every family is in the first scrape, at zero.
        _ = (outboxQueued, outboxGivenUp, outboxSent, outboxFailures, searchIndexBuild, searchIndexChanges, searchIndexCompaction, matchRuns, databaseUp, databaseCheck)
        return true
    }()

    /// Sends swift-metrics (Vapor's `http_requests_total`, `http_request_duration_seconds`,
    /// `http_request_errors_total`, by method, route pattern and status) to the registry. Idempotent.
    static func bootstrap() { _ = Self.bootstrapped }

    static let outboxQueued = registry.makeGauge(name: "rounds_outbox_queued", help: "Messages waiting to be sent (fewer than the maximum attempts so far).")
    static let outboxGivenUp = registry.makeGauge(name: "rounds_outbox_given_up", help: "Messages that failed every attempt and will not be retried.")
    static let outboxSent = registry.makeCounter(name: "rounds_outbox_sent_total", help: "Messages handed to the SMTP server by this process.")
    static let outboxFailures = registry.makeCounter(name: "rounds_outbox_failures_total", help: "Failed delivery attempts by this process (each is retried later).")
    static let searchIndexBuild = registry.makeDurationHistogram(
        name: "rounds_search_index_build_seconds", buckets: [.milliseconds(10), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10), .seconds(30)],
        help: "Time to build this process's catalog search index from the database.")
    static let searchIndexChanges = registry.makeCounter(
        name: "rounds_search_index_changes_total", help: "Opportunities this process applied to its search index from the catalog's change log.")
    static let searchIndexCompaction = registry.makeDurationHistogram(
        name: "rounds_search_index_compaction_seconds", buckets: [.milliseconds(10), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10)],
        help: "Time to fold the search index's applied changes into a fresh base, in memory, off the request path.")
    static let matchRuns = registry.makeDurationHistogram(
        name: "rounds_match_run_seconds", buckets: [.milliseconds(1), .milliseconds(10), .milliseconds(100), .seconds(1), .seconds(10), .seconds(60)],
        help: "Placement cycle match runs (building the instance, the NRMP algorithm, storing the result).")
    static let databaseUp = registry.makeGauge(name: "rounds_database_up", help: "1 when the last readiness check reached the database, else 0.")
    static let databaseCheck = registry.makeDurationHistogram(
        name: "rounds_database_check_seconds", buckets: [.milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(2)],
        help: "Round trip of the readiness query (SELECT 1): how busy the database and its connection pool are.")

    /// Times `work` into `histogram`, whether it succeeds or throws.
    static func time<T>(_ histogram: DurationHistogram, isolation: isolated (any Actor)? = #isolation, _ work: () async throws -> T) async rethrows -> T {
        let start = ContinuousClock.now
        defer { histogram.record(ContinuousClock.now - start) }
        return try await work()
    }
}
