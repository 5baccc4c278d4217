import Foundation
import Testing

@testable import RoundsCore

/// An index that follows the catalog change by change must answer every search exactly as one freshly
/// built from the same documents: same items, scores to the bit, totals, facets and pages.
@Suite struct CatalogIndexChangeTests {
    static let today = CatalogShortcutTests.today

    /// Searches that take every path: the stored unfiltered orders, text ranking, candidate lists, place,
    /// dates, eligibility and a fixed set of ids; several pages of each.
    static func queries(_ ids: [UUID]) -> [SearchQuery] {
        var queries: [SearchQuery] = []
        func add(_ change: (inout SearchQuery) -> Void) {
            for sort in SearchQuery.Sort.allCases {
                for page in [1, 3] {
                    var query = SearchQuery()
                    query.sort = sort
                    query.page = page
                    query.perPage = 15
                    change(&query)
                    queries.append(query)
                }
            }
        }
        add { _ in }
        add { $0.text = "cardiology" }
        add { $0.text = "surgery program" }
        add { $0.text = "clinic teaching" }
        add { $0.text = "renamed" }
        add { $0.types = [.observership, .research] }
        add { $0.states = ["NY", "CA"]; $0.isHandsOn = true }
        add { $0.near = Coordinate(latitude: 35, longitude: -100); $0.radiusMiles = 500 }
        add { $0.near = Coordinate(latitude: 40, longitude: -90) }
        add { $0.maximumFeeCents = 100_000; $0.text = "observership" }
        add { $0.startsOnOrAfter = today.adding(days: 30) }
        add { $0.eligibleFor = ApplicantProfileInput(track: .imgGraduate, graduationYear: 2020, visaStatus: .b1b2) }
        add { $0.onlyIDs = Set(ids.prefix(40)) }
        add { $0.hasSeats = true }
        add { $0.hasSeats = true; $0.text = "observership" }
        return queries
    }

    /// Each seed with a limit on the recent segment that folds it into the older one after every batch, every
    /// few batches, or never (the app's), so documents are replaced and removed in all three segments; and with
    /// unfiltered pages merged on demand (the first 2,000 results, so every page here) or read from the whole
    /// merged order from the 16th result on (so page 3 of 15, and every page of the fresh build's stays streamed).
    @Test(arguments: zip(1...8, [(1, 2_000), (5, 2_000), (128, 2_000), (1, 2_000), (5, 2_000), (128, 2_000), (5, 15), (128, 15)]))
    func changesAppliedInPlaceAnswerAsAFreshBuild(seed: UInt64, limits: (recent: Int, streamed: Int)) {
        let recentLimit = limits.recent
        var random = TestRandom(seed: seed * 7_919)
        var model = Dictionary(uniqueKeysWithValues: CatalogShortcutTests.catalog(300, seed: seed).map { ($0.id, $0) })
        let replacements = CatalogShortcutTests.catalog(400, seed: seed + 100)
        var index = CatalogIndex(Array(model.values), recentLimit: recentLimit, streamedUnfilteredResults: limits.streamed)
        var nextNew = 10_000
        var changedIDs = Set<UUID>()
        for step in 0..<12 {
            var upserts: [CatalogDocument] = []
            var removals: [UUID] = []
            for _ in 0..<(1 + Int(random.next() % 8)) {
                // Half the edits and removals fall on documents changed before, which sit in a segment of changes.
                var existing = Array(model.keys).sorted { $0.uuidString < $1.uuidString }
                let changedBefore = existing.filter { changedIDs.contains($0) }
                if !changedBefore.isEmpty && random.next() % 2 == 0 { existing = changedBefore }
                switch random.next() % 4 {
                case 0 where !existing.isEmpty:
                    // An edit: another document's content under this id (text, type, place, sessions, fee).
                    var edited = replacements[Int(random.next() % UInt64(replacements.count))]
                    edited.id = existing[Int(random.next() % UInt64(existing.count))]
                    if random.next() % 3 == 0 { edited.title += " Renamed" }
                    upserts.append(edited)
                    model[edited.id] = edited
                case 1 where !existing.isEmpty:
                    let id = existing[Int(random.next() % UInt64(existing.count))]
                    removals.append(id)
                    model[id] = nil
                case 2:
                    var added = replacements[Int(random.next() % UInt64(replacements.count))]
                    added.id = CatalogIndexTests.id(nextNew)
                    nextNew += 1
                    upserts.append(added)
                    model[added.id] = added
                default:
                    removals.append(CatalogIndexTests.id(99_999))  // never held: ignored
                }
            }
            // An id touched twice in one batch is applied as it ends up, as the app reads it from the database.
            let touched = Set(upserts.map(\.id)).union(removals)
            changedIDs.formUnion(touched)
            index = index.applying(upserts: touched.compactMap { model[$0] }, removals: touched.filter { model[$0] == nil })
            if step == 6 { index = index.compacted() }
            let fresh = CatalogIndex(Array(model.values))
            #expect(index.count == model.count)
            for query in Self.queries(Array(model.keys).sorted { $0.uuidString < $1.uuidString }) {
                for day in [Self.today, Self.today.adding(days: 45)] {
                    // Compared whole, reported briefly (a page prints thousands of characters).
                    let same = index.search(query, today: day) == fresh.search(query, today: day)
                    #expect(same, "seed \(seed) limit \(recentLimit) step \(step) \(query)")
                }
            }
            for id in Array(model.keys).prefix(20) { #expect(index.document(id: id) == model[id]) }
            for id in removals where model[id] == nil { #expect(index.document(id: id) == nil) }
        }
    }

    /// A compaction carries postings and lengths over instead of analysing again: the segment it makes must be
    /// the one a fresh build of the same documents makes, term by term.
    @Test(arguments: [1, 4, 128])
    func aCompactionHoldsWhatAFreshBuildHolds(recentLimit: Int) {
        var random = TestRandom(seed: UInt64(recentLimit) * 31)
        let documents = CatalogShortcutTests.catalog(200, seed: 9)
        let replacements = CatalogShortcutTests.catalog(100, seed: 10)
        var index = CatalogIndex(documents, recentLimit: recentLimit)
        var live = documents.map(\.id)
        for step in 0..<10 {
            var upserts: [CatalogDocument] = []
            var removals: [UUID] = []
            for k in 0..<(1 + Int(random.next() % 6)) {
                var document = replacements[Int(random.next() % UInt64(replacements.count))]
                switch random.next() % 3 {
                case 0: document.id = live[Int(random.next() % UInt64(live.count))]
                case 1:
                    document.id = CatalogIndexTests.id(50_000 + step * 10 + k)
                    live.append(document.id)
                default:
                    removals.append(live.remove(at: Int(random.next() % UInt64(live.count))))
                    continue
                }
                upserts.append(document)
            }
            let removed = Set(removals).subtracting(upserts.map(\.id))
            index = index.applying(upserts: Array(Dictionary(upserts.map { ($0.id, $0) }, uniquingKeysWith: { $1 }).values), removals: removed)
            let compacted = index.compacted().parts[0].segment
            let fresh = CatalogIndex(index.documents).parts[0].segment
            #expect(compacted.documents == fresh.documents, "step \(step)")
            #expect(compacted.keys == fresh.keys)
            #expect(compacted.lengths == fresh.lengths)
            #expect(compacted.totalLength == fresh.totalLength)
            #expect(compacted.positionByID == fresh.positionByID)
            #expect(compacted.postings == fresh.postings, "step \(step)")
            if step == 5 { index = index.compacted() }
        }
    }

    @Test func applyingNothingKeepsTheIndexAndCompactingKeepsTheDocuments() {
        let documents = CatalogShortcutTests.catalog(50, seed: 3)
        let index = CatalogIndex(documents).applying(upserts: [], removals: [])
        #expect(index.changesSinceBuild == 0)
        var edited = documents[0]
        edited.title = "Neurology Observership"
        let changed = index.applying(upserts: [edited], removals: [documents[1].id])
        #expect(changed.changesSinceBuild == 3)  // one replaced and one removed in the base, one in the change segment
        #expect(changed.count == 49)
        let compacted = changed.compacted()
        #expect(compacted.changesSinceBuild == 0)
        #expect(Set(compacted.documents.map(\.id)) == Set(changed.documents.map(\.id)))
        var query = SearchQuery()
        query.text = "neurology"
        #expect(compacted.search(query, today: Self.today).items.map(\.document.id) == [documents[0].id])
    }
}
