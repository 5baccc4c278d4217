import Vapor
import Foundation

/// Random secrets handed to people (session cookies, API tokens, e-mailed links).
/// Only the SHA-256 digest is stored, so a database leak does not leak usable secrets.
struct SecretToken: Sendable {
    /// 256 bits of randomness, well above ASVS's 128-bit floor.
    static let byteCount = 32

    let value: String

    init(prefix: String = "") {
        self.value = prefix + Data(Self.randomBytes(Self.byteCount)).base64URLEncodedString()
    }

    /// Bytes from the system's secure random source.
    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    var hash: String { Self.hash(self.value) }

    static func hash(_ value: String) -> String { hexSHA256(Data(value.utf8)) }

    /// Lowercase hex SHA-256, as stored for tokens and written in backup manifests. Runs for every
    /// request with a session cookie, so it avoids String(format:).
    static func hexSHA256(_ data: Data) -> String {
        Self.hex(SHA256.hash(data: data))
    }

    /// Lowercase hex of `bytes`.
    static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in bytes {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
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
