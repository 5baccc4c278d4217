/// The rules a new password must meet (OWASP ASVS 5.0, V6.2).
public struct PasswordPolicy: Sendable {
    public static let minimumLength = 12
    public static let maximumLength = 128

    /// Lowercased passwords known to be common; a match is refused whatever its length.
    private let commonPasswords: Set<String>

    public init(commonPasswords: Set<String>) {
        self.commonPasswords = Set(commonPasswords.map { $0.lowercased() })
    }

    /// Checks a proposed password, naming `field` in the error.
    public func check(_ password: String, field: String = "password") -> FieldError? {
        let length = password.count
        if length < Self.minimumLength {
            return FieldError(field: field, message: "Use at least \(Self.minimumLength) characters.")
        }
        if length > Self.maximumLength {
            return FieldError(field: field, message: "Use at most \(Self.maximumLength) characters.")
        }
        if self.commonPasswords.contains(password.lowercased()) {
            return FieldError(field: field, message: "This password is too common; choose another.")
        }
        return nil
    }
}
