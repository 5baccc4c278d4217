import Foundation

/// Builds the postings and lengths of a run of documents, for a segment built from many documents at once
/// (a cold start or a compaction). Each distinct word is made a term once (stop words dropped, plurals
/// folded) and numbered; a document's terms are counted in an array by number instead of a dictionary of
/// strings per document. Gives exactly `CatalogSegment.termFrequencies` per document (weights are whole
/// numbers, so sums do not depend on order). Runs of documents can be built apart and joined in order.
struct PostingsBuilder {
    /// Term number of each ASCII word seen, or -1 for a stop word.
    private var wordTerms: [String: Int32] = [:]
    private var termNumbers: [String: Int32] = [:]
    private(set) var terms: [String] = []
    private(set) var postings: [[CatalogSegment.Posting]] = []
    private(set) var lengths: [Float] = []
    /// This document's frequency per term number, and the numbers it touched.
    private var frequency: [Float] = []
    private var touched: [Int32] = []

    /// Adds the document that comes next in position order.
    mutating func add(_ document: CatalogDocument) {
        self.field(document.title, weight: CatalogSegment.titleWeight)
        self.field(document.site.name, weight: CatalogSegment.nameWeight)
        self.field(Specialties.rotation.find(document.specialtyID)?.name ?? "", weight: CatalogSegment.nameWeight)
        self.field(document.type.displayName, weight: 1)
        self.field(document.description, weight: 1)
        // As `termFrequencies` analyses "city state": the space between them splits words either way.
        self.field(document.site.city, weight: 1)
        self.field(document.site.state, weight: 1)

        let position = Int32(self.lengths.count)
        var length: Float = 0
        // Ascending term numbers: the order terms are met in does not matter, only that it is fixed.
        self.touched.sort()
        for number in self.touched {
            let frequency = self.frequency[Int(number)]
            self.postings[Int(number)].append(CatalogSegment.Posting(document: position, frequency: frequency))
            length += frequency
            self.frequency[Int(number)] = 0
        }
        self.touched.removeAll(keepingCapacity: true)
        self.lengths.append(length)
    }

    private mutating func field(_ text: String, weight: Float) {
        if TextAnalyzer.isASCII(text) {
            TextAnalyzer.asciiTokens(text) { word in
                let number: Int32
                if let known = self.wordTerms[word] {
                    number = known
                } else {
                    number = TextAnalyzer.term(token: word).map { self.number(of: $0) } ?? -1
                    self.wordTerms[word] = number
                }
                if number >= 0 { self.count(number, weight) }
            }
        } else {
            for term in TextAnalyzer.terms(text) { self.count(self.number(of: term), weight) }
        }
    }

    private mutating func number(of term: String) -> Int32 {
        if let number = self.termNumbers[term] { return number }
        let number = Int32(self.terms.count)
        self.termNumbers[term] = number
        self.terms.append(term)
        self.postings.append([])
        self.frequency.append(0)
        return number
    }

    private mutating func count(_ number: Int32, _ weight: Float) {
        if self.frequency[Int(number)] == 0 { self.touched.append(number) }
        self.frequency[Int(number)] += weight
    }

    /// Appends the documents `next` built, which follow this builder's in position order.
    mutating func append(_ next: PostingsBuilder) {
        let offset = Int32(self.lengths.count)
        for (theirs, term) in next.terms.enumerated() {
            let number = self.number(of: term)
            self.postings[Int(number)].append(
                contentsOf: next.postings[theirs].lazy.map { CatalogSegment.Posting(document: $0.document + offset, frequency: $0.frequency) }
            )
        }
        self.lengths.append(contentsOf: next.lengths)
    }

    /// Postings by term, as the segment keeps them.
    var postingsByTerm: [String: [CatalogSegment.Posting]] {
        var byTerm: [String: [CatalogSegment.Posting]] = [:]
        byTerm.reserveCapacity(self.terms.count)
        for (number, term) in self.terms.enumerated() { byTerm[term] = self.postings[number] }
        return byTerm
    }

    /// A builder of these documents, which come next in position order.
    init(_ documents: some Sequence<CatalogDocument>) {
        for document in documents { self.add(document) }
    }

    /// Runs built apart, joined in order.
    static func joined(_ runs: [PostingsBuilder]) -> PostingsBuilder {
        var whole = runs.first ?? PostingsBuilder([])
        for run in runs.dropFirst() { whole.append(run) }
        return whole
    }
}
