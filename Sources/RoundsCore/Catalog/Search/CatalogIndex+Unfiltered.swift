import Foundation

/// A search with nothing to narrow it: total and facets are the day's, the page a slice of a stored order.
/// Each segment keeps its own orders per day; the index merges them once per day (linear, skipping what
/// was removed), so a change costs no sort of the whole catalog.
extension CatalogIndex {
    func unfilteredPage(_ query: SearchQuery, today: Day) -> SearchPage {
        let answer = self.unfilteredAnswer(on: today)
        let count = answer.byStart.count
        let start = min(count, max(0, (query.page - 1) * query.perPage))
        let end = min(count, start + query.perPage)
        let refs: ArraySlice<DocumentRef>
        switch query.sort {
        case .relevance, .startDate: refs = answer.byStart[start..<end]
        case .fee: refs = self.unfilteredOrder(\.byFee, merging: { (self.base.byFee(), self.delta.byFee()) }, key: { Int(self.segment($0).columns.rows[Int($0.position)].fee) })[start..<end]
        // No place: every distance is 0, so the order is the id order.
        case .distance: refs = self.unfilteredOrder(\.byID, merging: { (Array(0..<Int32(self.base.count)), Array(0..<Int32(self.delta.count))) }, key: { _ in 0 })[start..<end]
        }
        let items = refs.map { ref in
            let document = self.segment(ref).documents[Int(ref.position)]
            return SearchPage.Item(document: document, score: 0, distanceMiles: nil, nextOpenSession: document.nextOpenSession(on: today), eligibility: nil)
        }
        return SearchPage(items: items, total: count, facets: answer.facets)
    }

    private func unfilteredAnswer(on today: Day) -> MergedUnfilteredAnswers.Answer {
        self.unfiltered.answer(for: today) {
            let base = self.base.unfilteredAnswer(on: today)
            var counts = base.facetCounts
            for position in self.removedPositions.map(Int.init) {
                counts.remove(self.base.columns.rows[position], hasSeat: self.base.columns.hasOpenSeat(position, today: today.ordinal))
            }
            // An empty change segment adds nothing and merges as an empty list.
            let delta = self.delta.unfilteredAnswer(on: today)
            var collector = CatalogSegment.Collector(top: TopK(0))
            collector.add(counts.facets(stateNames: self.base.columns.stateNames))
            collector.add(delta.facetCounts.facets(stateNames: self.delta.columns.stateNames))
            let byStart = self.merge(base.byStart, delta.byStart) { ref in
                ref.segment == 0 ? base.nextStart[Int(ref.position)] : delta.nextStart[Int(ref.position)]
            }
            return .init(day: today, facets: collector.facets, byStart: byStart)
        }
    }

    private func unfilteredOrder(
        _ cache: ReferenceWritableKeyPath<MergedUnfilteredAnswers, [DocumentRef]?>, merging lists: () -> ([Int32], [Int32]),
        key: (DocumentRef) -> Int
    ) -> [DocumentRef] {
        self.unfiltered.order(cache) {
            let (base, delta) = lists()
            return self.merge(base, delta, key: key)
        }
    }

    /// Two segments' positions, each already in (key, id) order, as one list in that order without the
    /// removed base positions.
    private func merge(_ base: [Int32], _ delta: [Int32], key: (DocumentRef) -> Int) -> [DocumentRef] {
        var merged: [DocumentRef] = []
        merged.reserveCapacity(self.count)
        var i = 0
        var j = 0
        func skipRemoved() {
            while i < base.count, !self.removed.isEmpty, self.removed[Int(base[i])] { i += 1 }
        }
        skipRemoved()
        while i < base.count || j < delta.count {
            let fromBase: Bool
            if j == delta.count {
                fromBase = true
            } else if i == base.count {
                fromBase = false
            } else {
                let left = DocumentRef(segment: 0, position: base[i])
                let right = DocumentRef(segment: 1, position: delta[j])
                let leftKey = key(left)
                let rightKey = key(right)
                fromBase = leftKey != rightKey ? leftKey < rightKey : self.base.keys[Int(base[i])] < self.delta.keys[Int(delta[j])]
            }
            if fromBase {
                merged.append(DocumentRef(segment: 0, position: base[i]))
                i += 1
                skipRemoved()
            } else {
                merged.append(DocumentRef(segment: 1, position: delta[j]))
                j += 1
            }
        }
        return merged
    }
}

/// The merged unfiltered answers of one index value, per day, built on first use.
final class MergedUnfilteredAnswers: @unchecked Sendable {
    struct Answer {
        var day: Day
        var facets: [String: [String: Int]]
        var byStart: [DocumentRef]
    }

    private let lock = NSLock()
    private var answer: Answer?
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

    func order(_ cache: ReferenceWritableKeyPath<MergedUnfilteredAnswers, [DocumentRef]?>, build: () -> [DocumentRef]) -> [DocumentRef] {
        self.lock.withLock {
            if let cached = self[keyPath: cache] { return cached }
            let built = build()
            self[keyPath: cache] = built
            return built
        }
    }
}
