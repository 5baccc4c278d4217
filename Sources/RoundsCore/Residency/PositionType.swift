import Foundation

/// An NRMP Main Residency Match program type: the 8th character of the program's NRMP code
/// (program-types.json holds the names, descriptions and source).
public enum PositionType: String, CaseIterable, Codable, Sendable {
    case categorical = "C"
    case primaryCare = "M"
    case preliminary = "P"
    case advanced = "A"
    case physician = "R"

    /// The type an NRMP code names, or nil when the code has no Main Match type letter.
    public init?(nrmpCode code: String) {
        guard code.count >= 8 else { return nil }
        self.init(rawValue: String(code[code.index(code.startIndex, offsetBy: 7)]))
    }
}

/// The program types as shipped, each with its name and description, and where they come from.
public struct ProgramTypeTable: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var type: PositionType
        public var name: String
        public var description: String
    }

    public var entries: [Entry]
    public var provenance: Provenance
    public var checked: String
    /// NRMP's rule that supplemental lists hold preliminary programs linked to advanced ones.
    public var supplementalRule: String
    public var supplementalProvenance: Provenance

    public func name(of type: PositionType) -> String { self.entries.first { $0.type == type }?.name ?? type.rawValue }

    private struct File: Decodable {
        struct TypeRow: Decodable {
            var letter: String
            var name: String
            var description: String
        }

        struct Rule: Decodable {
            var rule: String
            var source: String
            var checked: String
        }

        var holds_for: String
        var source: String
        var confidence: SourceConfidence
        var checked: String
        var types: [TypeRow]
        var supplemental_rule: Rule
    }

    /// Reads program-types.json; every type Rounds knows must be there once, and nothing else.
    public static func decode(_ data: Data) throws -> ProgramTypeTable {
        let file = try JSONDecoder().decode(File.self, from: data)
        var entries: [Entry] = []
        for row in file.types {
            guard let type = PositionType(rawValue: row.letter) else {
                throw ReferenceDataError(file: "program-types.json", problem: "unknown program type letter \(row.letter)")
            }
            entries.append(Entry(type: type, name: row.name, description: row.description))
        }
        guard Set(entries.map(\.type)) == Set(PositionType.allCases), entries.count == PositionType.allCases.count else {
            throw ReferenceDataError(file: "program-types.json", problem: "needs each of C, M, P, A and R exactly once")
        }
        return ProgramTypeTable(
            entries: entries, provenance: Provenance(source: file.source, confidence: file.confidence, holdsFor: file.holds_for), checked: file.checked,
            supplementalRule: file.supplemental_rule.rule,
            supplementalProvenance: Provenance(source: file.supplemental_rule.source, confidence: .primary, holdsFor: file.holds_for))
    }
}
