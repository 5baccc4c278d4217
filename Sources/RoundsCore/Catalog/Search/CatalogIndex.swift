import Foundation

/// The catalog held in memory for search. A large base segment built from the whole catalog, and what
/// changed since: a small segment of added and changed documents, and the base positions they replace or
/// remove. Applying a change rebuilds only the small segment; `compacted()` folds everything back into one
/// base. Ranking statistics are the whole index's, so every answer is exactly the one a freshly built index
/// of the same documents gives. Immutable: any number of requests may search one value at once.
public struct CatalogIndex: Sendable {
    let base: CatalogSegment
    let delta: CatalogSegment
    /// Per base position, whether it was replaced or removed; empty while nothing is.
    let removed: [Bool]
    let removedPositions: [Int32]
    /// Per term, how many removed base documents contain it (taken off the base's document frequency).
    let removedFrequency: [String: Int]
    let removedLength: Double
    let unfiltered = MergedUnfilteredAnswers()

    public init(_ documents: [CatalogDocument]) {
        self.init(base: CatalogSegment(documents), delta: .empty, removed: [], removedPositions: [], removedFrequency: [:], removedLength: 0)
    }

    private init(
        base: CatalogSegment, delta: CatalogSegment, removed: [Bool], removedPositions: [Int32], removedFrequency: [String: Int],
        removedLength: Double
    ) {
        self.base = base
        self.delta = delta
        self.removed = removed
        self.removedPositions = removedPositions
        self.removedFrequency = removedFrequency
        self.removedLength = removedLength
    }

    /// How many documents a search can find.
    public var count: Int { self.base.count - self.removedPositions.count + self.delta.count }

    /// Documents held outside the base: changed, added or removed since it was built. The more, the more a
    /// search does twice; compact when this grows.
    public var changesSinceBuild: Int { self.delta.count + self.removedPositions.count }

    /// Every document a search can find, in no particular order.
    public var documents: [CatalogDocument] {
        var live = self.removed.isEmpty ? self.base.documents : self.base.documents.indices.filter { !self.removed[$0] }.map { self.base.documents[$0] }
        live.append(contentsOf: self.delta.documents)
        return live
    }

    public func document(id: UUID) -> CatalogDocument? {
        if let position = self.delta.positionByID[id] { return self.delta.documents[position] }
        guard let position = self.base.positionByID[id], self.removed.isEmpty || !self.removed[position] else { return nil }
        return self.base.documents[position]
    }

    /// This index with `upserts` added or replacing the documents of the same id, and `removals` gone
    /// (ids it does not hold are ignored; an id in both is upserted). Costs a rebuild of the changed segment
    /// only.
    public func applying(upserts: [CatalogDocument], removals: some Sequence<UUID>) -> CatalogIndex {
        var latest: [UUID: CatalogDocument] = [:]
        for document in upserts { latest[document.id] = document }
        var changed = Set(latest.keys)
        changed.formUnion(removals)
        guard !changed.isEmpty else { return self }
        var removed = self.removed.isEmpty ? [Bool](repeating: false, count: self.base.count) : self.removed
        var removedPositions = self.removedPositions
        var removedFrequency = self.removedFrequency
        var removedLength = self.removedLength
        for id in changed {
            guard let position = self.base.positionByID[id], !removed[position] else { continue }
            removed[position] = true
            removedPositions.append(Int32(position))
            for term in CatalogSegment.termFrequencies(self.base.documents[position]).keys { removedFrequency[term, default: 0] += 1 }
            removedLength += Double(self.base.lengths[position])
        }
        var deltaDocuments = self.delta.documents.filter { !changed.contains($0.id) }
        deltaDocuments.append(contentsOf: latest.values)
        // The changed documents are analysed again; the others keep their analysis.
        let delta = CatalogSegment(deltaDocuments, keepingAnalyses: true, analysed: self.delta.analyses.filter { !changed.contains($0.key) })
        return CatalogIndex(
            base: self.base, delta: delta, removed: removedPositions.isEmpty ? [] : removed,
            removedPositions: removedPositions, removedFrequency: removedFrequency, removedLength: removedLength
        )
    }

    /// The same documents in one freshly built segment.
    public func compacted() -> CatalogIndex { CatalogIndex(self.documents) }

    public func search(_ query: SearchQuery, today: Day) -> SearchPage {
        if query.isUnfiltered { return self.unfilteredPage(query, today: today) }
        let text = self.weightedTerms(query.text)
        let start = max(0, (query.page - 1) * query.perPage)
        var collector = CatalogSegment.Collector(top: TopK(start + query.perPage))
        let averageLength = self.averageLength
        self.base.collect(
            query, today: today, text: text, averageLength: averageLength, removed: self.removed.isEmpty ? nil : self.removed, segment: 0,
            into: &collector
        )
        if self.delta.count > 0 {
            self.delta.collect(query, today: today, text: text, averageLength: averageLength, removed: nil, segment: 1, into: &collector)
        }
        let items = collector.top.sorted.dropFirst(start).map { match in
            let segment = self.segment(match.ref)
            let position = Int(match.ref.position)
            let document = segment.documents[position]
            return SearchPage.Item(
                document: document, score: match.score, distanceMiles: query.near.map { segment.miles(from: $0, to: position) },
                nextOpenSession: document.nextOpenSession(on: today), eligibility: collector.eligibility[match.ref]
            )
        }
        return SearchPage(items: Array(items), total: collector.total, facets: collector.facets)
    }

    func segment(_ ref: DocumentRef) -> CatalogSegment { ref.segment == 0 ? self.base : self.delta }

    private var averageLength: Float {
        let count = self.count
        guard count > 0 else { return 1 }
        return max(1, Float((self.base.totalLength - self.removedLength + self.delta.totalLength) / Double(count)))
    }

    /// The query's distinct terms, rarest first (then alphabetically, so the order never depends on hashing),
    /// each with its BM25 inverse document frequency over the whole index; nil when the text has no terms.
    func weightedTerms(_ text: String) -> [WeightedTerm]? {
        let terms = Set(TextAnalyzer.terms(text))
        guard !terms.isEmpty else { return nil }
        let count = Float(self.count)
        let frequencies = terms.map { term in
            let frequency = (self.base.postings[term]?.count ?? 0) - (self.removedFrequency[term] ?? 0) + (self.delta.postings[term]?.count ?? 0)
            return (term: term, frequency: frequency)
        }
        return frequencies.sorted { ($0.frequency, $0.term) < ($1.frequency, $1.term) }.map { entry in
            let documentFrequency = Float(entry.frequency)
            return WeightedTerm(term: entry.term, idf: log(1 + (count - documentFrequency + 0.5) / (documentFrequency + 0.5)))
        }
    }
}
