import Fluent
import Foundation

/// E-mailed links (password reset, letter writers, supervisor verification) carry a token that is their
/// only credential. Wrong tokens count against the address's bad-link limit, so links cannot be guessed
/// at speed (they carry 256 random bits anyway).
struct LinkTokens {
    let db: any Database
    let now: Date
    let rule: RateLimit

    /// What `token` stands for, looked up by its hash; nil, with one bad link counted, when nothing is.
    func find<Found: Sendable>(_ token: String, ip: String, _ lookUp: (_ hash: String) async throws -> Found?) async throws -> Found? {
        let limiter = RateLimiter(db: self.db, now: self.now)
        let bucket = "link:ip:\(ip)"
        try await limiter.check(bucket, rule: self.rule).enforce("wrong links")
        let found = token.isEmpty || token.count >= 200 ? nil : try await lookUp(SecretToken.hash(token))
        if found == nil { try await limiter.record(bucket, rule: self.rule) }
        return found
    }
}
