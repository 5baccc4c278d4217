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

    /// The most characters the service's form takes.
    public var characterLimit: Int {
        switch self {
        case .eras: 28_000
        case .amcas: 5_300
        }
    }

    /// Where the limit comes from, shown beside the counter.
    public var limitSource: SourcedFact {
        switch self {
        case .eras:
            SourcedFact(
                statement: "The MyERAS personal statement is limited to 28,000 characters, which include letters, numbers, spaces, and punctuation marks",
                citation: "AAMC, ERAS Tools and Worksheets, “Personal Statement”",
                url: "https://students-residents.aamc.org/applying-residencies-eras/publication-chapters/personal-statement",
                confidence: "primary", checked: "2026-12-03", holdsFor: "2026 ERAS season (the page current on the date checked)")
        case .amcas:
            SourcedFact(
                statement: "The AMCAS Personal Comments Essay has 5,300 characters, spaces included",
                citation: "AAMC, AMCAS Applicant Guide, “Personal Comments Essay” (the number read from copies of the guide; the AAMC page itself did not show it when checked)",
                url: "https://students-residents.aamc.org/applying-medical-school-amcas/publication-chapters/personal-comments-essay",
                confidence: "secondary", checked: "2026-12-03", holdsFor: "AMCAS 2027 cycle")
        }
    }

    /// Drafts may run over the AMCAS limit while they are worked on; nothing is kept past the largest
    /// limit a service accepts, which also keeps a form inside the request size limit.
    public static let storageLimit = StatementService.allCases.map(\.characterLimit).max()!
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
