import Foundation
import Testing

@testable import RoundsCore

@Suite struct PlacementChoicesTests {
    static let a = UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!
    static let b = UUID(uuidString: "00000000-0000-0000-0000-00000000000B")!
    static let c = UUID(uuidString: "00000000-0000-0000-0000-00000000000C")!
    static let cycle: Set<UUID> = [a, b]

    @Test func listsSurviveStorage() {
        let single = PlacementChoices.single([Self.b, Self.a])
        #expect(PlacementChoices(stored: single.stored, isCouple: false) == single)
        let couple = PlacementChoices.couple([.init(mine: Self.a, partners: Self.b), .init(mine: nil, partners: Self.a)])
        #expect(couple.stored.hasSuffix("-|00000000-0000-0000-0000-00000000000A"))
        #expect(PlacementChoices(stored: couple.stored, isCouple: true) == couple)
        #expect(PlacementChoices(stored: "not-a-uuid", isCouple: false) == nil)
        #expect(couple.sessions == [Self.a, Self.b])
    }

    @Test func aGoodListPasses() {
        #expect(PlacementChoices.single([Self.a, Self.b]).check(cycleSessions: Self.cycle) { _, _ in true }.isValid)
        #expect(PlacementChoices.couple([.init(mine: Self.a, partners: nil)]).check(cycleSessions: Self.cycle) { _, _ in true }.isValid)
    }

    @Test(arguments: [
        (PlacementChoices.single([]), "Rank at least one session."),
        (.single([a, a]), "Rank each session once."),
        (.single([c]), "is not part of this cycle"),
        (.single(Array(repeating: a, count: 21)), "Rank at most 20 sessions."),
        (.couple([]), "Rank at least one pair."),
        (.couple([.init(mine: nil, partners: nil)]), "A pair must place at least one of you."),
        (.couple([.init(mine: a, partners: b), .init(mine: a, partners: b)]), "Rank each pair once."),
    ])
    func badListsSayWhy(choices: PlacementChoices, message: String) {
        let report = choices.check(cycleSessions: Self.cycle) { _, _ in true }
        #expect(report.errors.contains { $0.message.contains(message) }, "\(report.errors)")
    }

    @Test func eligibilityIsCheckedForEachMember() {
        // The partner does not qualify for b.
        let report = PlacementChoices.couple([.init(mine: Self.a, partners: Self.b)]).check(cycleSessions: Self.cycle) { session, isPartner in
            !(isPartner && session == Self.b)
        }
        #expect(report.errors.map(\.message) == ["Your partner is not eligible for session \(Self.b.uuidString)."])
        let mine = PlacementChoices.single([Self.a]).check(cycleSessions: Self.cycle) { _, _ in false }
        #expect(mine.errors.first?.message.hasPrefix("You are not eligible") == true)
    }
}

/// Issue 18: the rank forms saved duplicates, 0, out-of-range numbers and words without a word.
@Suite struct RankNumbersTests {
    static let ids = (0..<3).map { _ in UUID() }

    static func order(_ typed: [String]) -> Result<[UUID], ValidationReport> {
        RankNumbers.order(zip(Self.ids, typed).map { (id: $0, typed: $1) })
    }

    @Test func numbersOrderTheChoicesAndBlanksAreLeftOut() throws {
        #expect(try Self.order(["2", "", " 1 "]).get() == [Self.ids[2], Self.ids[0]])
    }

    @Test(arguments: [
        (["1", "1", ""], "Number 1 is given to more than one choice"),
        (["0", "", ""], "0 is not a rank here: use the numbers 1 to 3."),
        (["4", "", ""], "4 is not a rank here"),
        (["first", "", ""], "“first” is not a rank"),
        (["1.5", "", ""], "“1.5” is not a rank"),
    ])
    func slipsAreRefusedWithTheReason(typed: [String], reason: String) {
        guard case .failure(let report) = Self.order(typed) else {
            Issue.record("accepted \(typed)")
            return
        }
        #expect(report.errors.contains { $0.message.contains(reason) }, "\(report.errors)")
    }
}

@Suite struct PairRowsTests {
    static let a = UUID()
    static let b = UUID()

    static func row(_ rank: String, _ mine: String, _ partners: String) -> PairRows.Row {
        PairRows.Row(rank: rank, mine: mine, partners: partners)
    }

    @Test func rowsAreOrderedByTheirNumbersAndUntouchedRowsAreLeftOut() throws {
        let pairs = try PairRows.pairs([
            Self.row("2", Self.a.uuidString, PairRows.notPlaced),
            Self.row("", "", ""),
            Self.row("1", Self.a.uuidString, Self.b.uuidString),
            Self.row("", "", ""),
        ]).get()
        #expect(pairs == [.init(mine: Self.a, partners: Self.b), .init(mine: Self.a, partners: nil)])
    }

    @Test func aNumberMayGoUpToTheRowsOffered() throws {
        let rows = [Self.row("4", Self.a.uuidString, Self.b.uuidString)] + Array(repeating: Self.row("", "", ""), count: 3)
        #expect(try PairRows.pairs(rows).get() == [.init(mine: Self.a, partners: Self.b)])
    }

    @Test(arguments: [
        ([row("1", a.uuidString, "")], "Pair row 1: choose a session or “Not placed” for each of you."),
        ([row("", "", ""), row("", a.uuidString, b.uuidString)], "Pair row 2: give the pair a rank number"),
        ([row("1", "not-an-id", b.uuidString)], "Pair row 1: choose a session"),
        ([row("1", a.uuidString, b.uuidString), row("1", b.uuidString, a.uuidString)], "Number 1 is given to more than one choice"),
        ([row("3", a.uuidString, b.uuidString), row("", "", "")], "3 is not a rank here: use the numbers 1 to 2."),
        ([row("", "", "")], "Rank at least one pair."),
    ])
    func halfFilledRowsAreRefusedWithTheirNumber(rows: [PairRows.Row], reason: String) {
        guard case .failure(let report) = PairRows.pairs(rows) else {
            Issue.record("accepted \(rows)")
            return
        }
        #expect(report.errors.contains { $0.message.contains(reason) }, "\(report.errors)")
    }
}
