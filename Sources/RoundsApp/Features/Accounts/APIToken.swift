import Fluent
import Vapor

/// A bearer token for the JSON API, created and revoked by its owner. Stored as a SHA-256 hash.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    /// Tokens start with this so they are recognisable in secret scanners and support requests.
    static let prefix = "rnd_"
    static let maximumNameLength = 100

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    // data fields
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    // relationships
    @Parent(key: "user_id") var user: User

    init() {}

    init(userID: User.IDValue, name: String, tokenHash: String, now: Date) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.createdAt = now
    }
}
