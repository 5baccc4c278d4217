/// What a person may do in Rounds. A user may hold several roles.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case applicant
    case host
    case advisor
    case admin

    /// Roles a person may pick for themselves when signing up; the others are granted by an admin.
    public static let selfService: [Role] = [.applicant, .host]

    /// Roles whose accounts hold other people's private data and so must use two-factor sign-in.
    public var requiresTwoFactor: Bool { self != .applicant }

    public var displayName: String {
        switch self {
        case .applicant: "Applicant"
        case .host: "Host"
        case .advisor: "Advisor"
        case .admin: "Admin"
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Parses the stored form, a comma-separated list such as `applicant,host`; unknown names are dropped.
    public static func parseList(_ stored: String) -> Set<Role> {
        Set(stored.split(separator: ",").compactMap { Role(rawValue: String($0)) })
    }

    /// The stored form of a set of roles, in a stable order.
    public static func storedList(_ roles: Set<Role>) -> String {
        roles.sorted().map(\.rawValue).joined(separator: ",")
    }
}
