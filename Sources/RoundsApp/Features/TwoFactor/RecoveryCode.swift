import Fluent
import Vapor

/// A one-time code for signing in without the authenticator app. Only its hash is stored.
final class RecoveryCode: Model, @unchecked Sendable {
    static let schema = "recovery_codes"
    static let countPerUser = 10

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "used_at") var usedAt: Date?

    // relationships
    @Parent(key: "user_id") var user: User

    init() {}

    init(userID: User.IDValue, codeHash: String) {
        self.$user.id = userID
        self.codeHash = codeHash
    }

    /// Codes look like `k7m2-9xq4-tc8p`: 60 bits from an alphabet without look-alike characters.
    static func generate() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// The form codes are hashed in: lowercase, no separators or spaces.
    static func normalize(_ typed: String) -> String {
        typed.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
