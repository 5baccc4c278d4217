import Testing

@testable import RoundsCore

@Suite struct TrimmingWhitespaceTests {
    /// Character by character, as the function did before its shortcut for text with nothing to trim.
    static func reference(_ text: String) -> String {
        var characters = Substring(text)
        while let first = characters.first, first.isWhitespace { characters.removeFirst() }
        while let last = characters.last, last.isWhitespace { characters.removeLast() }
        return String(characters)
    }

    /// Random strings from pieces that sit at the edges of the shortcut: ASCII and Unicode whitespace,
    /// CR LF (one character), combining marks and joiners after ASCII, prepended marks before digits.
    @Test func theShortcutTrimsExactlyAsCharacterByCharacter() {
        let pieces = [
            "a", "Z", "1", " ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}", "\u{1C}",
            "\u{301}", "\u{200D}", "\u{0600}", "é", "👩‍⚕️", "-", "\u{FEFF}", "\u{180E}",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(text.trimmingWhitespace() == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
