import Foundation
import Testing

@testable import RoundsCore

/// A segment built from many documents counts terms by number, in runs built at once and then joined;
/// each document's postings must be exactly its own analysis (`termFrequencies`, which a segment of
/// changes uses), or a document would rank differently after a compaction.
@Suite struct PostingsBuilderTests {
    /// The random catalog with text the ASCII shortcut does not take: accents, other scripts, emoji,
    /// upper case, stop words, plurals, digits, and a non-ASCII city next to an ASCII state.
    static func documents() -> [CatalogDocument] {
        var documents = CatalogShortcutTests.catalog(240, seed: 11)
        let texts = [
            "Électives in CARDIOLOGÍA and the surgeries", "Observerships: 3 clinics, 12 studies", "Ünïcödé façade — naïve café",
            "小児科 observership", "Rounds 🩺 with the team", "is it an IMG-friendly elective?", "", "a",
        ]
        for (n, text) in texts.enumerated() {
            documents[n * 7].title = text
            documents[n * 7 + 1].description = text + " " + text
            documents[n * 7 + 2].site.city = "Bogotá"
            documents[n * 7 + 3].site.name = text.uppercased()
        }
        return documents.sorted { IDKey($0.id) < IDKey($1.id) }
    }

    @Test(arguments: [1, 2, 3, 7])
    func eachDocumentsPostingsAreItsOwnAnalysis(parts: Int) {
        let documents = Self.documents()
        let runs = ParallelRuns.ranges(count: documents.count, parts: parts, minimumRun: 1)
        #expect(runs.count == parts && runs.map(\.count).reduce(0, +) == documents.count)
        let built = PostingsBuilder.joined(runs.map { PostingsBuilder(documents[$0]) })
        var found = [[String: Float]](repeating: [:], count: documents.count)
        for (term, postings) in built.postingsByTerm {
            #expect(postings.map(\.document) == postings.map(\.document).sorted(), "\(term): postings out of order")
            for posting in postings { found[Int(posting.document)][term] = posting.frequency }
        }
        for (position, document) in documents.enumerated() {
            let expected = CatalogSegment.termFrequencies(document)
            #expect(found[position] == expected, "\(document.title) / \(document.description) / \(document.site.city)")
            #expect(built.lengths[position] == expected.values.reduce(0, +))
        }
    }
}
