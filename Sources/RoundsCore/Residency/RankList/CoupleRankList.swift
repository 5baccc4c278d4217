import Foundation

/// A couple's rank order list for one Match: pairs of programs, most wanted first, one program per partner
/// (nil is NRMP's "no match" code for that partner, allowed for one side of a pair, never both). NRMP
/// matches the couple to the first pair where both partners' programs (or "no match") take them; each
/// partner's list is the column of their side, so both lists have the same length. Program keys are
/// each partner's own program ids.
public struct CoupleRankList: Equatable, Sendable {
    public struct Pair: Hashable, Sendable {
        /// The proposer's program (the partner who asked to link), nil for "no match".
        public var first: String?
        /// The confirming partner's program, nil for "no match".
        public var second: String?

        public init(first: String?, second: String?) {
            self.first = first
            self.second = second
        }
    }

    public private(set) var pairs: [Pair]
    public let maximumRanks: Int

    public init(pairs: [Pair], maximumRanks: Int) {
        self.pairs = pairs
        self.maximumRanks = maximumRanks
    }

    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case full(Int)
        case bothUnmatched
        case duplicate
        case notTheirs
        case badPosition(Int)

        public var description: String {
            switch self {
            case .full(let limit): "A couple's rank order list holds at most \(limit) pairs (NRMP: each partner's list has the same length)."
            case .bothUnmatched: "Choose a program for at least one partner; \"no match\" for both is not a pair."
            case .duplicate: "That pair is on the list already."
            case .notTheirs: "Each side of a pair is a program on that partner's own list that is still open."
            case .badPosition(let count): "Choose a pair from 1 to \(count)."
            }
        }
    }

    /// The pairs as one text, whose hash each partner's certification keeps: any change to a pair or to
    /// the order changes it, so both partners must certify again (each partner's NRMP list is their column).
    public var canonicalOrder: String {
        self.pairs.map { ($0.first ?? "no-match") + "|" + ($0.second ?? "no-match") }.joined(separator: "\n")
    }

    /// Each partner certifies the pairs by typing their own name; an empty list cannot be certified.
    public func certificationRefusal(typedName: String, accountName: String) -> String? {
        if self.pairs.isEmpty { return "Add at least one pair before certifying." }
        return RankOrderList.nameRefusal(typedName: typedName, accountName: accountName)
    }

    /// Checks one pair against the partners' open programs.
    static func check(_ pair: Pair, first: Set<String>, second: Set<String>) throws(Refusal) {
        guard pair.first != nil || pair.second != nil else { throw .bothUnmatched }
        if let key = pair.first, !first.contains(key) { throw .notTheirs }
        if let key = pair.second, !second.contains(key) { throw .notTheirs }
    }

    /// Adds a pair at the end.
    public mutating func add(_ pair: Pair, first: Set<String>, second: Set<String>) throws(Refusal) {
        try Self.check(pair, first: first, second: second)
        guard !self.pairs.contains(pair) else { throw .duplicate }
        guard self.pairs.count < self.maximumRanks else { throw .full(self.maximumRanks) }
        self.pairs.append(pair)
    }

    /// Moves (up, down, to a position) or removes the pair at 1-based `rank`.
    public mutating func apply(_ move: RankOrderList.Move, at rank: Int) throws(Refusal) {
        guard move != .add, rank >= 1, rank <= self.pairs.count else { throw .badPosition(self.pairs.count) }
        var keys = self.pairs.indices.map(String.init)
        guard RankOrderList.reorder(&keys, at: rank - 1, move) else { throw .badPosition(self.pairs.count) }
        self.pairs = keys.map { self.pairs[Int($0)!] }
    }

    /// Replaces the whole list (the API's PUT): each pair once, within the limit, each side the partner's.
    public mutating func replace(with pairs: [Pair], first: Set<String>, second: Set<String>) throws(Refusal) {
        guard pairs.count <= self.maximumRanks else { throw .full(self.maximumRanks) }
        guard Set(pairs).count == pairs.count else { throw .duplicate }
        for pair in pairs { try Self.check(pair, first: first, second: second) }
        self.pairs = pairs
    }

    /// Pairs whose program has closed since (withdrawn, rejected) show as such; this drops them, as NRMP
    /// would not match the couple there.
    public func keeping(first: Set<String>, second: Set<String>) -> CoupleRankList {
        CoupleRankList(
            pairs: self.pairs.filter { pair in (pair.first.map(first.contains) ?? true) && (pair.second.map(second.contains) ?? true) },
            maximumRanks: self.maximumRanks)
    }
}
