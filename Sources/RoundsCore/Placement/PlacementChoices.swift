import Foundation

/// A rank list in a placement cycle: sessions best first, or for a couple, pairs of sessions (either
/// member may be unplaced in a pair, not both). Stored as text: "a,b" or "a|b,a|-".
public enum PlacementChoices: Equatable, Sendable {
    case single([UUID])
    case couple([Pair])

    public struct Pair: Equatable, Hashable, Sendable {
        public var mine: UUID?
        public var partners: UUID?

        public init(mine: UUID?, partners: UUID?) {
            self.mine = mine
            self.partners = partners
        }
    }

    public static let maximumLength = 20

    public var stored: String {
        switch self {
        case .single(let sessions): sessions.map(\.uuidString).joined(separator: ",")
        case .couple(let pairs): pairs.map { "\($0.mine?.uuidString ?? "-")|\($0.partners?.uuidString ?? "-")" }.joined(separator: ",")
        }
    }

    public init?(stored: String, isCouple: Bool) {
        let items = stored.split(separator: ",").map(String.init)
        if isCouple {
            var pairs: [Pair] = []
            for item in items {
                let parts = item.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2 else { return nil }
                pairs.append(Pair(mine: UUID(uuidString: parts[0]), partners: UUID(uuidString: parts[1])))
            }
            self = .couple(pairs)
        } else {
            let sessions = items.compactMap(UUID.init(uuidString:))
            guard sessions.count == items.count else { return nil }
            self = .single(sessions)
        }
    }

    /// Every session the list names.
    public var sessions: Set<UUID> {
        switch self {
        case .single(let sessions): Set(sessions)
        case .couple(let pairs): Set(pairs.flatMap { [$0.mine, $0.partners].compactMap { $0 } })
        }
    }

    /// The rules every list keeps: not empty, at most 20 choices, no repeats, no pair of two "unplaced",
    /// only sessions of the cycle, and only sessions the member is eligible for (`eligible(session,
    /// isPartner)`).
    public func check(cycleSessions: Set<UUID>, eligible: (UUID, Bool) -> Bool) -> ValidationReport {
        var errors: [FieldError] = []
        func fail(_ message: String) { errors.append(FieldError(field: "choices", message: message)) }
        switch self {
        case .single(let sessions):
            if sessions.isEmpty { fail("Rank at least one session.") }
            if sessions.count > Self.maximumLength { fail("Rank at most \(Self.maximumLength) sessions.") }
            if Set(sessions).count != sessions.count { fail("Rank each session once.") }
            for session in sessions where !cycleSessions.contains(session) { fail("Session \(session.uuidString) is not part of this cycle.") }
            for session in sessions where cycleSessions.contains(session) && !eligible(session, false) {
                fail("You are not eligible for session \(session.uuidString); rank only sessions your profile qualifies for.")
            }
        case .couple(let pairs):
            if pairs.isEmpty { fail("Rank at least one pair.") }
            if pairs.count > Self.maximumLength { fail("Rank at most \(Self.maximumLength) pairs.") }
            if Set(pairs).count != pairs.count { fail("Rank each pair once.") }
            if pairs.contains(where: { $0.mine == nil && $0.partners == nil }) { fail("A pair must place at least one of you.") }
            for session in self.sessions where !cycleSessions.contains(session) { fail("Session \(session.uuidString) is not part of this cycle.") }
            for pair in pairs {
                if let mine = pair.mine, cycleSessions.contains(mine), !eligible(mine, false) {
                    fail("You are not eligible for session \(mine.uuidString).")
                }
                if let theirs = pair.partners, cycleSessions.contains(theirs), !eligible(theirs, true) {
                    fail("Your partner is not eligible for session \(theirs.uuidString).")
                }
            }
        }
        return ValidationReport(errors)
    }
}
