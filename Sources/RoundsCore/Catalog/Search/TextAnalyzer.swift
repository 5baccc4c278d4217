import Foundation

/// Turns text into search terms: case and accents folded, split on anything not a letter or digit,
/// common English words dropped, and plurals folded (`electives` → `elective`, `surgeries` → `surgery`).
public enum TextAnalyzer {
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of", "on", "or",
        "the", "to", "with", "our", "your", "you", "we", "this", "that",
    ]

    public static func terms(_ text: String) -> [String] {
        // Most catalog text is ASCII: fold it byte by byte and skip Foundation's Unicode folding.
        if self.isASCII(text) { return self.asciiTerms(text) }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var terms: [String] = []
        var current = ""
        func flush() {
            if current.count >= 2 && !stopWords.contains(current) { terms.append(stem(current)) }
            current = ""
        }
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) { current.unicodeScalars.append(scalar) } else { flush() }
        }
        flush()
        return terms
    }

    private static func asciiTerms(_ text: String) -> [String] {
        var terms: [String] = []
        self.asciiTokens(text) { token in
            if let term = self.term(token: token) { terms.append(term) }
        }
        return terms
    }

    /// The words of ASCII text, folded to lower case, of two characters or more, before stop words and
    /// plurals: `term(token:)` makes each a term. Split so that the index can analyse each distinct word once.
    static func asciiTokens(_ text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var hasUpper = false
            func flush(_ end: Int) {
                let count = end - start
                if count >= 2 {
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if hasUpper {
                        body(String(unsafeUninitializedCapacity: count) { folded in
                            for (index, byte) in word.enumerated() { folded[index] = Self.isUpper(byte) ? byte + 32 : byte }
                            return count
                        })
                    } else {
                        body(String(decoding: word, as: UTF8.self))
                    }
                }
                start = end + 1
                hasUpper = false
            }
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): hasUpper = true
                default: flush(index)
                }
            }
            flush(bytes.count)
        }
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }

    /// A word's term, or nil for a stop word.
    static func term(token: String) -> String? {
        stopWords.contains(token) ? nil : stem(token)
    }

    static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    static func stem(_ term: String) -> String {
        if term.count > 4 && term.hasSuffix("ies") { return String(term.dropLast(3)) + "y" }
        if term.count > 3 && term.hasSuffix("s") && !term.hasSuffix("ss") && !term.hasSuffix("us") && !term.hasSuffix("is") {
            return String(term.dropLast())
        }
        return term
    }
}
