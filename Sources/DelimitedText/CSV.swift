/// RFC 4180 comma-separated values: reading (quoted fields may hold commas, quotes and line breaks) and
/// writing (fields quoted only when they need it).
public enum CSV {
    public struct Record: Equatable, Sendable {
        /// The 1-based line the record starts on.
        public var line: Int
        public var fields: [String]
    }

    public struct SyntaxError: Error, Equatable, Sendable {
        public var line: Int
        public var message: String
    }

    /// Reads UTF-8 bytes: every byte the syntax looks at is ASCII, and no byte of a multi-byte character
    /// is, so fields are cut exactly where reading characters would cut them (several times faster).
    public static func parse(_ text: String) throws(SyntaxError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(256)
        var line = 1
        var recordLine = 1
        var inQuotes = false
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        func take() -> String {
            defer { field.removeAll(keepingCapacity: true) }
            return String(decoding: field, as: UTF8.self)
        }
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < bytes.count && bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == newline { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote where field.isEmpty: inQuotes = true
            case comma: fields.append(take())
            case carriageReturn: continue
            case newline:
                fields.append(take())
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                line += 1
                recordLine = line
            default: field.append(byte)
            }
        }
        if inQuotes { throw SyntaxError(line: recordLine, message: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(take())
            records.append(Record(line: recordLine, fields: fields))
        }
        return records.filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }
    }

    /// One line of CSV (with its line break). Looks at bytes, not characters: "\r\n" is one character
    /// and a quote followed by a combining mark is another, and neither equals the byte that matters.
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
            else { return field }
            return "\"" + field.replacingQuotes() + "\""
        }.joined(separator: ",") + "\r\n"
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var result = String.UnicodeScalarView()
        for scalar in self.unicodeScalars {
            if scalar == "\"" { result.append(scalar) }
            result.append(scalar)
        }
        return String(result)
    }
}
