import Foundation

/// The documents containing every term of a query, ascending, with their BM25 scores alongside.
struct TextMatches {
    var documents: [Int32]
    var scores: [Double]

    /// Where `document` is in `documents`, by binary search.
    func position(of document: Int32) -> Int? {
        var low = 0
        var high = self.documents.count
        while low < high {
            let middle = (low + high) / 2
            if self.documents[middle] < document { low = middle + 1 } else { high = middle }
        }
        return low < self.documents.count && self.documents[low] == document ? low : nil
    }
}

/// A query term with its inverse document frequency over the whole index (every segment, less what was
/// removed), so a document scores the same in whichever segment it sits.
struct WeightedTerm {
    var term: String
    var idf: Float
}

extension CatalogSegment {
    /// Intersects the terms' posting lists (each ascending by document) in the given order (rarest first over
    /// the whole index), by binary search into the longer lists, adding each term's BM25 score in that order,
    /// so the sum is the same whichever segment holds the document.
    func textMatches(_ terms: [WeightedTerm], averageLength: Float) -> TextMatches {
        var lists: [[Posting]] = []
        for weighted in terms {
            guard let list = self.postings[weighted.term] else { return TextMatches(documents: [], scores: []) }
            lists.append(list)
        }
        var matches = TextMatches(documents: [], scores: [])
        for (position, list) in lists.enumerated() {
            let idf = terms[position].idf
            func score(_ posting: Posting) -> Double {
                let normalizer = Self.k1 * (1 - Self.b + Self.b * self.lengths[Int(posting.document)] / averageLength)
                return Double(idf * posting.frequency * (Self.k1 + 1) / (posting.frequency + normalizer))
            }
            if position == 0 {
                matches.documents = list.map(\.document)
                matches.scores = list.map(score)
                continue
            }
            var kept = TextMatches(documents: [], scores: [])
            kept.documents.reserveCapacity(matches.documents.count)
            kept.scores.reserveCapacity(matches.documents.count)
            var low = 0
            for (index, document) in matches.documents.enumerated() {
                // The first posting at or after `document`, searching only what is left of the list.
                var high = list.count
                while low < high {
                    let middle = (low + high) / 2
                    if list[middle].document < document { low = middle + 1 } else { high = middle }
                }
                guard low < list.count else { break }
                if list[low].document == document {
                    kept.documents.append(document)
                    kept.scores.append(matches.scores[index] + score(list[low]))
                }
            }
            matches = kept
            if matches.documents.isEmpty { break }
        }
        return matches
    }
}
