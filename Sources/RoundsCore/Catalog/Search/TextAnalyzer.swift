import Foundation

/// Turns text into search terms: case and accents folded, split on anything not a letter or digit,
/// common English words dropped, and plurals folded (`electives` → `elective`, `surgeries` → `surgery`).
public enum TextAnalyzer {
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of", "on", "or",
        "the", "to", "with", "our", "your", "you", "we", "this", "that",
    ]

    public static func terms(_ text: String) -> [String] {
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

    static func stem(_ term: String) -> String {
        if term.count > 4 && term.hasSuffix("ies") { return String(term.dropLast(3)) + "y" }
        if term.count > 3 && term.hasSuffix("s") && !term.hasSuffix("ss") && !term.hasSuffix("us") && !term.hasSuffix("is") {
            return String(term.dropLast())
        }
        return term
    }
}
