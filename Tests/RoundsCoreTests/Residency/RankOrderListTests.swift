import Foundation
import Testing

@testable import RoundsCore

/// The rank order list's moves, limit, certification and deadline.
@Suite struct RankOrderListTests {
    static func list(_ keys: [String], limit: Int = 300) -> RankOrderList { RankOrderList(keys: keys, maximumRanks: limit) }

    @Test func movesKeepEveryProgramOnce() throws {
        var list = Self.list(["a", "b", "c", "d"])
        try list.apply(.up, to: "c")
        #expect(list.keys == ["a", "c", "b", "d"])
        try list.apply(.down, to: "a")
        #expect(list.keys == ["c", "a", "b", "d"])
        try list.apply(.to(4), to: "c")
        #expect(list.keys == ["a", "b", "d", "c"])
        try list.apply(.to(99), to: "a")
        #expect(list.keys == ["b", "d", "c", "a"], "past the end means last")
        try list.apply(.up, to: "b")
        #expect(list.keys == ["b", "d", "c", "a"], "the first stays first")
        try list.apply(.remove, to: "d")
        try list.apply(.add, to: "e")
        #expect(list.keys == ["b", "c", "a", "e"])
        #expect(list.rank(of: "e") == 4 && list.rank(of: "d") == nil)
        #expect(throws: RankOrderList.Refusal.alreadyRanked) { try list.apply(.add, to: "b") }
        #expect(throws: RankOrderList.Refusal.notRanked) { try list.apply(.up, to: "zz") }
        #expect(throws: RankOrderList.Refusal.badPosition(4)) { try list.apply(.to(0), to: "b") }
    }

    @Test func theNRMPLimitHolds() throws {
        var list = Self.list(["a", "b"], limit: 2)
        #expect(throws: RankOrderList.Refusal.full(2)) { try list.apply(.add, to: "c") }
        #expect(throws: RankOrderList.Refusal.full(2)) { try list.replace(with: ["a", "b", "c"], allowed: ["a", "b", "c"]) }
        #expect(throws: RankOrderList.Refusal.duplicate) { try list.replace(with: ["a", "a"], allowed: ["a", "b"]) }
        #expect(throws: RankOrderList.Refusal.notRanked) { try list.replace(with: ["x"], allowed: ["a", "b"]) }
        try list.replace(with: ["b", "a"], allowed: ["a", "b"])
        #expect(list.keys == ["b", "a"])
    }

    @Test func aChangedListMustBeCertifiedAgain() throws {
        var list = Self.list(["a", "b"])
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let certified = list.canonicalOrder
        #expect(RankOrderList.certification(certifiedDigest: certified, digest: list.canonicalOrder, at: at, name: "Amara Okafor") == .current(at: at, name: "Amara Okafor"))
        try list.apply(.down, to: "a")
        #expect(RankOrderList.certification(certifiedDigest: certified, digest: list.canonicalOrder, at: at, name: "Amara Okafor") == .stale(at: at, name: "Amara Okafor"))
        #expect(RankOrderList.certification(certifiedDigest: nil, digest: list.canonicalOrder, at: nil, name: nil) == .never)
        #expect(list.certificationRefusal(typedName: "  amara   OKAFOR ", accountName: "Amara Okafor") == nil)
        #expect(list.certificationRefusal(typedName: "Amara", accountName: "Amara Okafor") != nil)
        #expect(Self.list([]).certificationRefusal(typedName: "Amara Okafor", accountName: "Amara Okafor") == "Rank at least one program before certifying.")
    }

    @Test func theDeadlineIsNewYorkTimeAndUnknownWhenUnpublished() throws {
        // 2026 Match: March 4, 9 p.m. ET (EST, UTC-5) is 02:00 UTC on March 5.
        let deadline = Milestone(kind: .rankOrderListDeadline, day: Day(iso: "2026-03-04")!, minuteOfDay: 21 * 60, provenance: Provenance(source: nil, confidence: .secondary))
        let instant = try #require(RankOrderList.deadline(deadline))
        #expect(instant == ISO8601DateFormatter().date(from: "2026-03-05T02:00:00Z"))
        #expect(RankOrderList.closedRefusal(deadline: deadline, now: instant.addingTimeInterval(-60)) == nil)
        #expect(RankOrderList.closedRefusal(deadline: deadline, now: instant.addingTimeInterval(60))?.contains("Wed 4 Mar 2026, 9 p.m. ET") == true)
        #expect(RankOrderList.closedRefusal(deadline: nil, now: instant.addingTimeInterval(1e9)) == nil, "an unpublished deadline closes nothing")
    }

    @Test func theCSVNeutralisesFormulas() {
        let text = RankListCSV.write([(name: "=HYPERLINK(\"x\")", specialty: "Internal Medicine", city: "Boston", state: "MA", nrmpCode: "1234140C0")])
        #expect(text.hasPrefix("rank,program,specialty,city,state,nrmp_code"))
        #expect(text.contains("1,'=HYPERLINK") || text.contains("\"'=HYPERLINK"))
    }
}

/// Supplemental PGY-1 lists linked to ranked programs.
@Suite struct SupplementalRankListTests {
    @Test func listsFollowTheirProgramAndChangeTheCertifiedText() throws {
        var list = RankOrderList(keys: ["adv", "cat"], maximumRanks: 300)
        let plain = list.canonicalOrder
        let open: Set<String> = ["adv", "cat", "p1", "p2"]
        try list.applySupplemental(.add, to: "p1", under: "adv", allowed: open)
        try list.applySupplemental(.add, to: "p2", under: "adv", allowed: open)
        try list.applySupplemental(.up, to: "p2", under: "adv", allowed: open)
        #expect(list.supplementalList(of: "adv") == ["p2", "p1"])
        #expect(list.canonicalOrder != plain, "a supplemental change is a change to what is certified")
        #expect(RankOrderList(keys: ["adv", "cat"], maximumRanks: 300).canonicalOrder == plain, "lists without supplemental keep their text")
        #expect(throws: RankOrderList.SupplementalRefusal.ownList) { try list.applySupplemental(.add, to: "adv", under: "adv", allowed: open) }
        #expect(throws: RankOrderList.SupplementalRefusal.alreadyListed) { try list.applySupplemental(.add, to: "p1", under: "adv", allowed: open) }
        #expect(throws: RankOrderList.SupplementalRefusal.unknownProgram) { try list.applySupplemental(.add, to: "zz", under: "adv", allowed: open) }
        #expect(throws: RankOrderList.SupplementalRefusal.advancedNotRanked) { try list.applySupplemental(.add, to: "p1", under: "p2", allowed: open) }
        #expect(throws: RankOrderList.SupplementalRefusal.notListed) { try list.applySupplemental(.remove, to: "cat", under: "adv", allowed: open) }
        #expect(throws: RankOrderList.SupplementalRefusal.duplicate) { try list.replaceSupplemental(of: "adv", with: ["p1", "p1"], allowed: open) }
        #expect(throws: RankOrderList.SupplementalRefusal.tooMany(1)) {
            var short = RankOrderList(keys: ["adv"], maximumRanks: 1)
            try short.replaceSupplemental(of: "adv", with: ["p1", "p2"], allowed: open)
        }
        // Leaving the rank list takes the list along; so does a new order without the program.
        var removed = list
        try removed.apply(.remove, to: "adv")
        #expect(removed.supplemental.isEmpty)
        var replaced = list
        try replaced.replace(with: ["cat"], allowed: open)
        #expect(replaced.supplemental.isEmpty)
        #expect(RankOrderList(keys: ["cat"], maximumRanks: 300, supplemental: ["adv": ["p1"]]).supplemental.isEmpty, "a list of an unranked program is dropped")
        try list.replaceSupplemental(of: "adv", with: [], allowed: open)
        #expect(list.supplementalList(of: "adv").isEmpty)
    }

    @Test func theCSVPutsEachListUnderItsProgram() {
        let row: (String) -> RankListCSV.Row = { (name: $0, specialty: "Anesthesiology", city: "Boston", state: "MA", nrmpCode: nil) }
        let text = RankListCSV.write([row("Adv"), row("Cat")], supplemental: [[row("Pre 1"), row("Pre 2")], []])
        #expect(text.split(separator: "\r\n").map(String.init).dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") } == ["1,Adv", "1.1,Pre 1", "1.2,Pre 2", "2,Cat"])
    }
}
