import Foundation

/// Where a reviewer's comment points in a text: the quoted passage and where it started, in Unicode code
/// points (the unit every Rounds limit counts). A comment is written against one version; in a later
/// version it follows its passage when the passage is still there word for word (the occurrence nearest
/// where it was, when there are several), and is outdated when it is not.
public struct TextAnchor: Equatable, Hashable, Sendable, Codable {
    public var start: Int
    public var quote: String

    public init(start: Int, quote: String) {
        self.start = start
        self.quote = quote
    }

    public var length: Int { self.quote.textLength }
    public var end: Int { self.start + self.length }

    public static let maximumQuote = 2_000

    public enum PlacementError: Error, Equatable, Sendable {
        case empty, tooLong, notFound
        case ambiguous(occurrences: Int)

        public var message: String {
            switch self {
            case .empty: "Copy the words the comment is about into “Passage”."
            case .tooLong: "A passage is at most \(TextAnchor.maximumQuote.formatted(.number)) characters; comment on a shorter part."
            case .notFound: "That passage is not in this version word for word; copy it from the text shown."
            case .ambiguous(let count): "That passage appears \(count) times; copy a few more words around it so it is found once."
            }
        }
    }

    /// Places a passage the reviewer copied from the text: it must appear exactly once (a JavaScript
    /// selection sends `near`, the offset it was selected at, which settles repeats).
    public static func place(_ quote: String, in text: String, near: Int? = nil) -> Result<TextAnchor, PlacementError> {
        let quote = quote.replacingOccurrences(of: "\r\n", with: "\n")
        guard !quote.allSatisfy(\.isWhitespace) else { return .failure(.empty) }
        guard quote.textLength <= Self.maximumQuote else { return .failure(.tooLong) }
        let starts = Self.occurrences(of: quote, in: text)
        if let near, starts.contains(near) { return .success(TextAnchor(start: near, quote: quote)) }
        switch starts.count {
        case 0: return .failure(.notFound)
        case 1: return .success(TextAnchor(start: starts[0], quote: quote))
        default: return .failure(.ambiguous(occurrences: starts.count))
        }
    }

    /// The anchor in another version of the text, or nil when its passage is gone (outdated).
    public func relocated(in text: String) -> TextAnchor? {
        let starts = Self.occurrences(of: self.quote, in: text)
        guard let nearest = starts.min(by: { abs($0 - self.start) < abs($1 - self.start) }) else { return nil }
        return TextAnchor(start: nearest, quote: self.quote)
    }

    /// Every start (in code points) of `quote` in `text`, overlapping ones included.
    static func occurrences(of quote: String, in text: String) -> [Int] {
        let needle = Array(quote.unicodeScalars)
        let haystack = Array(text.unicodeScalars)
        guard let first = needle.first, needle.count <= haystack.count else { return [] }
        var starts: [Int] = []
        for i in 0...(haystack.count - needle.count) where haystack[i] == first {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { starts.append(i) }
        }
        return starts
    }
}

/// A text cut at the passages comments point to, so a page can mark each and number it.
public enum AnchoredText {
    public struct Segment: Equatable, Sendable {
        public var text: String
        /// The comments (by their index in the list given) whose passage covers this segment.
        public var comments: [Int]
    }

    public static func segments(_ text: String, anchors: [TextAnchor?]) -> [Segment] {
        let scalars = Array(text.unicodeScalars)
        var cuts: Set<Int> = [0, scalars.count]
        for anchor in anchors.compactMap({ $0 }) where anchor.end <= scalars.count {
            cuts.insert(anchor.start)
            cuts.insert(anchor.end)
        }
        let points = cuts.sorted()
        var segments: [Segment] = []
        for (from, to) in zip(points, points.dropFirst()) where from < to {
            let covering = anchors.indices.filter { index in
                guard let anchor = anchors[index], anchor.end <= scalars.count else { return false }
                return anchor.start <= from && to <= anchor.end
            }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[from..<to])
            segments.append(Segment(text: String(piece), comments: covering))
        }
        return segments
    }
}

/// Suggested replacements the applicant accepted, applied to the latest version to make the next one.
public enum SuggestionEdits {
    public struct Edit: Equatable, Sendable {
        public var anchor: TextAnchor
        public var replacement: String

        public init(anchor: TextAnchor, replacement: String) {
            self.anchor = anchor
            self.replacement = replacement
        }
    }

    public enum Failure: Error, Equatable, Sendable {
        /// Two accepted suggestions change overlapping passages; the numbers are their positions in the list.
        case overlap(Int, Int)
        case outOfRange(Int)
    }

    /// The text with every edit made; edits are placed in the text they are applied to.
    public static func apply(_ edits: [Edit], to text: String) -> Result<String, Failure> {
        var scalars = Array(text.unicodeScalars)
        let order = edits.indices.sorted { edits[$0].anchor.start < edits[$1].anchor.start }
        for (earlier, later) in zip(order, order.dropFirst()) where edits[earlier].anchor.end > edits[later].anchor.start {
            return .failure(.overlap(earlier, later))
        }
        for index in order.reversed() {
            let anchor = edits[index].anchor
            guard anchor.start >= 0, anchor.end <= scalars.count, scalars[anchor.start..<anchor.end].elementsEqual(anchor.quote.unicodeScalars) else {
                return .failure(.outOfRange(index))
            }
            scalars.replaceSubrange(anchor.start..<anchor.end, with: edits[index].replacement.unicodeScalars)
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return .success(String(view))
    }
}
