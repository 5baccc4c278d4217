import Foundation
import Testing

@testable import RoundsCore

/// Seats left come with every search answer, and "has seats" filters and counts: a listing has seats
/// when a session still taking applications has a seat nobody has accepted.
@Suite struct CatalogSeatsTests {
    static let today = CatalogIndexTests.today

    static func document(_ n: Int, _ sessions: [(start: String, seats: Int, taken: Int)]) -> CatalogDocument {
        var document = CatalogIndexTests.document(n, title: "Observership \(n)")
        document.sessions = sessions.enumerated().map { offset, session in
            let start = Day(iso: session.start)!
            return .init(
                id: CatalogIndexTests.id(1_000 + n * 10 + offset), start: start, end: start.adding(days: 27), seats: session.seats,
                applicationDeadline: start.adding(days: -30), seatsTaken: session.taken
            )
        }
        return document
    }

    static let documents = [
        document(1, [("2027-02-01", 2, 2), ("2027-04-01", 2, 1)]),  // the first open session is full, a later one is not
        document(2, [("2027-02-01", 3, 3)]),  // full
        document(3, [("2026-11-15", 4, 0), ("2027-03-01", 1, 1)]),  // seats only in a session no longer taking applications
        document(4, [("2027-03-01", 3, 1)]),
    ]

    static func ids(_ page: SearchPage) -> [UUID] { page.items.map(\.document.id) }

    @Test func aListingHasSeatsWhenAnOpenSessionHasOne() {
        let index = CatalogIndex(Self.documents)
        var query = SearchQuery()
        query.hasSeats = true
        let page = index.search(query, today: Self.today)
        #expect(Set(Self.ids(page)) == [CatalogIndexTests.id(1), CatalogIndexTests.id(4)])
        #expect(page.facets["has_seats"] == ["true": 2])
        query.hasSeats = false
        #expect(Set(Self.ids(index.search(query, today: Self.today))) == [CatalogIndexTests.id(2), CatalogIndexTests.id(3)])
        query.hasSeats = true
        // Unfiltered (the stored per-day answer) and filtered (the scan) count alike.
        #expect(index.search(SearchQuery(), today: Self.today).facets["has_seats"] == ["true": 2, "false": 2])
        var scanned = SearchQuery()
        scanned.maximumFeeCents = Int.max
        #expect(index.search(scanned, today: Self.today).facets["has_seats"] == ["true": 2, "false": 2])
        #expect(Self.documents[3].sessions[0].seatsLeft == 2)
        #expect(Self.documents[1].sessions[0].seatsLeft == 0)
    }

    @Test func anAcceptedSeatReachesSearchAsAChange() {
        var index = CatalogIndex(Self.documents)
        var query = SearchQuery()
        query.hasSeats = true
        var four = Self.documents[3]
        four.sessions[0].seatsTaken = 3
        index = index.applying(upserts: [four], removals: [])
        #expect(Self.ids(index.search(query, today: Self.today)) == [CatalogIndexTests.id(1)])
        #expect(index.search(SearchQuery(), today: Self.today).facets["has_seats"] == ["true": 1, "false": 3])
        // A later day: the session that had seats has closed.
        #expect(index.search(query, today: Day(iso: "2027-03-10")!).total == 0)
    }
}
