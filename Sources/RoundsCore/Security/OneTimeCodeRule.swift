/// Rounds' rules for authenticator-app codes (RFC 6238 TOTP: 30-second steps, 6 digits), around any
/// code generator: one step of clock drift either way, and a code accepted once. The caller stores the
/// step that matched and passes it back as `lastUsedStep`, so a replayed code, or an older one, is
/// refused. The HMAC itself comes from a library (swift-crypto, through Vapor's HOTP).
public enum OneTimeCodeRule {
    public static let period: Int64 = 30
    public static let digits = 6
    /// Bytes of a new secret (160 bits, as RFC 4226 recommends).
    public static let secretLength = 20

    /// The time step a Unix time falls in.
    public static func step(at unixTime: Int64) -> Int64 { unixTime / period }

    /// The step `typed` matches within one step of `unixTime`, if it is newer than `lastUsedStep`.
    /// `code` gives the code of a step.
    public static func matchingStep(_ typed: String, at unixTime: Int64, lastUsedStep: Int64?, code: (Int64) -> String) -> Int64? {
        let typed = typed.filter { !$0.isWhitespace }
        guard typed.count == Self.digits, typed.allSatisfy(\.isASCII), typed.allSatisfy(\.isNumber) else { return nil }
        let now = Self.step(at: unixTime)
        for step in (now - 1)...(now + 1) where step > (lastUsedStep ?? Int64.min) {
            if ConstantTime.equals(code(step), typed) { return step }
        }
        return nil
    }

    /// The `otpauth://` URI authenticator apps read from the QR code; `secret` is the Base32 text.
    public static func provisioningURI(secret: String, account: String, issuer: String) -> String {
        let label = percentEncode(issuer) + ":" + percentEncode(account)
        return "otpauth://totp/\(label)?secret=\(secret)&issuer=\(percentEncode(issuer))&algorithm=SHA1&digits=\(Self.digits)&period=\(Self.period)"
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
