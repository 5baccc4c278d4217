import Foundation
import RoundsCore

/// The word lists of the password policy, shipped with the app (see Resources/data/README.md for their
/// source): common passwords, then US first names and surnames, each most common first.
enum CommonPasswords {
    /// The policy with every shipped list, for passwords chosen in `year`.
    static func policy(year: Int) throws -> PasswordPolicy {
        PasswordPolicy(
            commonPasswords: try Self.list("common-passwords"),
            otherWords: [try Self.list("us-first-names"), try Self.list("us-surnames")],
            referenceYear: year
        )
    }

    private static func list(_ name: String) throws -> [String] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "data") else {
            throw ResourceMissing(name: "data/\(name).txt")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { String($0) }
    }
}
