/// The rules a new password must meet (OWASP ASVS 5.0, V6.2), with a zxcvbn-style strength estimate so
/// that predictable variations of listed passwords ("Password1234", "P@ssw0rd2024!", "qwertyuiop12")
/// are refused as well as the listed passwords themselves.
public struct PasswordPolicy: Sendable {
    public static let minimumLength = 12
    public static let maximumLength = 128
    /// Refuse passwords an informed attacker guesses in fewer than 10^10 tries (zxcvbn's "score 4" floor,
    /// out of reach of online guessing and costly offline against Bcrypt).
    public static let minimumLog10Guesses = 10.0
    /// Only this many leading characters are analysed; anything after them only adds strength.
    static let analysedLength = 64

    /// Lowercased passwords known to be common; a match is refused whatever its length.
    private let commonPasswords: Set<String>
    private let strength: PasswordStrength

    /// - Parameters:
    ///   - commonPasswords: common passwords, most common first.
    ///   - otherWords: further ranked lists (first names, surnames), most common first.
    ///   - referenceYear: the current year, for how guessable a year or date is.
    public init(commonPasswords: [String], otherWords: [[String]] = [], referenceYear: Int) {
        self.commonPasswords = Set(commonPasswords.map { $0.lowercased() })
        self.strength = PasswordStrength(rankedLists: [commonPasswords] + otherWords, referenceYear: referenceYear)
    }

    /// Checks a proposed password, naming `field` in the error. `userInputs` are the account's own
    /// e-mail and name, which an attacker tries first.
    public func check(_ password: String, field: String = "password", userInputs: [String] = []) -> FieldError? {
        let length = password.textLength
        if length < Self.minimumLength {
            return FieldError(field: field, message: "Use at least \(Self.minimumLength) characters.")
        }
        if length > Self.maximumLength {
            return FieldError(field: field, message: "Use at most \(Self.maximumLength) characters.")
        }
        if self.commonPasswords.contains(password.lowercased()) {
            return FieldError(field: field, message: "This password is too common; choose another.")
        }
        let estimate = self.estimate(password, userInputs: userInputs)
        if estimate.log10Guesses < Self.minimumLog10Guesses {
            return FieldError(field: field, message: Self.advice(for: estimate))
        }
        return nil
    }

    /// The strength estimate behind `check`.
    public func estimate(_ password: String, userInputs: [String] = []) -> PasswordStrength.Estimate {
        self.strength.estimate(String(password.prefix(Self.analysedLength)), userInputs: userInputs)
    }

    static func advice(for estimate: PasswordStrength.Estimate) -> String {
        let kinds = estimate.patterns.map(\.kind)
        var parts: [String] = []
        if kinds.contains(where: { [.dictionary, .reversedDictionary, .l33t].contains($0) }) {
            parts.append("common words, names or passwords (capitals and swaps such as @ for a or 0 for o do not help much)")
        }
        if kinds.contains(.keyboardWalk) { parts.append("keys next to each other") }
        if kinds.contains(.sequence) { parts.append("runs such as 1234 or abcd") }
        if kinds.contains(.repeated) { parts.append("repeated characters") }
        if kinds.contains(.year) || kinds.contains(.date) { parts.append("years or dates") }
        let made = parts.isEmpty ? "" : " It is made of " + parts.joined(separator: ", ") + "."
        return "This password is too easy to guess." + made
            + " Use a longer passphrase of several unrelated words, or a password manager's random password."
    }
}
