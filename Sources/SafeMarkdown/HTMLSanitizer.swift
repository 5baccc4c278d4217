/// An allow-list HTML sanitizer for what a Markdown renderer produces. Elements Markdown makes are kept
/// with only their harmless attributes (links and images to http, https, mailto or relative addresses);
/// any other markup is shown as text, so `<script>` reads as "<script>" and runs nothing. Closing tags
/// without an opening one are dropped and open elements are closed at the end, so the result cannot
/// close the page's own elements.
public enum HTMLSanitizer {
    /// Allowed elements and the attributes each may keep.
    static let allowed: [String: Set<String>] = [
        "p": [], "br": [], "hr": [], "em": [], "strong": [], "del": [], "s": [], "code": [], "pre": [], "blockquote": [],
        "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [],
        "ul": [], "ol": ["start"], "li": [],
        "a": ["href", "title"], "img": ["src", "alt", "title"],
        "table": [], "thead": [], "tbody": [], "tr": [], "th": ["align"], "td": ["align"],
    ]
    static let void: Set<String> = ["br", "hr", "img"]
    static let schemes: Set<String> = ["http", "https", "mailto"]

    public static func sanitize(_ html: String, demoteHeadings: Bool = false) -> SafeHTML {
        let scalars = Array(html.unicodeScalars)
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var open: [String] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "<":
                guard let tag = Tag.parse(scalars, at: index) else {
                    output += "&lt;"
                    index += 1
                    continue
                }
                if Self.allowed[tag.name] != nil {
                    Self.emit(tag, into: &output, open: &open, demoteHeadings: demoteHeadings)
                } else {
                    output += String(String.UnicodeScalarView(scalars[index..<tag.end])).htmlEscaped
                }
                index = tag.end
            case "&":
                if let end = Self.entityEnd(scalars, at: index) {
                    output.unicodeScalars.append(contentsOf: scalars[index..<end])
                    index = end
                } else {
                    output += "&amp;"
                    index += 1
                }
            case ">": output += "&gt;"; index += 1
            case "\"": output += "&quot;"; index += 1
            case "'": output += "&#39;"; index += 1
            default:
                output.unicodeScalars.append(scalar)
                index += 1
            }
        }
        for name in open.reversed() { output += "</\(name)>" }
        return SafeHTML(sanitized: output)
    }

    private static func emit(_ tag: Tag, into output: inout String, open: inout [String], demoteHeadings: Bool) {
        let name = demoteHeadings ? Self.demoted(tag.name) : tag.name
        if tag.isClosing {
            // Close what is open down to the matching element; a stray closing tag is dropped.
            guard let position = open.lastIndex(of: name) else { return }
            for inner in open[position...].reversed() { output += "</\(inner)>" }
            open.removeSubrange(position...)
            return
        }
        var attributes: [(String, String)] = []
        let kept = Self.allowed[tag.name] ?? []
        for (attribute, value) in tag.attributes where kept.contains(attribute) && !attributes.contains(where: { $0.0 == attribute }) {
            if let checked = Self.checked(attribute, value) { attributes.append((attribute, checked)) }
        }
        if name == "img", !attributes.contains(where: { $0.0 == "src" }) {
            // An image with nowhere safe to load from shows its description.
            if let alt = attributes.first(where: { $0.0 == "alt" })?.1 { output += alt.htmlEscaped }
            return
        }
        if name == "a", let href = attributes.first(where: { $0.0 == "href" })?.1, Self.isExternal(href) {
            attributes.append(("rel", "nofollow noopener noreferrer"))
        }
        output += "<" + name
        for (attribute, value) in attributes { output += " \(attribute)=\"\(value.htmlEscaped)\"" }
        output += ">"
        if !Self.void.contains(name) { open.append(name) }
    }

    private static func demoted(_ name: String) -> String {
        switch name {
        case "h1": "h2"
        case "h2": "h3"
        case "h3": "h4"
        case "h4": "h5"
        case "h5", "h6": "h6"
        default: name
        }
    }

    /// The attribute's value if it is harmless, else nil (the attribute is left out).
    static func checked(_ attribute: String, _ value: String) -> String? {
        switch attribute {
        case "href", "src": Self.safeURL(value)
        case "start": value.count <= 6 && !value.isEmpty && value.unicodeScalars.allSatisfy(Self.isASCIIDigit) ? value : nil
        case "align": ["left", "center", "right"].contains(value) ? value : nil
        default: value
        }
    }

    /// A link target browsers will not run: http, https or mailto, or an address without a scheme. The
    /// value is checked exactly as it will be written (escaped), so an entity the browser would decode
    /// cannot hide a scheme; control characters, which browsers strip or misread in schemes, refuse it.
    static func safeURL(_ value: String) -> String? {
        guard !value.isEmpty, !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        guard let colon = value.firstIndex(of: ":") else { return value }
        let beforeColon = value[..<colon]
        // A colon after a path, query or fragment starts no scheme ("/a:b", "?q=a:b").
        if beforeColon.contains(where: { "/?#".contains($0) }) { return value }
        return Self.schemes.contains(beforeColon.lowercased()) ? value : nil
    }

    static func isExternal(_ href: String) -> Bool {
        let lowered = href.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("//")
    }

    /// The end of a character reference (`&amp;`, `&#38;`, `&#x26;`) starting at `index`, if one does.
    static func entityEnd(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        var position = index + 1
        guard position < scalars.count else { return nil }
        if scalars[position] == "#" {
            position += 1
            let isHex = position < scalars.count && (scalars[position] == "x" || scalars[position] == "X")
            if isHex { position += 1 }
            let start = position
            var value: UInt32 = 0
            while position < scalars.count, position - start < 7, let digit = Self.digit(scalars[position], hex: isHex) {
                value = value * (isHex ? 16 : 10) + digit
                position += 1
            }
            guard position > start, position < scalars.count, scalars[position] == ";", value > 0, Unicode.Scalar(value) != nil else { return nil }
            return position + 1
        }
        let start = position
        while position < scalars.count, position - start < 32, Self.isASCIILetter(scalars[position]) || Self.isASCIIDigit(scalars[position]) {
            position += 1
        }
        guard position > start, position < scalars.count, scalars[position] == ";" else { return nil }
        return position + 1
    }

    private static func digit(_ scalar: Unicode.Scalar, hex: Bool) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 48
        case "a"..."f" where hex: scalar.value - 87
        case "A"..."F" where hex: scalar.value - 55
        default: nil
        }
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}

/// One start or end tag as written, read strictly; anything that does not read as a tag is text.
struct Tag {
    var name: String
    var isClosing: Bool
    var attributes: [(String, String)]
    /// The index just after the tag's `>`.
    var end: Int

    static func parse(_ s: [Unicode.Scalar], at start: Int) -> Tag? {
        var i = start + 1
        var isClosing = false
        if i < s.count, s[i] == "/" {
            isClosing = true
            i += 1
        }
        guard i < s.count, HTMLSanitizer.isASCIILetter(s[i]) else { return nil }
        var name = ""
        while i < s.count, HTMLSanitizer.isASCIILetter(s[i]) || HTMLSanitizer.isASCIIDigit(s[i]) {
            name.unicodeScalars.append(s[i])
            i += 1
        }
        var attributes: [(String, String)] = []
        while true {
            while i < s.count, Self.isSpace(s[i]) { i += 1 }
            guard i < s.count else { return nil }
            if s[i] == ">" { return Tag(name: name.lowercased(), isClosing: isClosing, attributes: attributes, end: i + 1) }
            if s[i] == "/", i + 1 < s.count, s[i + 1] == ">" {
                return Tag(name: name.lowercased(), isClosing: isClosing, attributes: attributes, end: i + 2)
            }
            var attribute = ""
            while i < s.count, !Self.isSpace(s[i]), !"\"'>/=<".unicodeScalars.contains(s[i]) {
                attribute.unicodeScalars.append(s[i])
                i += 1
            }
            guard !attribute.isEmpty else { return nil }
            while i < s.count, Self.isSpace(s[i]) { i += 1 }
            var value = ""
            if i < s.count, s[i] == "=" {
                i += 1
                while i < s.count, Self.isSpace(s[i]) { i += 1 }
                guard i < s.count else { return nil }
                if s[i] == "\"" || s[i] == "'" {
                    let quote = s[i]
                    i += 1
                    while i < s.count, s[i] != quote {
                        value.unicodeScalars.append(s[i])
                        i += 1
                    }
                    guard i < s.count else { return nil }
                    i += 1
                } else {
                    while i < s.count, !Self.isSpace(s[i]), !"\"'=<>`".unicodeScalars.contains(s[i]) {
                        value.unicodeScalars.append(s[i])
                        i += 1
                    }
                    guard !value.isEmpty else { return nil }
                }
            }
            attributes.append((attribute.lowercased(), CharacterReferences.decode(value)))
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }
}

/// Character references in attribute values, decoded as a browser would for the ones that matter to a
/// URL check; any other named reference stays as written and is escaped on output, so the browser then
/// reads it literally, exactly as it was checked.
enum CharacterReferences {
    static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "Tab": "\t", "NewLine": "\n", "sol": "/", "num": "#", "quest": "?"]

    static func decode(_ value: String) -> String {
        guard value.contains("&") else { return value }
        let scalars = Array(value.unicodeScalars)
        var output = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "&", let end = HTMLSanitizer.entityEnd(scalars, at: i) {
                let body = String(String.UnicodeScalarView(scalars[(i + 1)..<(end - 1)]))
                if let decoded = Self.scalar(body) {
                    output.append(decoded)
                    i = end
                    continue
                }
                if let text = Self.named[body] {
                    output.append(contentsOf: text.unicodeScalars)
                    i = end
                    continue
                }
            }
            output.append(scalars[i])
            i += 1
        }
        return String(output)
    }

    private static func scalar(_ body: String) -> Unicode.Scalar? {
        guard body.hasPrefix("#") else { return nil }
        let digits = body.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init)
    }
}

extension String {
    var htmlEscaped: String {
        var result = ""
        result.reserveCapacity(self.utf8.count)
        for scalar in self.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
