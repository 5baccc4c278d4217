import Foundation

/// An Atom 1.0 feed (RFC 4287) of published guides: entry ids are stable tag URIs (RFC 4151), so a feed
/// reader does not show a guide twice when its title or address changes.
public struct AtomFeed: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var title: String
        public var link: String
        public var published: Date
        public var updated: Date
        public var author: String
        public var summary: String
        /// The body as HTML (already sanitized); the feed carries it escaped, as `type="html"` says.
        public var html: String
        public var categories: [String]

        public init(id: String, title: String, link: String, published: Date, updated: Date, author: String, summary: String, html: String, categories: [String]) {
            self.id = id
            self.title = title
            self.link = link
            self.published = published
            self.updated = updated
            self.author = author
            self.summary = summary
            self.html = html
            self.categories = categories
        }
    }

    public var id: String
    public var title: String
    public var selfLink: String
    public var alternateLink: String
    public var updated: Date
    public var entries: [Entry]

    public init(id: String, title: String, selfLink: String, alternateLink: String, updated: Date, entries: [Entry]) {
        self.id = id
        self.title = title
        self.selfLink = selfLink
        self.alternateLink = alternateLink
        self.updated = updated
        self.entries = entries
    }

    /// A tag URI for a guide: the site's host, the year the guide was first published and its id.
    public static func tagURI(host: String, year: Int, id: String) -> String {
        "tag:\(host),\(year):guides/\(id)"
    }

    public var xml: String {
        var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
        xml += #"<feed xmlns="http://www.w3.org/2005/Atom">"# + "\n"
        xml += "  <id>\(Self.escaped(self.id))</id>\n"
        xml += "  <title>\(Self.escaped(self.title))</title>\n"
        xml += "  <updated>\(Self.timestamp(self.updated))</updated>\n"
        xml += #"  <link rel="self" type="application/atom+xml" href="\#(Self.escaped(self.selfLink))"/>"# + "\n"
        xml += #"  <link rel="alternate" type="text/html" href="\#(Self.escaped(self.alternateLink))"/>"# + "\n"
        for entry in self.entries {
            xml += "  <entry>\n"
            xml += "    <id>\(Self.escaped(entry.id))</id>\n"
            xml += "    <title>\(Self.escaped(entry.title))</title>\n"
            xml += #"    <link rel="alternate" type="text/html" href="\#(Self.escaped(entry.link))"/>"# + "\n"
            xml += "    <published>\(Self.timestamp(entry.published))</published>\n"
            xml += "    <updated>\(Self.timestamp(entry.updated))</updated>\n"
            xml += "    <author><name>\(Self.escaped(entry.author))</name></author>\n"
            for category in entry.categories { xml += #"    <category term="\#(Self.escaped(category))"/>"# + "\n" }
            xml += "    <summary>\(Self.escaped(entry.summary))</summary>\n"
            xml += #"    <content type="html">\#(Self.escaped(entry.html))</content>"# + "\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    static func timestamp(_ date: Date) -> String {
        // RFC 3339 in UTC: 2026-12-03T06:00:00Z.
        date.formatted(.iso8601)
    }

    /// Text safe inside XML 1.0 elements and attributes; characters XML forbids (most controls) are dropped.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
