import Ink

/// Markdown written by people (guides, newsletter issues) as HTML safe to show. Raw HTML is not Markdown
/// here: every `<` is text. Ink renders the rest, writing link targets unescaped; the allow-list sanitizer
/// then keeps only the elements Markdown makes, with their few attributes checked.
///
/// Ink 0.6.0 is not robust on its own: fuzzing found inputs where it never returns (`<p` alone) and
/// inputs where it reads past the end of the text and traps (a list or a `---` line at the very end or
/// start). So `<` never reaches it, and the text is put between two marker paragraphs, which are removed
/// from the output; with both, millions of random inputs render (SafeMarkdownTests runs thousands).
public enum SafeMarkdown {
    /// The page gives the document its own `h1`, so Markdown's headings start at `h2`.
    public static func render(_ markdown: String) -> SafeHTML {
        HTMLSanitizer.sanitize(Self.restored(MarkdownParser().html(from: Self.guarded(markdown))), demoteHeadings: true)
    }

    /// A file of ours split into its metadata block (`---` lines around `key: value` lines) and the
    /// Markdown after it; the demo guides are written this way. Without a block, all of it is Markdown.
    public static func frontMatter(_ file: String) -> (metadata: [String: String], markdown: String) {
        let lines = file.replacingAll("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return ([:], file) }
        var metadata: [String: String] = [:]
        for line in lines[1..<end] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            metadata[String(line[..<colon]).trimmed] = String(line[line.index(after: colon)...]).trimmed
        }
        return (metadata, lines[(end + 1)...].joined(separator: "\n"))
    }

    /// Stands in for `<` while Ink parses (a private-use character, written as `&lt;` afterwards).
    static let lessThan = "\u{E000}"
    /// The marker paragraphs' text (another private-use character, removed afterwards).
    static let marker = "\u{E001}"

    /// Line ends as `\n`; no NUL (Ink would copy it into the HTML), no `<`, no private-use stand-ins the
    /// writer typed; and the marker paragraphs around it.
    static func guarded(_ markdown: String) -> String {
        let text = markdown.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n").replacingAll("\u{0}", with: "\u{FFFD}")
            .replacingAll(Self.lessThan, with: "\u{FFFD}").replacingAll(Self.marker, with: "\u{FFFD}").replacingAll("<", with: Self.lessThan)
        return Self.marker + "\n\n" + text + "\n\n" + Self.marker
    }

    static func restored(_ html: String) -> String {
        html.replacingAll("<p>" + Self.marker + "</p>", with: "").replacingAll(Self.marker, with: "").replacingAll(Self.lessThan, with: "&lt;")
    }
}

extension String {
    /// Every occurrence of `target` replaced (Foundation's `replacingOccurrences` without Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard self.contains(target) else { return self }
        return self.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

extension StringProtocol {
    var trimmed: String {
        String(self.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
