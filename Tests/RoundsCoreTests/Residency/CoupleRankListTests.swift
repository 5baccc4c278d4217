import Testing

@testable import RoundsCore

/// Issue 21: a couple ranks pairs of programs, one per partner, "no match" for at most one side.
@Suite struct CoupleRankListTests {
    let first: Set<String> = ["a1", "a2", "a3"]
    let second: Set<String> = ["b1", "b2"]

    func pair(_ first: String?, _ second: String?) -> CoupleRankList.Pair { .init(first: first, second: second) }

    @Test func pairsAreAddedWithNoMatchOnOneSideAtMost() throws {
        var list = CoupleRankList(pairs: [], maximumRanks: 300)
        try list.add(self.pair("a1", "b1"), first: self.first, second: self.second)
        try list.add(self.pair("a1", nil), first: self.first, second: self.second)
        try list.add(self.pair(nil, "b2"), first: self.first, second: self.second)
        #expect(list.pairs == [self.pair("a1", "b1"), self.pair("a1", nil), self.pair(nil, "b2")])
        #expect(throws: CoupleRankList.Refusal.bothUnmatched) { try list.add(self.pair(nil, nil), first: self.first, second: self.second) }
        #expect(throws: CoupleRankList.Refusal.duplicate) { try list.add(self.pair("a1", "b1"), first: self.first, second: self.second) }
        // Each side must be that partner's own program: the partner's program on my side is refused.
        #expect(throws: CoupleRankList.Refusal.notTheirs) { try list.add(self.pair("b1", "a1"), first: self.first, second: self.second) }
        #expect(list.pairs.count == 3)
    }

    @Test func theListStopsAtTheNRMPLimit() throws {
        var list = CoupleRankList(pairs: [self.pair("a1", "b1"), self.pair("a2", "b1")], maximumRanks: 2)
        #expect(throws: CoupleRankList.Refusal.full(2)) { try list.add(self.pair("a3", "b1"), first: self.first, second: self.second) }
        #expect(throws: CoupleRankList.Refusal.full(2)) {
            try list.replace(with: [self.pair("a1", "b1"), self.pair("a2", "b1"), self.pair("a3", "b2")], first: self.first, second: self.second)
        }
    }

    @Test func pairsMoveAndGo() throws {
        var list = CoupleRankList(pairs: [self.pair("a1", "b1"), self.pair("a2", "b1"), self.pair("a3", nil)], maximumRanks: 300)
        try list.apply(.down, at: 1)
        #expect(list.pairs.map(\.first) == ["a2", "a1", "a3"])
        try list.apply(.to(1), at: 3)
        #expect(list.pairs.map(\.first) == ["a3", "a2", "a1"])
        try list.apply(.remove, at: 2)
        #expect(list.pairs.map(\.first) == ["a3", "a1"])
        #expect(throws: CoupleRankList.Refusal.badPosition(2)) { try list.apply(.up, at: 3) }
        #expect(throws: CoupleRankList.Refusal.badPosition(2)) { try list.apply(.to(0), at: 1) }
    }

    @Test func replacingChecksEveryPairAndKeepingDropsClosedPrograms() throws {
        var list = CoupleRankList(pairs: [], maximumRanks: 300)
        #expect(throws: CoupleRankList.Refusal.duplicate) {
            try list.replace(with: [self.pair("a1", "b1"), self.pair("a1", "b1")], first: self.first, second: self.second)
        }
        #expect(throws: CoupleRankList.Refusal.notTheirs) { try list.replace(with: [self.pair("zz", "b1")], first: self.first, second: self.second) }
        #expect(list.pairs.isEmpty)
        try list.replace(with: [self.pair("a1", "b1"), self.pair("a2", nil), self.pair(nil, "b2")], first: self.first, second: self.second)
        // a2 withdrawn, b2 rejected since: only the first pair still counts.
        #expect(list.keeping(first: ["a1", "a3"], second: ["b1"]).pairs == [self.pair("a1", "b1")])
    }

    @Test func certificationNeedsPairsAndTheOwnNameAndSeesEveryChange() throws {
        let empty = CoupleRankList(pairs: [], maximumRanks: 300)
        #expect(empty.certificationRefusal(typedName: "Amara Okafor", accountName: "Amara Okafor") == "Add at least one pair before certifying.")
        var list = CoupleRankList(pairs: [self.pair("a1", "b1"), self.pair("a2", nil)], maximumRanks: 300)
        #expect(list.certificationRefusal(typedName: "  amara   OKAFOR ", accountName: "Amara Okafor") == nil)
        #expect(list.certificationRefusal(typedName: "Kofi Mensah", accountName: "Amara Okafor")?.contains("(Amara Okafor)") == true)
        // Spacing aside, but within the schema's 200 characters as sent.
        let padded = "Amara Okafor" + String(repeating: " ", count: RankOrderList.maximumTypedName)
        #expect(list.certificationRefusal(typedName: padded, accountName: "Amara Okafor") == "Type your name in at most 200 characters to certify.")
        // "No match" on a side is part of the order: moving it, or swapping pairs, changes what was certified.
        let certified = list.canonicalOrder
        #expect(certified == "a1|b1\na2|no-match")
        try list.apply(.down, at: 1)
        #expect(list.canonicalOrder != certified)
        #expect(CoupleRankList(pairs: [self.pair("a2", nil), self.pair("a1", "b1")], maximumRanks: 300).canonicalOrder == list.canonicalOrder)
        #expect(CoupleRankList(pairs: [self.pair(nil, "a2"), self.pair("a1", "b1")], maximumRanks: 300).canonicalOrder != list.canonicalOrder)
    }
}
