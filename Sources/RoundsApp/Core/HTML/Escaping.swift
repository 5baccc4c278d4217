import Plot

// Plot escapes text but writes attribute values exactly as given. Every attribute that can carry
// user data goes through these helpers; a test renders pages with hostile strings to hold us to it.

extension String {
    /// The string made safe as element text and inside a quoted attribute value alike. (Plot's own text
    /// escaping keeps existing `&entities;` and quotes; ours escapes everything, so user text never
    /// appears verbatim in a page.)
    var htmlEscaped: String {
        var result = ""
        result.reserveCapacity(self.utf8.count)
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

typealias BodyNode = Node<HTML.BodyContext>

extension Node where Context == HTML.BodyContext {
    /// An element with any name; children may include `.safeAttribute` nodes.
    static func tag(_ name: String, _ nodes: BodyNode...) -> BodyNode {
        .element(named: name, nodes: nodes)
    }

    static func tag(_ name: String, _ nodes: [BodyNode]) -> BodyNode {
        .element(named: name, nodes: nodes)
    }

    /// An attribute whose value is escaped; use for anything not a compile-time constant.
    static func safeAttribute(_ name: String, _ value: String) -> BodyNode {
        // Empty values are kept: `<option value="">` must not fall back to submitting its label.
        .attribute(named: name, value: value.htmlEscaped, ignoreIfValueIsEmpty: false)
    }

    /// A boolean attribute such as `required` or `checked`, present only when `isOn`.
    static func flag(_ name: String, _ isOn: Bool = true) -> BodyNode {
        isOn ? .attribute(named: name, value: name) : .empty
    }

    /// Text escaped completely (ampersands included).
    static func safeText(_ text: String) -> BodyNode {
        .raw(text.htmlEscaped)
    }

    /// A link to one of our own paths, or to an http(s) URL; anything else becomes plain text.
    static func safeLink(_ href: String, _ nodes: BodyNode...) -> BodyNode {
        let lowered = href.lowercased()
        guard href.hasPrefix("/") && !href.hasPrefix("//") || lowered.hasPrefix("https://")
            || lowered.hasPrefix("http://")
        else { return .group(nodes) }
        return .element(named: "a", nodes: [.safeAttribute("href", href)] + nodes)
    }

    /// A self-closing element (input, meta) with escaped attribute values.
    static func voidTag(_ name: String, _ attributes: [(String, String)]) -> BodyNode {
        .selfClosedElement(
            named: name,
            attributes: attributes.map { Attribute<HTML.BodyContext>(name: $0.0, value: $0.1.htmlEscaped) }
        )
    }
}
