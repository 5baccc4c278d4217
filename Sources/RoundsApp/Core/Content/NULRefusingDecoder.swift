import NIOCore
import NIOHTTP1
import Vapor

/// Refuses JSON and form bodies that carry a NUL character (U+0000) before decoding them. A NUL inside
/// text is never meant; stored, SQLite's C strings cut the text at it, so a title "\u0000x" came back
/// empty (schemathesis found one in the portfolio). 400 names the problem.
struct NULRefusingDecoder: ContentDecoder {
    let inner: any ContentDecoder
    /// The NUL's spellings in the body: a raw byte, JSON's escape, a form's percent-encoding.
    let spellings: [[UInt8]]

    static let refusal = Abort(.badRequest, reason: "Text may not contain the NUL character (U+0000).")

    static func json() -> NULRefusingDecoder {
        NULRefusingDecoder(inner: JSONDecoder.custom(dates: .iso8601), spellings: [[0], Array(#"\u0000"#.utf8)])
    }

    static func form() -> NULRefusingDecoder {
        NULRefusingDecoder(inner: URLEncodedFormDecoder(), spellings: [[0], Array("%00".utf8)])
    }

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try self.decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: any Sendable]) throws -> D {
        if Self.contains(body.readableBytesView, any: self.spellings) { throw Self.refusal }
        return try self.inner.decode(D.self, from: body, headers: headers, userInfo: userInfo)
    }

    /// Whether `bytes` holds one of `needles` (ASCII letters compared without case, for `\u0000`'s hex).
    static func contains(_ bytes: ByteBufferView, any needles: [[UInt8]]) -> Bool {
        let array = Array(bytes)
        for needle in needles where !needle.isEmpty && array.count >= needle.count {
            var index = 0
            while index <= array.count - needle.count {
                var matched = true
                for offset in 0..<needle.count where Self.lower(array[index + offset]) != Self.lower(needle[offset]) {
                    matched = false
                    break
                }
                if matched { return true }
                index += 1
            }
        }
        return false
    }

    private static func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
}
