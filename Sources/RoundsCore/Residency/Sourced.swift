/// How sure Rounds is of a published value: `primary` is the issuing body's own page, `secondary` a
/// third party citing it, `inferred` derived by a stated rule (e.g. "Match Day is the third Friday").
public enum SourceConfidence: String, Codable, Sendable, CaseIterable {
    case primary, secondary, inferred

    public var label: String {
        switch self {
        case .primary: "official source"
        case .secondary: "secondary source"
        case .inferred: "inferred"
        }
    }
}

/// Where a value comes from, shown to the user next to it.
public struct Provenance: Equatable, Sendable {
    /// The page the value was read from; nil when it was inferred without one.
    public var source: String?
    public var confidence: SourceConfidence
    /// The season or date the value holds for, e.g. "2026 ERAS season"; shown as given.
    public var holdsFor: String?
    /// Why the value is what it is, when the data says (an inference rule, a caveat).
    public var note: String?

    public init(source: String?, confidence: SourceConfidence, holdsFor: String? = nil, note: String? = nil) {
        self.source = source
        self.confidence = confidence
        self.holdsFor = holdsFor
        self.note = note
    }
}

/// A reference data file that does not say what Rounds needs; start-up stops with this message.
public struct ReferenceDataError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var problem: String

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(self.file): \(self.problem)" }
}
