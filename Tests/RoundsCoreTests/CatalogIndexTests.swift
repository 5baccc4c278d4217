import Foundation
import Testing

@testable import RoundsCore

@Suite struct CatalogIndexTests {
    static let today = Day(iso: "2026-12-01")!
    static let newYork = Coordinate(latitude: 40.7484, longitude: -73.9967)  // 10001
    static let newark = Coordinate(latitude: 40.7357, longitude: -74.1724)  // about 9 miles from 10001
    static let chicago = Coordinate(latitude: 41.8858, longitude: -87.6181)  // about 710 miles
    static let houston = Coordinate(latitude: 29.7604, longitude: -95.3698)  // about 1,420 miles

    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }

    static func document(
        _ n: Int, title: String, type: OpportunityType = .observership, specialty: String = "internal-medicine",
        handsOn: Bool = false, state: String = "NY", coordinate: Coordinate? = newYork, fee: Int = 0,
        audiences: Set<Audience> = [.imgGraduate], visas: Set<VisaClass> = [.b1b2], starts: [String] = ["2027-02-01"],
        description: String = ""
    ) -> CatalogDocument {
        CatalogDocument(
            id: id(n), title: title, description: description, type: type, specialtyID: specialty, isHandsOn: handsOn,
            setting: .inpatient,
            rules: EligibilityRules(audiences: audiences, acceptedVisaClasses: visas),
            feeCents: fee, currency: "USD", letterPolicy: .onRequest, requirements: [],
            site: .init(name: "Site \(n) Hospital", city: "City", state: state, zip: "00000", coordinate: coordinate),
            sessions: starts.enumerated().map { offset, start in
                let day = Day(iso: start)!
                return .init(id: id(1000 + n * 10 + offset), start: day, end: day.adding(days: 27), seats: 2, applicationDeadline: day.adding(days: -30))
            }
        )
    }

    static let index = CatalogIndex([
        document(1, title: "Internal Medicine Observership", fee: 150_000, description: "Inpatient rounds with the hospitalist team."),
        document(2, title: "Cardiology Elective", type: .clinicalElective, specialty: "cardiology", handsOn: true, state: "NJ",
                 coordinate: newark, fee: 300_000, audiences: [.imgStudent, .usStudent], visas: [.b1b2, .j1],
                 starts: ["2027-01-04"], description: "Echo and cath lab; internal medicine consults."),
        document(3, title: "Pediatric Research Fellowship", type: .research, specialty: "pediatrics", state: "IL",
                 coordinate: chicago, fee: 0, audiences: [.imgGraduate, .preMed], visas: [.j1, .noneNeeded], starts: ["2027-03-01"]),
        document(4, title: "Emergency Medicine Shadowing", type: .shadowing, specialty: "emergency-medicine", state: "TX",
                 coordinate: houston, fee: 5_000, audiences: [.preMed], visas: [.noneNeeded], starts: ["2026-11-15"]),
        document(5, title: "Internal Medicine Externship", type: .externship, handsOn: true, coordinate: nil, fee: 200_000,
                 audiences: [.imgGraduate, .imgStudent], starts: ["2027-05-03", "2027-01-11"]),
    ])

    @Test func freeTextFindsEveryTermAndRanksTitlesFirst() {
        var query = SearchQuery()
        query.text = "internal medicine"
        let page = Self.index.search(query, today: Self.today)
        // 1 and 5 have the words in the title and specialty, 2 only in its description; 5 beats 1 because
        // its text is shorter (BM25 favours the same matches in fewer words).
        #expect(page.items.map(\.document.id) == [Self.id(5), Self.id(1), Self.id(2)])
        #expect(page.total == 3)
        #expect(page.items[2].score < page.items[1].score)
        query.text = "cardiology echo"
        #expect(Self.index.search(query, today: Self.today).items.map(\.document.id) == [Self.id(2)])
        query.text = "cardiology neurosurgery"
        #expect(Self.index.search(query, today: Self.today).total == 0)
    }

    @Test func textIsFoldedForCaseAccentsAndPlurals() {
        var query = SearchQuery()
        query.text = "ÉLECTIVES"
        #expect(Self.index.search(query, today: Self.today).items.map(\.document.id) == [Self.id(2)])
        #expect(TextAnalyzer.terms("The Surgeries of Boston's hospitals") == ["surgery", "boston", "hospital"])
    }

    @Test func filtersCombineAndFacetsCountTheMatches() {
        var query = SearchQuery()
        query.audiences = [.imgGraduate]
        let page = Self.index.search(query, today: Self.today)
        #expect(Set(page.items.map(\.document.id)) == [Self.id(1), Self.id(3), Self.id(5)])
        #expect(page.facets["type"] == ["observership": 1, "research": 1, "externship": 1])
        #expect(page.facets["state"] == ["NY": 2, "IL": 1])
        #expect(page.facets["hands_on"] == ["false": 2, "true": 1])
        #expect(page.facets["audience"] == ["img_graduate": 3, "img_student": 1, "pre_med": 1])

        query.isHandsOn = true
        query.maximumFeeCents = 250_000
        #expect(Self.index.search(query, today: Self.today).items.map(\.document.id) == [Self.id(5)])
        query = SearchQuery()
        query.visaClasses = [.j1]
        query.types = [.research, .clinicalElective]
        #expect(Set(Self.index.search(query, today: Self.today).items.map(\.document.id)) == [Self.id(2), Self.id(3)])
    }

    @Test func aFixedSetOfDocumentsNarrowsEveryOtherFilter() {
        // A saved search's alert: only the listings new since it last ran, then its own filters and text.
        var query = SearchQuery()
        query.onlyIDs = [Self.id(1), Self.id(2), Self.id(4), UUID()]
        #expect(Set(Self.index.search(query, today: Self.today).items.map(\.document.id)) == [Self.id(1), Self.id(2), Self.id(4)])
        query.types = [.observership, .shadowing, .externship]  // a larger list than the set: the set still bounds it
        #expect(Set(Self.index.search(query, today: Self.today).items.map(\.document.id)) == [Self.id(1), Self.id(4)])
        query = SearchQuery()
        query.onlyIDs = [Self.id(2), Self.id(3)]
        query.text = "internal medicine"
        #expect(Self.index.search(query, today: Self.today).items.map(\.document.id) == [Self.id(2)])
        query.onlyIDs = []
        #expect(Self.index.search(query, today: Self.today).total == 0)
    }

    @Test func distanceFiltersAndOrdersByMilesFromTheCentre() throws {
        var query = SearchQuery()
        query.near = Self.newYork
        query.radiusMiles = 800
        query.sort = .distance
        let page = Self.index.search(query, today: Self.today)
        // Documents without a location are left out of place searches; Houston is beyond 800 miles.
        #expect(page.items.map(\.document.id) == [Self.id(1), Self.id(2), Self.id(3)])
        #expect(page.items[0].distanceMiles == 0)
        #expect(abs(try #require(page.items[1].distanceMiles) - 9.2) < 0.5)
        #expect(abs(try #require(page.items[2].distanceMiles) - 710) < 10)
    }

    @Test func openDatesUseSessionsStillTakingApplications() {
        var query = SearchQuery()
        query.startsOnOrAfter = Day(iso: "2027-01-01")
        query.endsOnOrBefore = Day(iso: "2027-02-28")
        // 4 starts in 2026-11 (closed anyway); 3 starts in March; 5's January session fits.
        #expect(Set(Self.index.search(query, today: Self.today).items.map(\.document.id)) == [Self.id(1), Self.id(2), Self.id(5)])
        let five = Self.index.document(id: Self.id(5))!
        #expect(five.nextOpenSession(on: Self.today)?.start == Day(iso: "2027-01-11"))
        #expect(Self.index.document(id: Self.id(4))!.nextOpenSession(on: Self.today) == nil)
    }

    @Test func sortsAreTotalAndPagesAreStable() {
        var query = SearchQuery()
        query.sort = .fee
        query.perPage = 2
        let first = Self.index.search(query, today: Self.today)
        query.page = 2
        let second = Self.index.search(query, today: Self.today)
        query.page = 3
        let third = Self.index.search(query, today: Self.today)
        query.page = 4
        let beyond = Self.index.search(query, today: Self.today)
        #expect((first.items + second.items + third.items).map(\.document.feeCents) == [0, 5_000, 150_000, 200_000, 300_000])
        #expect(beyond.items.isEmpty && beyond.total == 5)

        query = SearchQuery()
        query.sort = .startDate
        // Next open session starts: 2 (Jan 4), 5 (Jan 11), 1 (Feb 1), 3 (Mar 1), then 4 with none open.
        #expect(Self.index.search(query, today: Self.today).items.map(\.document.id) == [2, 5, 1, 3, 4].map(Self.id))
    }

    @Test func eligibleForMeKeepsWhatTheProfileQualifiesForAndSaysWhy() {
        var query = SearchQuery()
        query.eligibleFor = ApplicantProfileInput(track: .preMed, visaStatus: .usCitizen)
        let page = Self.index.search(query, today: Self.today)
        #expect(Set(page.items.map(\.document.id)) == [Self.id(3), Self.id(4)])
        #expect(page.items.allSatisfy { $0.eligibility?.isEligible == true })
    }

    @Test func daysParseOnlyRealDates() {
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "26-01-01") == nil)
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        #expect(Day(iso: "2026-12-01")?.iso == "2026-12-01")
        #expect(Day(Date(timeIntervalSince1970: 86_400 * 365)).iso == "1971-01-01")
    }
}
