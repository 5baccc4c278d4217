import Foundation
import RoundsCore

/// The word lists of the password policy (see Resources/data/README.md here and in RoundsCore for their
/// sources): common passwords, then US first names and surnames, each most common first.
enum CommonPasswords {
    /// The policy with every shipped list, for passwords chosen in `year`.
    static func policy(year: Int) throws -> PasswordPolicy {
        PasswordPolicy(
            commonPasswords: try Self.list("common-passwords"),
            otherWords: [try ReferenceData.lines("us-first-names.txt"), try ReferenceData.lines("us-surnames.txt")],
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
