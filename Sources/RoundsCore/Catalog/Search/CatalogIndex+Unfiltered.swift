import Foundation

/// A search with nothing to narrow it: total and facets are the day's, the page a slice of a stored order.
/// Each segment keeps its own orders per day; the index merges them per index value, skipping what was
/// removed, so a change costs no sort of the whole catalog. The first pages by start date are merged on
/// demand from the base segment's order and the changes' short one; the whole merged order is built only
/// for a deeper page (it took a catalog-sized copy for each new index value, four a second under changes).
extension CatalogIndex {
    func unfilteredPage(_ query: SearchQuery, today: Day) -> SearchPage {
        let answer = self.unfilteredAnswer(on: today)
        let count = self.count
        let start = min(count, max(0, (query.page - 1) * query.perPage))
        let end = min(count, start + query.perPage)
        let refs: ArraySlice<DocumentRef>
        switch query.sort {
        case .relevance, .startDate:
            refs =
                end <= self.streamedUnfilteredResults
                ? self.firstByStart(end, answer)[start..<end]
                : self.unfiltered.byStart(on: today) {
                    self.merge(answer.segments.map(\.byStart), changes: answer.changes) { ref in
                        answer.segments[Int(ref.segment)].nextStart[Int(ref.position)]
                    }
                }[start..<end]
        case .fee:
            refs = self.unfiltered.order(\.byFee) {
                self.merge(self.parts.map { $0.segment.byFee() }) { ref in Int(self.segment(ref).columns.rows[Int(ref.position)].fee) }
            }[start..<end]
        // No place: every distance is 0, so the order is the id order.
        case .distance: refs = self.unfiltered.order(\.byID) { self.liveInIDOrder() }[start..<end]
        }
        let items = refs.map { ref in
            let document = self.segment(ref).documents[Int(ref.position)]
            return SearchPage.Item(document: document, score: 0, distanceMiles: nil, nextOpenSession: document.nextOpenSession(on: today), eligibility: nil)
        }
        return SearchPage(items: items, total: count, facets: answer.facets)
    }

    private func unfilteredAnswer(on today: Day) -> MergedUnfilteredAnswers.Answer {
        self.unfiltered.answer(for: today) {
            var collector = CatalogSegment.Collector(top: TopK(0))
            var answers: [UnfilteredAnswers.Answer] = []
            for part in self.parts {
                // An empty segment adds nothing and merges as an empty list.
                let answer = part.segment.unfilteredAnswer(on: today)
                var counts = answer.facetCounts
                for position in part.removedPositions.map(Int.init) {
                    counts.remove(part.segment.columns.rows[position], hasSeat: answer.hasSeat[position])
                }
                collector.add(counts.facets(stateNames: part.segment.columns.stateNames))
                answers.append(answer)
            }
            let changes = self.mergeByHeads(answers.map(\.byStart), from: 1) { ref in answers[Int(ref.segment)].nextStart[Int(ref.position)] }
            return .init(day: today, facets: collector.facets, segments: answers, changes: changes)
        }
    }

    /// The first `n` live documents by next open start (then id): the base segment's order with the changes'
    /// merged in, read only as far as asked.
    private func firstByStart(_ n: Int, _ answer: MergedUnfilteredAnswers.Answer) -> [DocumentRef] {
        let base = answer.segments[0].byStart
        let part = self.parts[0]
        func key(_ ref: DocumentRef) -> (Int, IDKey) {
            (answer.segments[Int(ref.segment)].nextStart[Int(ref.position)], self.segment(ref).keys[Int(ref.position)])
        }
        var merged: [DocumentRef] = []
        merged.reserveCapacity(n)
        var i = 0
        var j = 0
        while merged.count < n {
            while i < base.count, !part.isLive(Int(base[i])) { i += 1 }
            let fromBase = i < base.count ? DocumentRef(segment: 0, position: base[i]) : nil
            let change = j < answer.changes.count ? answer.changes[j] : nil
            if let fromBase, change.map({ key(fromBase) < key($0) }) ?? true {
                merged.append(fromBase)
                i += 1
            } else if let change {
                merged.append(change)
                j += 1
            } else {
                break
            }
        }
        return merged
    }

    /// Every live document in id order: an unfiltered search by distance with no place, and a compaction.
    func liveInIDOrder() -> [DocumentRef] {
        self.merge(self.parts.map { Array(0..<Int32($0.segment.count)) }) { _ in 0 }
    }

    /// Each part's positions, each list already in (key, id) order, as one list in that order without the
    /// removed positions. The changes' short lists are merged first, then each of their documents is placed
    /// in the base's long list by binary search, so the base's list is copied in runs, not compared item by
    /// item (this runs for every new index value, four times a second under 50 changes a second). `changes`
    /// is that first merge when the caller already holds it.
    private func merge(_ lists: [[Int32]], changes: [DocumentRef]? = nil, key: (DocumentRef) -> Int) -> [DocumentRef] {
        let changes = changes ?? self.mergeByHeads(lists, from: 1, key: key)
        let base = lists[0]
        let part = self.parts[0]
        let keys = part.segment.keys
        var merged: [DocumentRef] = []
        merged.reserveCapacity(self.count)
        func appendLive(_ run: ArraySlice<Int32>) {
            for position in run where part.isLive(Int(position)) { merged.append(DocumentRef(segment: 0, position: position)) }
        }
        var from = 0
        for ref in changes {
            let wanted = (key(ref), self.segment(ref).keys[Int(ref.position)])
            // The first base position after `ref` in the order.
            var low = from
            var high = base.count
            while low < high {
                let middle = (low + high) / 2
                let candidate = DocumentRef(segment: 0, position: base[middle])
                if (key(candidate), keys[Int(base[middle])]) < wanted { low = middle + 1 } else { high = middle }
            }
            appendLive(base[from..<low])
            merged.append(ref)
            from = low
        }
        appendLive(base[from...])
        return merged
    }

    /// The live positions of `lists[from...]` (a part's each), merged by scanning the heads: for short lists.
    private func mergeByHeads(_ lists: [[Int32]], from first: Int, key: (DocumentRef) -> Int) -> [DocumentRef] {
        var merged: [DocumentRef] = []
        var next = [Int](repeating: 0, count: lists.count)
        func skipRemoved(_ p: Int) {
            while next[p] < lists[p].count, !self.parts[p].isLive(Int(lists[p][next[p]])) { next[p] += 1 }
        }
        for p in lists.indices.dropFirst(first) { skipRemoved(p) }
        while true {
            var best: (ref: DocumentRef, key: Int, id: IDKey)?
            for p in lists.indices.dropFirst(first) where next[p] < lists[p].count {
                let ref = DocumentRef(segment: UInt8(p), position: lists[p][next[p]])
                let candidate = (ref: ref, key: key(ref), id: self.parts[p].segment.keys[Int(ref.position)])
                if let current = best, (current.key, current.id) <= (candidate.key, candidate.id) { continue }
                best = candidate
            }
            guard let best else { break }
            merged.append(best.ref)
            let p = Int(best.ref.segment)
            next[p] += 1
            skipRemoved(p)
        }
        return merged
    }
}

/// The merged unfiltered answers of one index value, per day, built on first use.
final class MergedUnfilteredAnswers: @unchecked Sendable {
    struct Answer {
        var day: Day
        var facets: [String: [String: Int]]
        /// Each segment's own answer (its order by start, each position's next start), the base's first.
        var segments: [UnfilteredAnswers.Answer]
        /// The later segments' live documents merged by start.
        var changes: [DocumentRef]
    }

    private let lock = NSLock()
    private var answer: Answer?
    private var wholeByStart: (day: Day, refs: [DocumentRef])?
    var byFee: [DocumentRef]?
    var byID: [DocumentRef]?

    func answer(for day: Day, build: () -> Answer) -> Answer {
        self.lock.withLock {
            if let answer = self.answer, answer.day == day { return answer }
            let built = build()
            self.answer = built
            return built
        }
    }

    /// The whole merged order by start on `day`, for a page deeper than the streamed ones.
    func byStart(on day: Day, build: () -> [DocumentRef]) -> [DocumentRef] {
        self.lock.withLock {
            if let cached = self.wholeByStart, cached.day == day { return cached.refs }
            let built = build()
            self.wholeByStart = (day, built)
            return built
        }
    }

    func order(_ cache: ReferenceWritableKeyPath<MergedUnfilteredAnswers, [DocumentRef]?>, build: () -> [DocumentRef]) -> [DocumentRef] {
        self.lock.withLock {
            if let cached = self[keyPath: cache] { return cached }
            let built = build()
            self[keyPath: cache] = built
            return built
        }
    }
}
