import Fluent
import RoundsCore
import Vapor

final class User: Model, Authenticatable, @unchecked Sendable {
    static let schema = "users"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "email") var email: String
    @Field(key: "email_normalized") var emailNormalized: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    /// Comma-separated `Role` raw values; read through `roles`.
    @Field(key: "roles") var storedRoles: String
    /// Base32 TOTP secret once two-factor sign-in is on.
    @OptionalField(key: "totp_secret") var totpSecret: String?
    /// A secret shown during enrolment, until the first code proves the app has it.
    @OptionalField(key: "totp_pending_secret") var totpPendingSecret: String?
    @OptionalField(key: "totp_enabled_at") var totpEnabledAt: Date?
    /// Set by an administrator, with the reason the person is shown when they try to sign in.
    @OptionalField(key: "disabled_at") var disabledAt: Date?
    @OptionalField(key: "disabled_reason") var disabledReason: String?
    /// The last time step a code was accepted for; older or equal steps are replays.
    @OptionalField(key: "totp_last_step") var totpLastStep: Int64?
    /// Set when the person asked to delete the account; it is deleted at `deletionDueAt` unless they sign
    /// in before then.
    @OptionalField(key: "deletion_requested_at") var deletionRequestedAt: Date?
    @OptionalField(key: "deletion_due_at") var deletionDueAt: Date?
    /// How new messages are e-mailed (`MessageEmail`); nil is the default, each message.
    @OptionalField(key: "message_email") var messageEmail: String?
    /// When the last daily digest of messages was sent.
    @OptionalField(key: "message_digest_at") var messageDigestAt: Date?

    init() {}

    init(id: UUID? = nil, email: String, displayName: String, passwordHash: String, roles: Set<Role>) {
        self.id = id
        self.email = email.trimmingWhitespace()
        self.emailNormalized = EmailAddress.normalize(email)
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.storedRoles = Role.storedList(roles)
    }

    var roles: Set<Role> {
        get { Role.parseList(self.storedRoles) }
        set { self.storedRoles = Role.storedList(newValue) }
    }

    func has(_ role: Role) -> Bool { self.roles.contains(role) }

    var isDisabled: Bool { self.disabledAt != nil }

    var hasTwoFactor: Bool { self.totpEnabledAt != nil && self.totpSecret != nil }

    /// Hosts, advisors and admins see other people's private data and must use two-factor sign-in.
    var mustUseTwoFactor: Bool { self.roles.contains { $0.requiresTwoFactor } }
}

extension User {
    static func find(email: String, on db: any Database) async throws -> User? {
        try await User.query(on: db).filter(\.$emailNormalized == EmailAddress.normalize(email)).first()
    }
}
