import Fluent
import RoundsCore
import SQLKit
import Vapor

/// Fixed-window counters kept in the database, so every app instance sees the same counts.
struct RateLimiter: Sendable {
    let db: any Database
    let now: Date

    /// How a check came out.
    enum Decision: Equatable {
        case allowed
        /// Refused; try again after this many whole seconds.
        case limited(retryAfter: Int)
    }

    private func windowStart(_ rule: RateLimit) -> Int64 {
        let seconds = Int64(self.now.timeIntervalSince1970)
        let window = Int64(rule.window)
        return seconds - seconds % window
    }

    private func retryAfter(_ rule: RateLimit) -> Int {
        Int(self.windowStart(rule) + Int64(rule.window) - Int64(self.now.timeIntervalSince1970))
    }

    /// The number of events counted in the current window.
    func count(_ bucket: String, rule: RateLimit) async throws -> Int {
        let sql = self.db as! any SQLDatabase
        let row = try await sql.select()
            .column("count")
            .from(RateLimitCounter.schema)
            .where("bucket", .equal, bucket)
            .where("window_start", .equal, self.windowStart(rule))
            .first()
        return try row?.decode(column: "count", as: Int.self) ?? 0
    }

    /// Refuses when the bucket already holds `limit` events in this window, without counting.
    func check(_ bucket: String, rule: RateLimit) async throws -> Decision {
        try await self.count(bucket, rule: rule) >= rule.limit ? .limited(retryAfter: self.retryAfter(rule)) : .allowed
    }

    /// Counts one event, atomically across instances (an upsert on the bucket and window).
    func record(_ bucket: String, rule: RateLimit) async throws {
        let sql = self.db as! any SQLDatabase
        try await sql.insert(into: RateLimitCounter.schema)
            .columns("id", "bucket", "window_start", "count")
            .values(SQLBind(UUID()), SQLBind(bucket), SQLBind(self.windowStart(rule)), SQLBind(1))
            .onConflict(with: ["bucket", "window_start"]) {
                $0.set("count", to: SQLRaw("\(RateLimitCounter.schema).count + 1"))
            }
            .run()
    }

    /// Counts one event, then refuses if that took the bucket over its limit.
    func hit(_ bucket: String, rule: RateLimit) async throws -> Decision {
        if case .limited = try await self.check(bucket, rule: rule) {
            return .limited(retryAfter: self.retryAfter(rule))
        }
        try await self.record(bucket, rule: rule)
        return .allowed
    }

    /// Forgets a bucket's current window, e.g. an account's failures after a successful sign-in.
    func reset(_ bucket: String, rule: RateLimit) async throws {
        let sql = self.db as! any SQLDatabase
        try await sql.delete(from: RateLimitCounter.schema)
            .where("bucket", .equal, bucket)
            .where("window_start", .equal, self.windowStart(rule))
            .run()
    }

    /// Drops windows that ended long ago; called now and then so the table stays small.
    func purge(olderThan age: TimeInterval) async throws {
        let sql = self.db as! any SQLDatabase
        try await sql.delete(from: RateLimitCounter.schema)
            .where("window_start", .lessThan, Int64(self.now.timeIntervalSince1970 - age))
            .run()
    }
}

/// Schema name holder; rows are written with SQLKit because they are upserted.
enum RateLimitCounter {
    static let schema = "rate_limit_counters"
}

extension RateLimiter.Decision {
    /// Throws 429 with `Retry-After` when limited.
    func enforce(_ what: String) throws {
        if case .limited(let seconds) = self {
            throw TooManyRequests(retryAfter: seconds, what: what)
        }
    }
}

/// A 429 answer that tells the client when to come back.
struct TooManyRequests: AbortError {
    var retryAfter: Int
    var what: String
    var status: HTTPResponseStatus { .tooManyRequests }
    var reason: String {
        let minutes = max(1, (self.retryAfter + 59) / 60)
        return "Too many \(self.what). Try again in \(counted(minutes, "minute"))."
    }
    var headers: HTTPHeaders { ["Retry-After": String(max(1, self.retryAfter))] }
}
