import Fluent
import Vapor

/// A single-use password reset link, sent by e-mail. Only the hash of its token is stored.
final class PasswordReset: Model, @unchecked Sendable {
    static let schema = "password_resets"
    static let lifetime: TimeInterval = 60 * 60

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    // data fields
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    // relationships
    @Parent(key: "user_id") var user: User

    init() {}

    init(userID: User.IDValue, tokenHash: String, now: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.createdAt = now
        self.expiresAt = now.addingTimeInterval(Self.lifetime)
    }

    func isUsable(now: Date) -> Bool { self.usedAt == nil && now < self.expiresAt }
}
