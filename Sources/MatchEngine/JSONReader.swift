/// A small JSON reader over UTF-8 bytes, for instance files. Foundation's decoders spend most of a large
/// match reading the file; this reads the same 12 MB in a fraction of the time and reports the line of
/// any syntax error.
struct JSONReader {
    enum Value: Equatable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
        case array([Value])
        case object([(String, Value)])

        static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case (.string(let a), .string(let b)): a == b
            case (.number(let a), .number(let b)): a == b
            case (.bool(let a), .bool(let b)): a == b
            case (.null, .null): true
            case (.array(let a), .array(let b)): a == b
            case (.object(let a), .object(let b)): a.elementsEqual(b) { $0.0 == $1.0 && $0.1 == $1.1 }
            default: false
            }
        }

        subscript(key: String) -> Value? {
            guard case .object(let pairs) = self else { return nil }
            return pairs.first { $0.0 == key }?.1
        }
    }

    struct SyntaxError: Error, Equatable, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "invalid JSON on line \(self.line): \(self.message)" }
    }

    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses one JSON document; nothing but whitespace may follow it.
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Value {
        var reader = JSONReader(bytes)
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        if reader.index < bytes.count { throw reader.error("unexpected text after the document") }
        return value
    }

    private func error(_ message: String) -> SyntaxError {
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

    private mutating func value(depth: Int) throws(SyntaxError) -> Value {
        guard depth < 64 else { throw self.error("nested too deeply") }
        self.skipWhitespace()
        guard self.index < self.bytes.count else { throw self.error("unexpected end of input") }
        switch self.bytes[self.index] {
        case UInt8(ascii: "{"): return try self.object(depth: depth)
        case UInt8(ascii: "["): return try self.array(depth: depth)
        case UInt8(ascii: "\""): return .string(try self.string())
        case UInt8(ascii: "t"): try self.literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try self.literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try self.literal("null"); return .null
        default: return .number(try self.number())
        }
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let count = word.utf8CodeUnitCount
        guard self.index + count <= self.bytes.count else { throw self.error("unexpected end of input") }
        for offset in 0..<count where self.bytes[self.index + offset] != word.utf8Start[offset] {
            throw self.error("unexpected character")
        }
        self.index += count
    }

    private mutating func object(depth: Int) throws(SyntaxError) -> Value {
        self.index += 1
        var pairs: [(String, Value)] = []
        self.skipWhitespace()
        if self.index < self.bytes.count && self.bytes[self.index] == UInt8(ascii: "}") {
            self.index += 1
            return .object(pairs)
        }
        while true {
            self.skipWhitespace()
            guard self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "\"") else {
                throw self.error("expected a quoted key")
            }
            let key = try self.string()
            self.skipWhitespace()
            guard self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: ":") else {
                throw self.error("expected ':' after key \"\(key)\"")
            }
            self.index += 1
            pairs.append((key, try self.value(depth: depth + 1)))
            self.skipWhitespace()
            guard self.index < self.bytes.count else { throw self.error("unexpected end of input in an object") }
            let byte = self.bytes[self.index]
            self.index += 1
            if byte == UInt8(ascii: "}") { return .object(pairs) }
            if byte != UInt8(ascii: ",") { throw self.error("expected ',' or '}' in an object") }
        }
    }

    private mutating func array(depth: Int) throws(SyntaxError) -> Value {
        self.index += 1
        var values: [Value] = []
        self.skipWhitespace()
        if self.index < self.bytes.count && self.bytes[self.index] == UInt8(ascii: "]") {
            self.index += 1
            return .array(values)
        }
        while true {
            values.append(try self.value(depth: depth + 1))
            self.skipWhitespace()
            guard self.index < self.bytes.count else { throw self.error("unexpected end of input in an array") }
            let byte = self.bytes[self.index]
            self.index += 1
            if byte == UInt8(ascii: "]") { return .array(values) }
            if byte != UInt8(ascii: ",") { throw self.error("expected ',' or ']' in an array") }
        }
    }

    private mutating func string() throws(SyntaxError) -> String {
        self.index += 1
        let start = self.index
        // Fast path: no escapes.
        while self.index < self.bytes.count {
            let byte = self.bytes[self.index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: self.bytes[start..<self.index], as: UTF8.self)
                self.index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            self.index += 1
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: String(decoding: self.bytes[start..<self.index], as: UTF8.self).unicodeScalars)
        var pendingUTF8: [UInt8] = []
        func flush() {
            if !pendingUTF8.isEmpty {
                scalars.append(contentsOf: String(decoding: pendingUTF8, as: UTF8.self).unicodeScalars)
                pendingUTF8.removeAll()
            }
        }
        while self.index < self.bytes.count {
            let byte = self.bytes[self.index]
            self.index += 1
            switch byte {
            case UInt8(ascii: "\""):
                flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
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
        guard self.index > start, let value = Double(String(decoding: self.bytes[start..<self.index], as: UTF8.self)) else {
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
