import Foundation

/// Text compared as people type it: case and accents do not matter.
public enum LooseText {
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }

    /// Whether every word of `query` appears in one of `fields` (an empty query matches everything).
    public static func matches(_ query: String, in fields: [String]) -> Bool {
        let haystack = Self.fold(fields.joined(separator: " \u{1F} "))
        return Self.fold(query).split(whereSeparator: \.isWhitespace).allSatisfy { haystack.contains($0) }
    }
}
