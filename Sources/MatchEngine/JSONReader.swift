/// A small pull reader for JSON over UTF-8 bytes, for instance files. Foundation's decoders spend most
/// of a large match reading the file; reading straight into the instance, without an intermediate tree,
/// takes a fraction of that and reports the line of any syntax error.
struct JSONReader {
    struct SyntaxError: Error, Equatable, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "invalid JSON on line \(self.line): \(self.message)" }
    }

    /// What the next value is, without consuming it.
    enum Kind: Equatable {
        case object, array, string, number, bool, null
    }

    // A raw buffer: bounds are checked by the reader itself, so the hot loops skip Array's own checks.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    /// The reader borrows `bytes`; use it only inside the caller's `withUnsafeBufferPointer`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    func error(_ message: String) -> SyntaxError {
        var line = 1
        for byte in self.bytes[0..<min(self.index, self.bytes.count)] where byte == UInt8(ascii: "\n") { line += 1 }
        return SyntaxError(line: line, message: message)
    }

    private mutating func skipWhitespace() {
        while self.index < self.bytes.count {
            switch self.bytes[self.index] {
            case 0x20, 0x0A, 0x0D, 0x09: self.index += 1
            default: return
            }
        }
    }

    mutating func peek() throws(SyntaxError) -> Kind {
        self.skipWhitespace()
        guard self.index < self.bytes.count else { throw self.error("unexpected end of input") }
        switch self.bytes[self.index] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw self.error("unexpected character")
        }
    }

    /// Calls `body` with each key of the object that comes next; `body` must consume the value.
    mutating func forEachKey(_ body: (inout JSONReader, String) throws -> Void) throws {
        guard try self.peek() == .object else { throw self.error("expected an object") }
        self.index += 1
        self.skipWhitespace()
        if self.index < self.bytes.count && self.bytes[self.index] == UInt8(ascii: "}") {
            self.index += 1
            return
        }
        while true {
            guard try self.peek() == .string else { throw self.error("expected a quoted key") }
            let key = try self.string()
            self.skipWhitespace()
            guard self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: ":") else {
                throw self.error("expected ':' after key \"\(key)\"")
            }
            self.index += 1
            try body(&self, key)
            self.skipWhitespace()
            guard self.index < self.bytes.count else { throw self.error("unexpected end of input in an object") }
            let byte = self.bytes[self.index]
            self.index += 1
            if byte == UInt8(ascii: "}") { return }
            if byte != UInt8(ascii: ",") { throw self.error("expected ',' or '}' in an object") }
        }
    }

    /// Calls `body` with the position of each element of the array that comes next; `body` must consume it.
    mutating func forEachElement(_ body: (inout JSONReader, Int) throws -> Void) throws {
        guard try self.peek() == .array else { throw self.error("expected an array") }
        self.index += 1
        self.skipWhitespace()
        if self.index < self.bytes.count && self.bytes[self.index] == UInt8(ascii: "]") {
            self.index += 1
            return
        }
        var position = 0
        while true {
            try body(&self, position)
            position += 1
            self.skipWhitespace()
            guard self.index < self.bytes.count else { throw self.error("unexpected end of input in an array") }
            let byte = self.bytes[self.index]
            self.index += 1
            if byte == UInt8(ascii: "]") { return }
            if byte != UInt8(ascii: ",") { throw self.error("expected ',' or ']' in an array") }
        }
    }

    mutating func readString() throws(SyntaxError) -> String {
        guard try self.peek() == .string else { throw self.error("expected a string") }
        return try self.string()
    }

    mutating func readNumber() throws(SyntaxError) -> Double {
        guard try self.peek() == .number else { throw self.error("expected a number") }
        return try self.number()
    }

    mutating func readNull() throws(SyntaxError) {
        try self.literal("null")
    }

    /// Skips whatever value comes next (unknown keys are allowed and ignored).
    mutating func skipValue(depth: Int = 0) throws {
        guard depth < 64 else { throw self.error("nested too deeply") }
        switch try self.peek() {
        case .object: try self.forEachKey { reader, _ in try reader.skipValue(depth: depth + 1) }
        case .array: try self.forEachElement { reader, _ in try reader.skipValue(depth: depth + 1) }
        case .string: _ = try self.string()
        case .number: _ = try self.number()
        case .bool: try self.literal(self.bytes[self.index] == UInt8(ascii: "t") ? "true" : "false")
        case .null: try self.literal("null")
        }
    }

    /// Fails unless only whitespace is left.
    mutating func expectEnd() throws(SyntaxError) {
        self.skipWhitespace()
        if self.index < self.bytes.count { throw self.error("unexpected text after the document") }
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let count = word.utf8CodeUnitCount
        guard self.index + count <= self.bytes.count else { throw self.error("unexpected end of input") }
        for offset in 0..<count where self.bytes[self.index + offset] != word.utf8Start[offset] {
            throw self.error("unexpected character")
        }
        self.index += count
    }

    private mutating func string() throws(SyntaxError) -> String {
        self.index += 1
        let start = self.index
        var isASCII = true
        // Fast path: no escapes.
        while self.index < self.bytes.count {
            let byte = self.bytes[self.index]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: self.bytes[start..<self.index])
                // ASCII is valid UTF-8 as it stands; decoding it skips the generic validation, which the
                // profile of `rounds match` showed as a tenth of the run on peer instances. Anything else is
                // validated, never repaired: two different invalid ids must not collapse into one.
                guard let text = isASCII ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self) else {
                    throw self.error("a string is not valid UTF-8")
                }
                self.index += 1
                return text
            }
            if byte >= 0x80 { isASCII = false }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            self.index += 1
        }
        var scalars = String.UnicodeScalarView()
        guard let head = String(validating: UnsafeBufferPointer(rebasing: self.bytes[start..<self.index]), as: UTF8.self) else {
            throw self.error("a string is not valid UTF-8")
        }
        scalars.append(contentsOf: head.unicodeScalars)
        var pendingUTF8: [UInt8] = []
        func flush() throws(SyntaxError) {
            if !pendingUTF8.isEmpty {
                guard let text = String(validating: pendingUTF8, as: UTF8.self) else { throw self.error("a string is not valid UTF-8") }
                scalars.append(contentsOf: text.unicodeScalars)
                pendingUTF8.removeAll()
            }
        }
        while self.index < self.bytes.count {
            let byte = self.bytes[self.index]
            self.index += 1
            switch byte {
            case UInt8(ascii: "\""):
                try flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush()
                guard self.index < self.bytes.count else { throw self.error("unfinished escape") }
                let escape = self.bytes[self.index]
                self.index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try self.hex4()
                    if (0xD800..<0xDC00).contains(code) {
                        guard self.index + 1 < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "\\"),
                            self.bytes[self.index + 1] == UInt8(ascii: "u")
                        else { throw self.error("unpaired surrogate") }
                        self.index += 2
                        let low = try self.hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw self.error("unpaired surrogate") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw self.error("invalid \\u escape") }
                    scalars.append(scalar)
                default:
                    throw self.error("invalid escape")
                }
            case 0..<0x20:
                throw self.error("control character in a string")
            default:
                pendingUTF8.append(byte)
            }
        }
        throw self.error("unterminated string")
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard self.index + 4 <= self.bytes.count else { throw self.error("unfinished \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = self.bytes[self.index]
            self.index += 1
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw self.error("invalid \\u escape")
            }
            value = value * 16 + digit
        }
        return value
    }

    private mutating func number() throws(SyntaxError) -> Double {
        let start = self.index
        while self.index < self.bytes.count, Self.isNumberByte(self.bytes[self.index]) { self.index += 1 }
        guard self.index > start, let value = Double(String(decoding: UnsafeBufferPointer(rebasing: self.bytes[start..<self.index]), as: UTF8.self)) else {
            throw self.error("unexpected character")
        }
        return value
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default:
            false
        }
    }
}
