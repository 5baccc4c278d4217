import Foundation

/// The catalog held in memory for search: a large base segment built from the whole catalog, and what
/// changed since in two small segments, `older` and `recent`, each with the positions of its own documents
/// since replaced or removed. A batch of changes rebuilds `recent` (at most `recentLimit` documents); when it
/// grows past that it is folded into `older`, so a batch costs about `recentLimit` documents' rebuild, not
/// one of everything changed since the base was built. `compacted()` folds everything back into one base.
/// Ranking statistics are the whole index's, so every answer is exactly the one a freshly built index of the
/// same documents gives. Immutable: any number of requests may search one value at once.
public struct CatalogIndex: Sendable {
    /// One segment, and which of its documents were replaced or removed since it was built.
    struct Part: Sendable {
        let segment: CatalogSegment
        /// Per position, whether it was replaced or removed; empty while nothing is.
        private(set) var removed: [Bool] = []
        private(set) var removedPositions: [Int32] = []
        /// Per term, how many removed documents contain it (taken off the segment's document frequency).
        private(set) var removedFrequency: [String: Int] = [:]
        private(set) var removedLength: Double = 0

        init(_ segment: CatalogSegment) { self.segment = segment }

        var liveCount: Int { self.segment.count - self.removedPositions.count }

        func isLive(_ position: Int) -> Bool { self.removed.isEmpty || !self.removed[position] }

        var liveDocuments: [CatalogDocument] {
            self.removed.isEmpty ? self.segment.documents : self.segment.documents.indices.filter { !self.removed[$0] }.map { self.segment.documents[$0] }
        }

        /// The live position of `id` in this part, if it holds it.
        func position(of id: UUID) -> Int? {
            guard let position = self.segment.positionByID[id], self.isLive(position) else { return nil }
            return position
        }

        mutating func remove(_ position: Int) {
            if self.removed.isEmpty { self.removed = [Bool](repeating: false, count: self.segment.count) }
            self.removed[position] = true
            self.removedPositions.append(Int32(position))
            let document = self.segment.documents[position]
            for term in (self.segment.analyses[document.id] ?? CatalogSegment.termFrequencies(document)).keys {
                self.removedFrequency[term, default: 0] += 1
            }
            self.removedLength += Double(self.segment.lengths[position])
        }

        /// How many live documents of this part contain `term`.
        func documentFrequency(_ term: String) -> Int {
            (self.segment.postings[term]?.count ?? 0) - (self.removedFrequency[term] ?? 0)
        }
    }

    /// The base, `older` and `recent`, in that order; a `DocumentRef`'s segment is the index in this list.
    let parts: [Part]
    /// Documents `recent` may hold before it is folded into `older`. About the square root of six times the
    /// compaction threshold keeps the rebuilds between two compactions fewest (the app's threshold is 2,000).
    let recentLimit: Int
    /// Unfiltered pages ending within this many results by start date are merged on demand; deeper ones read
    /// the whole merged order, built once per index value and day.
    let streamedUnfilteredResults: Int
    let unfiltered = MergedUnfilteredAnswers()

    public init(_ documents: [CatalogDocument]) {
        self.init(documents, recentLimit: 128)
    }

    init(_ documents: [CatalogDocument], recentLimit: Int, streamedUnfilteredResults: Int = 2_000) {
        self.init(
            parts: [Part(CatalogSegment(documents)), Part(.empty), Part(.empty)], recentLimit: recentLimit,
            streamedUnfilteredResults: streamedUnfilteredResults)
    }

    private init(parts: [Part], recentLimit: Int, streamedUnfilteredResults: Int) {
        self.parts = parts
        self.recentLimit = recentLimit
        self.streamedUnfilteredResults = streamedUnfilteredResults
    }

    /// How many documents a search can find.
    public var count: Int { self.parts.reduce(0) { $0 + $1.liveCount } }

    /// Documents held outside the base: changed, added or removed since it was built. The more, the more a
    /// search does twice; compact when this grows.
    public var changesSinceBuild: Int {
        self.parts.dropFirst().reduce(0) { $0 + $1.segment.count } + self.parts.reduce(0) { $0 + $1.removedPositions.count }
    }

    /// Every document a search can find, in no particular order.
    public var documents: [CatalogDocument] { self.parts.flatMap(\.liveDocuments) }

    public func document(id: UUID) -> CatalogDocument? {
        for part in self.parts {
            if let position = part.position(of: id) { return part.segment.documents[position] }
        }
        return nil
    }

    /// This index with `upserts` added or replacing the documents of the same id, and `removals` gone
    /// (ids it does not hold are ignored; an id in both is upserted). Rebuilds `recent` only, or, when it is
    /// full, `older` with `recent` folded in.
    public func applying(upserts: [CatalogDocument], removals: some Sequence<UUID>) -> CatalogIndex {
        var latest: [UUID: CatalogDocument] = [:]
        for document in upserts { latest[document.id] = document }
        var changed = Set(latest.keys)
        changed.formUnion(removals)
        guard !changed.isEmpty else { return self }
        var parts = self.parts
        for id in changed {
            for p in parts.indices {
                if let position = parts[p].position(of: id) { parts[p].remove(position) }
            }
        }
        // The changed documents are analysed again; the others keep their analysis.
        let (older, recent) = (self.parts[1].segment, self.parts[2].segment)
        let analysed = { (id: UUID) in changed.contains(id) ? nil : recent.analyses[id] ?? older.analyses[id] }
        var documents = parts[2].liveDocuments
        documents.append(contentsOf: latest.values)
        if documents.count > self.recentLimit {
            parts[1] = Part(CatalogSegment(parts[1].liveDocuments + documents, keepingAnalyses: true, analysed: analysed))
            parts[2] = Part(.empty)
        } else {
            parts[2] = Part(CatalogSegment(documents, keepingAnalyses: true, analysed: analysed))
        }
        return CatalogIndex(parts: parts, recentLimit: self.recentLimit, streamedUnfilteredResults: self.streamedUnfilteredResults)
    }

    /// The same documents in one segment, as a fresh build would hold them.
    public func compacted() -> CatalogIndex {
        let segment = CatalogSegment(compacting: self.parts, order: self.liveInIDOrder())
        return CatalogIndex(
            parts: [Part(segment), Part(.empty), Part(.empty)], recentLimit: self.recentLimit, streamedUnfilteredResults: self.streamedUnfilteredResults)
    }

    public func search(_ query: SearchQuery, today: Day) -> SearchPage {
        if query.isUnfiltered { return self.unfilteredPage(query, today: today) }
        let text = self.weightedTerms(query.text)
        let start = max(0, (query.page - 1) * query.perPage)
        var collector = CatalogSegment.Collector(top: TopK(start + query.perPage))
        let averageLength = self.averageLength
        for (p, part) in self.parts.enumerated() where p == 0 || part.segment.count > 0 {
            part.segment.collect(
                query, today: today, text: text, averageLength: averageLength, removed: part.removed.isEmpty ? nil : part.removed,
                segment: UInt8(p), into: &collector
            )
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

    func segment(_ ref: DocumentRef) -> CatalogSegment { self.parts[Int(ref.segment)].segment }

    private var averageLength: Float {
        let count = self.count
        guard count > 0 else { return 1 }
        let total = self.parts.reduce(0.0) { $0 + $1.segment.totalLength - $1.removedLength }
        return max(1, Float(total / Double(count)))
    }

    /// The query's distinct terms, rarest first (then alphabetically, so the order never depends on hashing),
    /// each with its BM25 inverse document frequency over the whole index; nil when the text has no terms.
    func weightedTerms(_ text: String) -> [WeightedTerm]? {
        let terms = Set(TextAnalyzer.terms(text))
        guard !terms.isEmpty else { return nil }
        let count = Float(self.count)
        let frequencies = terms.map { term in
            (term: term, frequency: self.parts.reduce(0) { $0 + $1.documentFrequency(term) })
        }
        return frequencies.sorted { ($0.frequency, $0.term) < ($1.frequency, $1.term) }.map { entry in
            let documentFrequency = Float(entry.frequency)
            return WeightedTerm(term: entry.term, idf: log(1 + (count - documentFrequency + 0.5) / (documentFrequency + 0.5)))
        }
    }
}
