/// What an administrator can do to an account besides changing its roles.
public enum AdminUserAction: String, CaseIterable, Sendable {
    case disable, enable
    case signOut = "sign-out"
}
