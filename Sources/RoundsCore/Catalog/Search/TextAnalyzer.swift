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
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return self.asciiTerms(text) }
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
        var current: [UInt8] = []
        current.reserveCapacity(24)
        func flush() {
            if current.count >= 2 {
                let term = String(decoding: current, as: UTF8.self)
                if !stopWords.contains(term) { terms.append(stem(term)) }
            }
            current.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32)
            default: flush()
            }
        }
        flush()
        return terms
    }

    static func stem(_ term: String) -> String {
        if term.count > 4 && term.hasSuffix("ies") { return String(term.dropLast(3)) + "y" }
        if term.count > 3 && term.hasSuffix("s") && !term.hasSuffix("ss") && !term.hasSuffix("us") && !term.hasSuffix("is") {
            return String(term.dropLast())
        }
        return term
    }
}
