import Foundation

/// A couple's pairs as typed on the cycle page, where nothing needs JavaScript: each row has a rank
/// number and, for each partner, a session or "not placed". Rows left as they were offered are ignored;
/// a row half filled is refused with its number, so nothing typed is dropped in silence.
public enum PairRows {
    public struct Row: Equatable, Sendable {
        public var rank: String
        /// "" when nothing was chosen, `PairRows.notPlaced`, or a session id.
        public var mine: String
        public var partners: String

        public init(rank: String, mine: String, partners: String) {
            self.rank = rank
            self.mine = mine
            self.partners = partners
        }

        var isUntouched: Bool { [self.rank, self.mine, self.partners].allSatisfy { $0.trimmingWhitespace().isEmpty } }
    }

    /// The choice that leaves one partner without a place while the other takes one.
    public static let notPlaced = "none"

    /// The pairs, best first; whether they are sessions of the cycle and fit each partner is
    /// `PlacementChoices.check`'s to say.
    public static func pairs(_ rows: [Row]) -> Result<[PlacementChoices.Pair], ValidationReport> {
        var errors: [FieldError] = []
        var entries: [(id: PlacementChoices.Pair, typed: String)] = []
        for (index, row) in rows.enumerated() where !row.isUntouched {
            let number = index + 1
            guard let mine = Self.choice(row.mine), let partners = Self.choice(row.partners) else {
                errors.append(FieldError(field: "pairs", message: "Pair row \(number): choose a session or “Not placed” for each of you."))
                continue
            }
            guard !row.rank.trimmingWhitespace().isEmpty else {
                errors.append(FieldError(field: "pairs", message: "Pair row \(number): give the pair a rank number, or set both choices back to “Choose”."))
                continue
            }
            entries.append((PlacementChoices.Pair(mine: mine.session, partners: partners.session), row.rank))
        }
        guard errors.isEmpty else { return .failure(ValidationReport(errors)) }
        return RankNumbers.order(entries, offered: rows.count).flatMap { pairs in
            pairs.isEmpty ? .failure(ValidationReport([FieldError(field: "pairs", message: "Rank at least one pair.")])) : .success(pairs)
        }
    }

    private enum Choice {
        case session(UUID), notPlaced

        var session: UUID? {
            if case .session(let id) = self { return id }
            return nil
        }
    }

    /// nil when nothing usable was chosen.
    private static func choice(_ typed: String) -> Choice? {
        let text = typed.trimmingWhitespace()
        if text == Self.notPlaced { return .notPlaced }
        return UUID(uuidString: text).map(Choice.session)
    }
}
