import Foundation

/// The application service a personal statement is written for, with the length it accepts. Both
/// count characters as Rounds does everywhere (Unicode code points, spaces and line breaks included).
public enum StatementService: String, CaseIterable, Codable, Sendable {
    case eras, amcas

    public var name: String {
        switch self {
        case .eras: "ERAS (residency)"
        case .amcas: "AMCAS (medical school)"
        }
    }

    private var rule: DomainRule {
        switch self {
        case .eras: .erasStatementCharacters
        case .amcas: .amcasStatementCharacters
        }
    }

    /// The most characters the service's form takes (rules file, section "statements").
    public var characterLimit: Int { DomainRules.shipped.number(self.rule) }

    /// Where the limit comes from, shown beside the counter.
    public var limitSource: SourcedFact { DomainRules.shipped[self.rule].fact }

    /// Drafts may run over the AMCAS limit while they are worked on; nothing is kept past the largest
    /// limit a service accepts, which also keeps a form inside the request size limit.
    public static var storageLimit: Int { StatementService.allCases.map(\.characterLimit).max() ?? 0 }
}

/// What the counters under a statement show: the same numbers in the page script and on the server.
public struct StatementCounts: Equatable, Sendable {
    public var characters: Int
    public var words: Int

    public init(_ text: String) {
        self.characters = text.textLength
        self.words = text.split(whereSeparator: { $0.isWhitespace }).count
    }

    /// Characters past the service's limit; 0 when it fits.
    public func overrun(for service: StatementService) -> Int { max(0, self.characters - service.characterLimit) }
}
