/// Full-text search over guides: every word of the query must occur in the guide (case, accents and
/// plurals folded, as the catalog's search folds them); a word counts most in the title, then the tags,
/// the summary and the body. Guides are few (hundreds), so they are searched in memory.
public enum GuideSearch {
    public struct Indexed<ID: Hashable & Sendable>: Sendable {
        public var id: ID
        var title: Set<String>
        var tags: Set<String>
        var summary: Set<String>
        var body: Set<String>

        public init(id: ID, title: String, tags: [GuideTag], summary: String, body: String) {
            self.id = id
            self.title = Set(TextAnalyzer.terms(title))
            self.tags = Set(tags.flatMap { TextAnalyzer.terms($0.label) })
            self.summary = Set(TextAnalyzer.terms(summary))
            self.body = Set(TextAnalyzer.terms(body))
        }

        /// The guide's score for the query's terms, or nil when a term is missing.
        func score(_ terms: [String]) -> Int? {
            var total = 0
            for term in terms {
                var points = 0
                if self.title.contains(term) { points += 5 }
                if self.tags.contains(term) { points += 3 }
                if self.summary.contains(term) { points += 2 }
                if self.body.contains(term) { points += 1 }
                guard points > 0 else { return nil }
                total += points
            }
            return total
        }
    }

    /// At most this many words of a query are used.
    public static let maximumTerms = 12

    public static func terms(_ query: String) -> [String] {
        var seen = Set<String>()
        return Array(TextAnalyzer.terms(query).filter { seen.insert($0).inserted }.prefix(Self.maximumTerms))
    }

    /// The ids of the guides matching every term, best first; ties keep the given order (newest first).
    public static func rank<ID>(_ guides: [Indexed<ID>], query: String) -> [ID] {
        let terms = Self.terms(query)
        guard !terms.isEmpty else { return guides.map(\.id) }
        return guides.enumerated()
            .compactMap { offset, guide in guide.score(terms).map { (offset, guide.id, $0) } }
            .sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }
            .map(\.1)
    }
}
