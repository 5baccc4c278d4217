import Foundation
import RoundsCore
import Testing
import Vapor

@testable import RoundsApp

/// The codes come from Vapor's HOTP on swift-crypto; these are the RFC vectors they must still meet.
@Suite struct AuthenticatorSecretTests {
    static let rfcSecret = AuthenticatorSecret(bytes: Array("12345678901234567890".utf8))

    /// RFC 6238 Appendix B, SHA-1 rows: the 20-byte ASCII secret "12345678901234567890", 8 digits.
    @Test(arguments: [
        (Int64(59), "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ])
    func rfc6238TestVectors(time: Int64, code: String) {
        #expect(Self.rfcSecret.code(step: OneTimeCodeRule.step(at: time), digits: .eight) == code)
    }

    /// RFC 4226 Appendix D: HOTP values for counters 0 to 9 (6 digits) with the same secret.
    @Test func rfc4226HOTPValues() {
        let expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
        #expect((0..<10).map { Self.rfcSecret.code(step: Int64($0)) } == expected)
    }

    @Test func secretsAreStoredAsRFC4648Base32() throws {
        #expect(Self.rfcSecret.base32 == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(AuthenticatorSecret(base32: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")?.bytes == Self.rfcSecret.bytes)
        #expect(AuthenticatorSecret(base32: "not base32!") == nil)
        #expect(AuthenticatorSecret(base32: "") == nil)
        let fresh = AuthenticatorSecret.random()
        #expect(fresh.bytes.count == OneTimeCodeRule.secretLength)
        #expect(AuthenticatorSecret(base32: fresh.base32)?.bytes == fresh.bytes)
    }

    @Test func theRuleAcceptsTheCurrentCodeOnce() {
        let now: Int64 = 1_111_111_111
        let step = OneTimeCodeRule.step(at: now)
        let code = Self.rfcSecret.code(step: step)
        #expect(Self.rfcSecret.matchingStep(code, at: now, lastUsedStep: nil) == step)
        #expect(Self.rfcSecret.matchingStep(code, at: now, lastUsedStep: step) == nil)
    }
}
