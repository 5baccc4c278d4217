import Testing

@testable import RoundsCore

/// Rounds' own rule around authenticator codes; the codes themselves are tested against the RFC
/// vectors in RoundsAppTests (AuthenticatorSecretTests), where the HMAC comes from swift-crypto.
@Suite struct OneTimeCodeRuleTests {
    /// A stand-in generator: a distinct six-digit code per step.
    static func code(_ step: Int64) -> String {
        let digits = String((step &* 7_919) % 1_000_000)
        return String(repeating: "0", count: 6 - digits.count) + digits
    }

    @Test func codesFromTheNeighbouringStepsAreAcceptedAndNoOthers() {
        let now: Int64 = 1_111_111_111
        let step = OneTimeCodeRule.step(at: now)
        func match(_ typed: String) -> Int64? { OneTimeCodeRule.matchingStep(typed, at: now, lastUsedStep: nil, code: Self.code) }
        #expect(match(Self.code(step)) == step)
        #expect(match(Self.code(step - 1)) == step - 1)
        #expect(match(Self.code(step + 1)) == step + 1)
        #expect(match(Self.code(step - 2)) == nil)
        #expect(match(Self.code(step + 2)) == nil)
        #expect(match(" " + Self.code(step).prefix(3) + " " + Self.code(step).dropFirst(3)) == step)
        #expect(match("12345") == nil)
        #expect(match("abcdef") == nil)
        #expect(match("１２３４５６") == nil)
    }

    @Test func aCodeCannotBeUsedTwiceNorAnOlderOneAfterIt() {
        let now: Int64 = 1_111_111_111
        let step = OneTimeCodeRule.step(at: now)
        func match(_ typed: String) -> Int64? { OneTimeCodeRule.matchingStep(typed, at: now, lastUsedStep: step, code: Self.code) }
        #expect(match(Self.code(step)) == nil)
        #expect(match(Self.code(step - 1)) == nil)
        #expect(match(Self.code(step + 1)) == step + 1)
    }

    @Test func theProvisioningURIIsWhatAuthenticatorAppsRead() {
        #expect(
            OneTimeCodeRule.provisioningURI(secret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", account: "dr marsh@example.org", issuer: "Rounds")
                == "otpauth://totp/Rounds:dr%20marsh@example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Rounds&algorithm=SHA1&digits=6&period=30"
        )
    }
}
