import Foundation

extension CatalogSegment {
    /// The live documents of `parts` as one segment, their postings and lengths carried over (renumbered in
    /// id order) instead of analysed again: a compaction's text analysis was most of its CPU, twice a minute
    /// on each instance under 50 changes a second. `order` is every live document in id order (the index's
    /// `liveInIDOrder()`). Equal to a segment built from the same documents.
    init(compacting parts: [CatalogIndex.Part], order: [DocumentRef]) {
        var renumbered = parts.map { [Int32](repeating: -1, count: $0.segment.count) }
        for (position, ref) in order.enumerated() { renumbered[Int(ref.segment)][Int(ref.position)] = Int32(position) }
        let documents = order.map { parts[Int($0.segment)].segment.documents[Int($0.position)] }
        self.documents = documents
        self.keys = order.map { parts[Int($0.segment)].segment.keys[Int($0.position)] }
        self.lengths = order.map { parts[Int($0.segment)].segment.lengths[Int($0.position)] }
        self.columns = CatalogColumns(documents)
        self.filterLists = CatalogFilterLists(self.columns)
        var postings: [String: [Posting]] = [:]
        postings.reserveCapacity(parts[0].segment.postings.count)
        for (p, part) in parts.enumerated() {
            for (term, list) in part.segment.postings {
                var moved: [Posting] = []
                moved.reserveCapacity(list.count)
                for posting in list {
                    let position = renumbered[p][Int(posting.document)]
                    if position >= 0 { moved.append(Posting(document: position, frequency: posting.frequency)) }
                }
                if moved.isEmpty { continue }
                if let earlier = postings[term] {
                    postings[term] = Self.merged(earlier, moved)
                } else {
                    postings[term] = moved
                }
            }
        }
        self.postings = postings
        self.totalLength = self.lengths.reduce(0) { $0 + Double($1) }
        self.positionByID = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id, $0) })
        self.analyses = [:]
    }

    /// Two posting lists, each ascending by document, as one.
    private static func merged(_ a: [Posting], _ b: [Posting]) -> [Posting] {
        var out: [Posting] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if a[i].document < b[j].document {
                out.append(a[i])
                i += 1
            } else {
                out.append(b[j])
                j += 1
            }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }
}
