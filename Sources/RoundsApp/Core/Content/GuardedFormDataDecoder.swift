import NIOCore
import NIOHTTP1
import Vapor

/// Decodes `multipart/form-data` with MultipartKit, after refusing the bodies that make MultipartKit
/// 4.7.1 trap instead of throwing: an empty boundary (a precondition) and a part header whose name
/// holds a byte of 0x80 or more (an out-of-range table lookup). Either would take the whole server
/// down on one request, and any unsafe HTML request reads its form (the CSRF check), signed in or not.
struct GuardedFormDataDecoder: ContentDecoder {
    static let refusal = Abort(
        .badRequest,
        reason: "The body is not valid multipart/form-data: a part's header names must be plain ASCII."
    )
    private let decoder = FormDataDecoder()

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try self.decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(
        _ decodable: D.Type,
        from body: ByteBuffer,
        headers: HTTPHeaders,
        userInfo: [CodingUserInfoKey: any Sendable]
    ) throws -> D {
        guard let boundary = headers.contentType?.parameters["boundary"], !boundary.isEmpty else {
            throw Abort(.unsupportedMediaType, reason: "A multipart/form-data body needs a boundary parameter.")
        }
        guard MultipartHeaderScan.isSafe(body.readableBytesView, boundary: boundary) else { throw Self.refusal }
        return try self.decoder.decode(D.self, from: body, headers: headers, userInfo: userInfo)
    }
}

/// Walks a multipart body through the same states as MultipartKit's parser (preamble, part headers,
/// body, boundary, epilogue) and answers whether the parser would meet a header-name byte of 0x80 or
/// more. Where the parser would throw a syntax error the walk may carry on; such a body gets a 400
/// either way, so being stricter there costs nothing.
struct MultipartHeaderScan {
    private enum State {
        case preamble(matched: Int)
        case expectingCR, expectingLF  // the line break after a boundary
        case headerName(isEmpty: Bool)
        case headerValue
        case expectingHeaderLF, expectingBodyLF
        case body
        case boundary(matched: Int)
    }

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let colon = UInt8(ascii: ":")
    private static let hyphen = UInt8(ascii: "-")

    /// What the parser looks for: the boundary with the line break and dashes that precede it.
    private let delimiter: [UInt8]
    private var state = State.preamble(matched: 0)

    private init(boundary: String) {
        self.delimiter = Array("\r\n--\(boundary)".utf8)
    }

    static func isSafe(_ bytes: some Collection<UInt8>, boundary: String) -> Bool {
        var scan = MultipartHeaderScan(boundary: boundary)
        return scan.walk(bytes)
    }

    private mutating func walk(_ bytes: some Collection<UInt8>) -> Bool {
        for byte in bytes {
            switch self.state {
            case .preamble(let matched):
                self.state = self.preamble(after: matched, byte)
            case .expectingCR:
                guard byte == Self.cr else { return true }  // the parser throws
                self.state = .expectingLF
            case .expectingLF:
                guard byte == Self.lf else { return true }
                self.state = .headerName(isEmpty: true)
            case .headerName(let isEmpty):
                if byte >= 0x80 { return false }
                if byte == Self.colon, !isEmpty {
                    self.state = .headerValue
                } else if byte == Self.cr, isEmpty {
                    self.state = .expectingBodyLF
                } else {
                    self.state = .headerName(isEmpty: false)
                }
            case .headerValue:
                if byte == Self.cr { self.state = .expectingHeaderLF }
            case .expectingHeaderLF:
                guard byte == Self.lf else { return true }
                self.state = .headerName(isEmpty: true)
            case .expectingBodyLF:
                guard byte == Self.lf else { return true }
                self.state = .body
            case .body:
                if byte == self.delimiter[0] { self.state = .boundary(matched: 1) }
            case .boundary(let matched):
                if matched == self.delimiter.count {
                    if byte == Self.cr {
                        self.state = .expectingLF
                    } else {
                        return true  // the epilogue (ignored) or a syntax error
                    }
                } else if byte == self.delimiter[matched] {
                    self.state = .boundary(matched: matched + 1)
                } else {
                    self.state = byte == self.delimiter[0] ? .boundary(matched: 1) : .body
                }
            }
        }
        return true
    }

    private func preamble(after matched: Int, _ byte: UInt8) -> State {
        let next: Int
        if matched == 0, byte == self.delimiter[2] {
            next = 3  // the first boundary may come without its leading line break
        } else if byte == self.delimiter[matched] {
            next = matched + 1
        } else if matched > 0, byte == self.delimiter[0] {
            next = 1
        } else {
            next = 0
        }
        return next == self.delimiter.count ? .expectingCR : .preamble(matched: next)
    }
}
