import Foundation
import Testing

/// Feature folders depend on each other one way only (issue 15): when two features need the same
/// record or helper, it lives in `Core`, so a new feature can build on an old one without the old one
/// reaching back. This reads the sources: a folder depends on another when its code (comments aside)
/// names a type declared at the top level of the other.
@Suite struct FeatureDependencyTests {
    static var featuresRoot: URL { PlotAttributeAuditTests.sourceRoot.appendingPathComponent("Features") }

    /// Each file's code with `//` comments removed (string literals holding `//` lose their tail,
    /// which only ever hides a reference, never invents one).
    static func sources(in folder: URL) -> [String] {
        var texts: [String] = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            texts.append(text.components(separatedBy: "\n").map { $0.components(separatedBy: "//").first ?? "" }.joined(separator: "\n"))
        }
        return texts
    }

    static func dependencies() throws -> [String: Set<String>] {
        let folders = try FileManager.default.contentsOfDirectory(atPath: featuresRoot.path).filter { !$0.hasPrefix(".") }
        let declaration = try NSRegularExpression(
            pattern: #"^(?:(?:public|private|fileprivate|internal|final) )*(?:struct|enum|class|protocol|actor|typealias) ([A-Z]\w*)"#,
            options: .anchorsMatchLines)
        let word = try NSRegularExpression(pattern: #"\b[A-Z]\w*\b"#)
        var code: [String: [String]] = [:]
        var owners: [String: Set<String>] = [:]
        for folder in folders {
            code[folder] = sources(in: featuresRoot.appendingPathComponent(folder))
            for text in code[folder]! {
                for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    owners[String(text[Range(match.range(at: 1), in: text)!]), default: []].insert(folder)
                }
            }
        }
        var edges: [String: Set<String>] = [:]
        for (folder, texts) in code {
            for text in texts {
                for match in word.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let name = String(text[Range(match.range, in: text)!])
                    guard let owner = owners[name], owner.count == 1, let other = owner.first, other != folder else { continue }
                    edges[folder, default: []].insert(other)
                }
            }
        }
        return edges
    }

    @Test func noTwoFeaturesDependOnEachOther() throws {
        let edges = try Self.dependencies()
        #expect(!edges.isEmpty, "the check found no dependencies at all, so it is not reading the sources")
        let twoWay = edges.flatMap { folder, others in
            others.filter { edges[$0]?.contains(folder) == true && folder < $0 }.map { "\(folder) <-> \($0)" }
        }
        #expect(twoWay.isEmpty, "\(twoWay.sorted().joined(separator: "\n"))")
    }
}
