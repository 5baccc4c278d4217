import Foundation
import Testing

@testable import RoundsCore

/// The index answers some searches without scanning every document: from stored per-day answers when
/// nothing filters, and from the smallest candidate list otherwise. These must never change an answer:
/// each is compared with a plain scan of every document written here.
@Suite struct CatalogShortcutTests {
    static let today = Day(iso: "2026-12-01")!
    static let states = ["NY", "NJ", "IL", "TX", "CA", "MA"]

    /// A random catalog: every column varies, some documents have no location or no open session.
    static func catalog(_ count: Int, seed: UInt64) -> [CatalogDocument] {
        var random = TestRandom(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        return (0..<count).map { n in
            let start = today.adding(days: Int(random.next() % 200) - 40)
            let location: Coordinate? = random.next() % 10 == 0 ? nil : Coordinate(latitude: 25 + Double(random.next() % 2_000) / 100, longitude: -120 + Double(random.next() % 4_500) / 100)
            return CatalogDocument(
                id: CatalogIndexTests.id(n), title: "\(pick(["Cardiology", "Pediatrics", "Surgery", "Research"])) \(pick(["Observership", "Elective", "Program"]))",
                description: pick(["Inpatient rounds.", "Clinic days and teaching.", ""]), type: pick(OpportunityType.allCases),
                specialtyID: pick(["cardiology", "pediatrics", "internal-medicine", "general-surgery"]), isHandsOn: random.next() % 2 == 0,
                setting: pick(ClinicalSetting.allCases),
                rules: EligibilityRules(audiences: [pick(Audience.allCases)], acceptedVisaClasses: [pick(VisaClass.allCases)]),
                feeCents: Int(random.next() % 5) * 50_000, currency: "USD", letterPolicy: pick(LetterPolicy.allCases), requirements: [],
                site: .init(name: "Site \(n % 17)", city: "City", state: pick(states), zip: "00000", coordinate: location),
                sessions: [.init(id: CatalogIndexTests.id(100_000 + n), start: start, end: start.adding(days: 20), seats: 2, applicationDeadline: start.adding(days: -10), seatsTaken: Int(random.next() % 3))]
            )
        }
    }

    static let documents = catalog(600, seed: 7)
    static let index = CatalogIndex(documents)

    static func ids(_ page: SearchPage) -> [UUID] { page.items.map(\.document.id) }

    @Test(arguments: SearchQuery.Sort.allCases)
    func theStoredUnfilteredAnswerIsTheScannedOne(sort: SearchQuery.Sort) {
        for page in 1...4 {
            var plain = SearchQuery()
            plain.sort = sort
            plain.page = page
            plain.perPage = 25
            // A ceiling no fee reaches filters nothing, but takes the scanning path.
            var scanned = plain
            scanned.maximumFeeCents = Int.max
            let shortcut = Self.index.search(plain, today: Self.today)
            let scan = Self.index.search(scanned, today: Self.today)
            #expect(Self.ids(shortcut) == Self.ids(scan), "\(sort) page \(page)")
            #expect(shortcut.total == scan.total && shortcut.total == Self.documents.count)
            #expect(shortcut.facets == scan.facets)
            #expect(shortcut.items.map(\.nextOpenSession) == scan.items.map(\.nextOpenSession))
        }
        // A later day has its own answer (sessions close).
        var plain = SearchQuery()
        plain.sort = sort
        var scanned = plain
        scanned.maximumFeeCents = Int.max
        let later = Self.today.adding(days: 60)
        #expect(Self.ids(Self.index.search(plain, today: later)) == Self.ids(Self.index.search(scanned, today: later)))
    }

    /// Every combination of filters that picks a candidate list, against a scan of all documents.
    @Test(arguments: 0..<40)
    func candidateListsFindExactlyWhatAScanFinds(seed: Int) {
        var random = TestRandom(seed: UInt64(seed) + 1)
        var query = SearchQuery()
        if random.next() % 2 == 0 { query.types = Set((0..<2).map { _ in OpportunityType.allCases[Int(random.next() % 10)] }) }
        if random.next() % 3 == 0 { query.specialtyIDs = ["cardiology", "pediatrics"] }
        if random.next() % 3 == 0 { query.states = [Self.states[Int(random.next() % 6)]] }
        if random.next() % 3 == 0 { query.settings = [ClinicalSetting.allCases[Int(random.next() % 3)]] }
        if random.next() % 3 == 0 { query.letterPolicies = [LetterPolicy.allCases[Int(random.next() % 3)]] }
        if random.next() % 3 == 0 { query.text = ["cardiology", "observership", "clinic", "surgery program"][Int(random.next() % 4)] }
        if random.next() % 4 == 0 { query.hasSeats = random.next() % 2 == 0 }
        if random.next() % 2 == 0 {
            query.near = Coordinate(latitude: 30 + Double(random.next() % 10), longitude: -100 + Double(random.next() % 20))
            query.radiusMiles = Double(50 + random.next() % 600)
        }
        query.sort = SearchQuery.Sort.allCases[Int(random.next() % 4)]
        query.perPage = 1_000

        let found = Self.index.search(query, today: Self.today)
        let expected = Self.documents.filter { document in
            (query.types.isEmpty || query.types.contains(document.type))
                && (query.specialtyIDs.isEmpty || query.specialtyIDs.contains(document.specialtyID))
                && (query.states.isEmpty || query.states.contains(document.site.state))
                && (query.settings.isEmpty || query.settings.contains(document.setting))
                && (query.letterPolicies.isEmpty || query.letterPolicies.contains(document.letterPolicy))
                && Self.matchesText(document, query.text)
                && Self.withinRadius(document, query)
                && (query.hasSeats.map { $0 == document.hasOpenSeat(on: Self.today) } ?? true)
        }
        #expect(Set(Self.ids(found)) == Set(expected.map(\.id)), "\(query)")
        #expect(found.total == expected.count)
    }

    /// Small pages skip a match that loses to the kept page on its order numbers before reading its id;
    /// page after page must still be the order a page holding every match gives, on any day.
    @Test(arguments: 0..<24)
    func smallPagesFollowTheFullOrder(seed: Int) {
        var random = TestRandom(seed: UInt64(seed) + 100)
        var query = SearchQuery()
        if random.next() % 2 == 0 { query.types = Set((0..<3).map { _ in OpportunityType.allCases[Int(random.next() % 10)] }) }
        if random.next() % 3 == 0 { query.text = ["cardiology", "observership", "clinic"][Int(random.next() % 3)] }
        if random.next() % 2 == 0 {
            query.near = Coordinate(latitude: 30 + Double(random.next() % 10), longitude: -100 + Double(random.next() % 20))
            query.radiusMiles = Double(300 + random.next() % 900)
        }
        query.sort = SearchQuery.Sort.allCases[seed % 4]
        for day in [Self.today, Self.today.adding(days: 45)] {
            var all = query
            all.perPage = 1_000
            let full = Self.ids(Self.index.search(all, today: day))
            var paged: [UUID] = []
            for page in 1...6 {
                var small = query
                small.perPage = 7
                small.page = page
                paged += Self.ids(Self.index.search(small, today: day))
            }
            #expect(full.count > 14, "\(query)")  // more than two pages: the skip is taken
            #expect(paged == Array(full.prefix(42)), "\(query) on \(day)")
        }
    }

    static func matchesText(_ document: CatalogDocument, _ text: String) -> Bool {
        let terms = Set(TextAnalyzer.terms(text))
        guard !terms.isEmpty else { return true }
        let haystack = [document.title, document.site.name, Specialties.rotation.find(document.specialtyID)?.name ?? "", document.type.displayName,
                        document.description, "\(document.site.city) \(document.site.state)"].joined(separator: " ")
        return terms.isSubset(of: Set(TextAnalyzer.terms(haystack)))
    }

    static func withinRadius(_ document: CatalogDocument, _ query: SearchQuery) -> Bool {
        guard let centre = query.near else { return true }
        guard let place = document.site.coordinate else { return false }
        return centre.miles(to: place) <= (query.radiusMiles ?? .infinity)
    }
}

/// SplitMix64, for repeatable random catalogs and queries.
struct TestRandom {
    var state: UInt64
    init(seed: UInt64) { self.state = seed }
    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
