import Vapor
import Foundation

/// Random secrets handed to people (session cookies, API tokens, e-mailed links).
/// Only the SHA-256 digest is stored, so a database leak does not leak usable secrets.
struct SecretToken: Sendable {
    /// 256 bits of randomness, well above ASVS's 128-bit floor.
    static let byteCount = 32

    let value: String

    init(prefix: String = "") {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<Self.byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        self.value = prefix + Data(bytes).base64URLEncodedString()
    }

    var hash: String { Self.hash(self.value) }

    static func hash(_ value: String) -> String {
        SHA256.hash(data: Data(value.utf8)).map { String(format: "%02x", $0) }.joined()
    }

}

extension Data {
    func base64URLEncodedString() -> String {
        self.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
