import Foundation
import Testing

/// Plot writes attribute values verbatim, and its `.title` head node copies the title into meta tags
/// unescaped (issue 13, defect 1). This reads the app's view code and refuses any Plot attribute helper
/// fed something other than a plain string literal or one of our paths; user text goes through
/// `.safeAttribute`, `.voidTag` or `.safeLink`, which escape it.
@Suite struct PlotAttributeAuditTests {
    static let helpers = ["href", "class", "id", "action", "value", "name", "content", "src", "title", "for", "rel", "placeholder", "alt"]

    /// Reviewed exceptions: each value comes from code, never from a person.
    static let reviewed: Set<String> = [
        #".class("flash flash-\(flash.kind.rawValue)")"#,  // an enum's raw value
        #".class("button \(style)")"#,  // a style name chosen by the calling view
    ]

    static var sourceRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/RoundsApp")
    }

    static func offenders() throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"\.(\#(helpers.joined(separator: "|")))\(([^()]*(\([^()]*\))?[^()]*)\)"#)
        var found: [String] = []
        let files = FileManager.default.enumerator(at: sourceRoot, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", let text = try? String(contentsOf: file, encoding: .utf8), text.contains("import Plot") else {
                continue
            }
            for (number, line) in text.components(separatedBy: "\n").enumerated() {
                let range = NSRange(line.startIndex..., in: line)
                for match in pattern.matches(in: line, range: range) {
                    let call = (line as NSString).substring(with: match.range)
                    let argument = (line as NSString).substring(with: match.range(at: 2)).trimmingCharacters(in: .whitespaces)
                    if Self.isSafe(argument) || Self.reviewed.contains(call) { continue }
                    found.append("\(file.lastPathComponent):\(number + 1): \(call)")
                }
            }
        }
        return found
    }

    /// A literal without interpolation, a choice between such literals, or a path of ours.
    static func isSafe(_ argument: String) -> Bool {
        if argument.hasPrefix("SiteRoute.") || argument.hasPrefix("APIRoute.") || argument.isEmpty { return true }
        // A typed Plot value such as `.icon` or `.utf8`.
        if argument.range(of: #"^\.[A-Za-z0-9]+$"#, options: .regularExpression) != nil { return true }
        // Keyword arguments of other APIs that share a helper's name (`.value(cost:)`, cookies' `.value(token)`).
        if argument.range(of: #"^[a-z]+:"#, options: .regularExpression) != nil { return true }
        let literals = argument.components(separatedBy: CharacterSet(charactersIn: "?:")).map { $0.trimmingCharacters(in: .whitespaces) }
        if argument.contains("?") {
            return literals.dropFirst().allSatisfy { $0.hasPrefix("\"") && !$0.contains("\\(") }
        }
        return argument.hasPrefix("\"") && !argument.contains("\\(")
    }

    @Test func plotAttributesNeverTakeUnescapedText() throws {
        let found = try Self.offenders()
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test func theAuditSeesTheSources() throws {
        // The audit would pass vacuously if it read nothing; the layout's own attributes must be seen.
        let layout = try String(contentsOf: Self.sourceRoot.appendingPathComponent("Core/HTML/PageLayout.swift"), encoding: .utf8)
        #expect(layout.contains(".href(SiteRoute.home.path)"))
        #expect(!Self.isSafe("opportunity.title"))
        #expect(!Self.isSafe(#""\(opportunity.title)""#))
        #expect(Self.isSafe(#"error == nil ? "field" : "field has-error""#))
    }

    @Test func plotsTitleHelperIsNotUsed() throws {
        // `.title(` on the head also writes og:title and twitter:title with the value unescaped.
        let layout = try String(contentsOf: Self.sourceRoot.appendingPathComponent("Core/HTML/PageLayout.swift"), encoding: .utf8)
        #expect(!layout.contains(".title("))
    }
}
