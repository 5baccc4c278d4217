import Foundation
import RoundsCore
import Vapor

/// A TOTP secret as stored (Base32, RFC 4648) and the codes it gives, computed by Vapor's HOTP
/// (HMAC-SHA-1 from swift-crypto); Rounds adds only its replay rule (`OneTimeCodeRule`).
struct AuthenticatorSecret {
    let bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// nil when `base32` is not Base32 text.
    init?(base32: String) {
        guard let data = Data(base32Encoded: base32), !data.isEmpty else { return nil }
        self.bytes = Array(data)
    }

    static func random() -> AuthenticatorSecret {
        var generator = SystemRandomNumberGenerator()
        return AuthenticatorSecret(bytes: (0..<OneTimeCodeRule.secretLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    var base32: String { self.bytes.base32String() }

    func code(step: Int64, digits: OTPDigits = .six) -> String {
        HOTP(key: SymmetricKey(data: self.bytes), digest: .sha1, digits: digits).generate(counter: UInt64(bitPattern: step))
    }

    /// The step `typed` matches (see `OneTimeCodeRule.matchingStep`).
    func matchingStep(_ typed: String, at unixTime: Int64, lastUsedStep: Int64?) -> Int64? {
        OneTimeCodeRule.matchingStep(typed, at: unixTime, lastUsedStep: lastUsedStep) { self.code(step: $0) }
    }
}
