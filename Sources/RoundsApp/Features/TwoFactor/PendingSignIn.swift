import Fluent
import Vapor

/// A sign-in whose password was right, waiting for its second factor. Lives five minutes.
final class PendingSignIn: Model, @unchecked Sendable {
    static let schema = "pending_sign_ins"
    static let lifetime: TimeInterval = 5 * 60

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    // data fields
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "next_path") var nextPath: String?

    // relationships
    @Parent(key: "user_id") var user: User

    init() {}

    init(userID: User.IDValue, tokenHash: String, nextPath: String?, now: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.nextPath = nextPath
        self.createdAt = now
    }

    func isExpired(now: Date) -> Bool { now.timeIntervalSince(self.createdAt) >= Self.lifetime }
}
