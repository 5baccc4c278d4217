import Fluent
import Vapor

/// A browser that signed in to an account with its password: the device cookie of OWASP's "Slow Down
/// Online Guessing Attacks with Device Cookies". Wrong passwords from a trusted device count against the
/// device alone, so a stranger's guesses, which count against untrusted sources, never lock it out.
/// Only the secret's hash is stored.
final class TrustedDevice: Model, @unchecked Sendable {
    static let schema = "trusted_devices"
    /// How long a browser stays trusted after its last good sign-in.
    static let lifetime: TimeInterval = 365 * 24 * 3600

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date

    // relationships
    @Parent(key: "user_id") var user: User

    init() {}

    init(userID: User.IDValue, tokenHash: String, now: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.createdAt = now
    }

    /// The device behind `token` if it was trusted for `userID` and has not lapsed.
    static func find(token: String, userID: User.IDValue, now: Date, on db: any Database) async throws -> TrustedDevice? {
        guard !token.isEmpty, token.count < 200 else { return nil }
        return try await TrustedDevice.query(on: db)
            .filter(\.$tokenHash == SecretToken.hash(token))
            .filter(\.$user.$id == userID)
            .filter(\.$createdAt > now.addingTimeInterval(-Self.lifetime))
            .first()
    }
}

/// The cookie that carries a trusted device's secret: long-lived, sent only to our own pages.
struct DeviceCookie: Sendable {
    let isSecure: Bool

    var name: String { self.isSecure ? "__Host-rounds_device" : "rounds_device" }

    func value(_ token: String) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token,
            expires: nil,
            maxAge: Int(TrustedDevice.lifetime),
            domain: nil,
            path: "/",
            isSecure: self.isSecure,
            isHTTPOnly: true,
            sameSite: .strict
        )
    }
}
