import Fluent
import Vapor

/// A signed-in browser. The cookie holds a random secret; only its hash is stored here, so every
/// app instance can check it and a copy of the database cannot be used to sign in.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date

    // relationships
    @Parent(key: "user_id") var user: User

    init() {}

    init(userID: User.IDValue, tokenHash: String, now: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.createdAt = now
        self.lastSeenAt = now
    }

    /// A session ends after `idle` without a request, or `absolute` after sign-in, whichever is first.
    func isExpired(now: Date, idle: TimeInterval, absolute: TimeInterval) -> Bool {
        now.timeIntervalSince(self.lastSeenAt) >= idle || now.timeIntervalSince(self.createdAt) >= absolute
    }
}
