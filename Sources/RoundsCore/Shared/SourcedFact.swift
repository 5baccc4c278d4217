/// A domain rule or limit as a sentence with its source, shown to users next to the decision it makes
/// and listed in docs/DOMAIN.md.
public struct SourcedFact: Equatable, Sendable {
    public var statement: String
    /// The rule or publication, and where it is published or quoted.
    public var citation: String
    public var url: String
    /// "primary" when the URL is the issuing body's own page, "secondary" when it quotes one.
    public var confidence: String
    /// The day the value was compared with the source (ISO date).
    public var checked: String
    /// The season or period the value holds for, when the source says.
    public var holdsFor: String?

    public init(statement: String, citation: String, url: String, confidence: String, checked: String, holdsFor: String? = nil) {
        self.statement = statement
        self.citation = citation
        self.url = url
        self.confidence = confidence
        self.checked = checked
        self.holdsFor = holdsFor
    }

    /// The statement with its source, as a sentence a page can show.
    public var withSource: String { "\(self.statement) (Source: \(self.citation), \(self.url), checked \(self.checked).)" }
}
