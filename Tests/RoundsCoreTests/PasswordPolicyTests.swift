import Testing

@testable import RoundsCore

@Suite struct PasswordPolicyTests {
    let policy = PasswordPolicy(commonPasswords: ["1qaz2wsx3edc", "CorrectHorseBattery"])

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

    @Test(arguments: ["twelve chars", String(repeating: "y", count: 128), "a quiet walk by the river"])
    func goodPasswordsPass(password: String) {
        #expect(self.policy.check(password) == nil)
    }

    @Test func lengthCountsCharactersNotBytes() {
        #expect(self.policy.check("ééééééééééé") != nil)
        #expect(self.policy.check("éééééééééééé") == nil)
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
