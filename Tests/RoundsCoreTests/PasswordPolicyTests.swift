import Foundation
import Testing

@testable import RoundsCore

@Suite struct PasswordPolicyTests {
    let policy = PasswordPolicy(commonPasswords: ["1qaz2wsx3edc", "CorrectHorseBattery"], referenceYear: 2026)

    @Test(arguments: [
        ("short", "Use at least 12 characters."),
        ("elevenchars", "Use at least 12 characters."),
        (String(repeating: "x", count: 129), "Use at most 128 characters."),
        ("1qaz2wsx3edc", "This password is too common; choose another."),
        ("correcthorsebattery", "This password is too common; choose another."),
    ])
    func badPasswordsAreRefusedWithAReason(password: String, message: String) {
        #expect(self.policy.check(password) == FieldError(field: "password", message: message))
    }

    @Test(arguments: ["a quiet walk by the river", "tV9#qL2!mZ7$wR4p", "Blue canoe, 7 lanterns"])
    func goodPasswordsPass(password: String) {
        #expect(self.policy.check(password) == nil)
    }

    @Test func lengthCountsCharactersNotBytes() {
        #expect(self.policy.check("éàüöçñøåîõû") == FieldError(field: "password", message: "Use at least 12 characters."))
        #expect(self.policy.check("éàüöçñøåîõûë") == nil)
    }
}

/// Issue 13, defect 5: "Password1234" passed because only exact list entries were refused. These use
/// the lists Rounds ships (common passwords, US first names and surnames, from zxcvbn 4.5.0).
@Suite struct PasswordStrengthTests {
    static let policy: PasswordPolicy = {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/RoundsApp/Resources/data")
        func list(_ name: String) -> [String] {
            let text = (try? String(contentsOf: data.appendingPathComponent("\(name).txt"), encoding: .utf8)) ?? ""
            return text.split(whereSeparator: \.isNewline).map(String.init)
        }
        // The name lists ship with RoundsCore itself; the common passwords with the app.
        let names = [(try? ReferenceData.lines("us-first-names.txt")) ?? [], (try? ReferenceData.lines("us-surnames.txt")) ?? []]
        return PasswordPolicy(commonPasswords: list("common-passwords"), otherWords: names, referenceYear: 2026)
    }()

    @Test func theShippedListsAreRead() {
        #expect(Self.policy.check("password") != nil)
        #expect(Self.policy.estimate("jennifer").patterns.map(\.kind) == [.dictionary])
    }

    @Test(arguments: [
        ("Password1234", PasswordPattern.Kind.dictionary),  // the issue's example: a listed word, a capital, a run
        ("P@ssw0rd2024!", .l33t),  // substitutions and a recent year
        ("drowssap1234", .reversedDictionary),
        ("zxcvfdsa1234", .keyboardWalk),
        ("rtyuio7890-=", .keyboardWalk),
        ("Jennifer1990!", .dictionary),  // a first name and a year
        ("Johnson12/05/1988", .date),
        ("abcdefghijklm", .sequence),
        ("zzzzzzzzzzzzzzz", .repeated),
        ("blinkblinkblink", .repeated),
        ("MICHAEL123456", .dictionary),
        ("Summer2026Summer", .dictionary),
    ])
    func predictableVariationsAreRefused(password: String, pattern: PasswordPattern.Kind) {
        let estimate = Self.policy.estimate(password)
        #expect(estimate.log10Guesses < PasswordPolicy.minimumLog10Guesses, "\(password): 10^\(estimate.log10Guesses)")
        #expect(estimate.patterns.contains { $0.kind == pattern }, "\(password): \(estimate.patterns.map(\.kind))")
        let problem = Self.policy.check(password)
        #expect(problem?.message.hasPrefix("This password is too easy to guess.") == true, "\(password)")
    }

    @Test(arguments: [
        "correct horse battery staple", "a long and memorable phrase", "mallory's long password", "tV9#qL2!mZ7$wR4p",
        "Blue canoe, 7 lanterns", "fresh secret phrase", "another secret phrase", "rounds-demo-password",
    ])
    func passphrasesAndRandomPasswordsPass(password: String) {
        let estimate = Self.policy.estimate(password)
        #expect(Self.policy.check(password) == nil, "\(password): 10^\(estimate.log10Guesses) \(estimate.patterns.map(\.kind))")
    }

    @Test func theAccountsOwnNameAndAddressCountAsTheFirstGuesses() {
        #expect(Self.policy.check("AmaraOkafor2026") == nil)
        let problem = Self.policy.check("AmaraOkafor2026", userInputs: ["amara@example.org", "Amara Okafor"])
        #expect(problem?.message.hasPrefix("This password is too easy to guess.") == true)
    }

    @Test func theEstimateCoversThePasswordWithoutGapsOrOverlaps() {
        for password in ["Password1234", "P@ssw0rd2024!", "tV9#qL2!mZ7$wR4p", "correct horse battery staple"] {
            let patterns = Self.policy.estimate(password).patterns
            #expect(patterns.first?.start == 0)
            #expect(patterns.last?.end == password.count - 1)
            for (previous, next) in zip(patterns, patterns.dropFirst()) { #expect(next.start == previous.end + 1) }
        }
    }

    @Test(arguments: ["1990", "12/05/1988", "120588", "1988-05-12", "05121988"])
    func datesAreRecognised(text: String) {
        #expect(PatternMatcher.yearInDate(text) != nil)
    }

    @Test(arguments: ["1234", "99/99/99", "0000", "12-05/1988"])
    func nonDatesAreNot(text: String) {
        #expect(PatternMatcher.yearInDate(text) == nil)
    }

    @Test func longPasswordsAreAnalysedQuickly() {
        // The whole 128 characters are allowed; only the first 64 are analysed (the rest only adds strength).
        let long = String(repeating: "Tr0ub4dor&3 ", count: 10)
        #expect(Self.policy.check(long) == nil)
        #expect(Self.policy.estimate(long).patterns.last?.end == PasswordPolicy.analysedLength - 1)
    }
}

@Suite struct EmailAddressTests {
    @Test(arguments: ["a@example.org", "first.last+tag@sub.example.co.uk", "  padded@example.org "])
    func plausibleAddresses(address: String) {
        #expect(EmailAddress.isPlausible(address))
    }

    @Test(arguments: ["", "plain", "@example.org", "a@", "a@b", "a@example.c", "a b@example.org", "a@@example.org", "a@-x.org"])
    func implausibleAddresses(address: String) {
        #expect(!EmailAddress.isPlausible(address))
    }

    @Test func normalizationTrimsAndLowercases() {
        #expect(EmailAddress.normalize("  Amara@Example.ORG ") == "amara@example.org")
    }
}

@Suite struct RoleTests {
    @Test func storedListsRoundTripInAStableOrder() {
        #expect(Role.storedList([.admin, .applicant, .host]) == "applicant,host,admin")
        #expect(Role.parseList("host,applicant,unknown") == [.applicant, .host])
        #expect(Role.parseList("") == [])
    }

    @Test func onlyApplicantsMayGoWithoutTwoFactor() {
        #expect(Role.allCases.filter { !$0.requiresTwoFactor } == [.applicant])
    }
}
