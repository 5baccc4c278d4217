/// Time-based one-time passwords (RFC 6238): HMAC-SHA-1, 30-second steps, 6 digits, and one step of
/// clock drift either way. A code is accepted once: the caller stores the step that matched and passes
/// it back as `lastUsedStep`, so a replayed code is refused.
public struct TOTP: Sendable {
    public static let period: Int64 = 30
    public static let secretLength = 20

    public let secret: [UInt8]
    public var digits: Int

    public init(secret: [UInt8], digits: Int = 6) {
        self.secret = secret
        self.digits = digits
    }

    /// The time step a Unix time falls in.
    public static func step(at unixTime: Int64) -> Int64 { unixTime / period }

    /// The code for a time step (RFC 4226's dynamic truncation).
    public func code(step: Int64) -> String {
        var counter = [UInt8](repeating: 0, count: 8)
        for index in 0..<8 { counter[7 - index] = UInt8(truncatingIfNeeded: UInt64(bitPattern: step) >> UInt64(8 * index)) }
        let mac = SHA1.hmac(key: self.secret, message: counter)
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary = (UInt32(mac[offset]) & 0x7F) << 24 | UInt32(mac[offset + 1]) << 16 | UInt32(mac[offset + 2]) << 8
            | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<self.digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: self.digits - value.count) + value
    }

    public func code(at unixTime: Int64) -> String { self.code(step: Self.step(at: unixTime)) }

    /// The step a code matches within one step of `unixTime`, if it is newer than `lastUsedStep`.
    public func verify(_ code: String, at unixTime: Int64, lastUsedStep: Int64?) -> Int64? {
        let typed = code.filter { !$0.isWhitespace }
        guard typed.count == self.digits, typed.allSatisfy(\.isASCII), typed.allSatisfy(\.isNumber) else { return nil }
        let now = Self.step(at: unixTime)
        for step in (now - 1)...(now + 1) where step > (lastUsedStep ?? Int64.min) {
            if ConstantTime.equals(self.code(step: step), typed) { return step }
        }
        return nil
    }

    /// The `otpauth://` URI authenticator apps read from the QR code.
    public func provisioningURI(account: String, issuer: String) -> String {
        let label = percentEncode(issuer) + ":" + percentEncode(account)
        return "otpauth://totp/\(label)?secret=\(Base32.encode(self.secret))&issuer=\(percentEncode(issuer))&algorithm=SHA1&digits=\(self.digits)&period=\(Self.period)"
    }
}

private func percentEncode(_ text: String) -> String {
    var output = ""
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "@"):
            output.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            output += "%" + (hex.count == 1 ? "0" + hex : hex)
        }
    }
    return output
}
