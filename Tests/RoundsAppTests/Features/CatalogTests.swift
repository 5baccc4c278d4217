import Fluent
import Foundation
@testable import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

@Suite struct CatalogTests {
    /// A verified site at a real ZIP code with one published opportunity and one open session.
    @discardableResult
    static func listing(
        _ app: Application,
        title: String,
        zip: String,
        type: OpportunityType = .observership,
        specialty: String = "internal-medicine",
        status: OpportunityStatus = .published,
        isVerified: Bool = true,
        audiences: Set<Audience> = [.imgGraduate],
        fee: Int = 0,
        requirements: Set<Requirement> = [],
        seats: Int = 3
    ) async throws -> Opportunity {
        var host = try await User.find(email: "host@example.org", on: app.db)
        if host == nil { host = try await Factories.user(app, email: "host@example.org", roles: [.host]) }
        let hostID = try #require(host).requireID()
        let place = try #require(ZIPCodes.directory.place(zip))
        let site = Site(
            hostID: hostID, name: "\(title) Site", kind: .hospital, street: "1 Main Street", city: place.city,
            state: place.state, zip: zip, coordinate: place.coordinate, website: nil, isVerified: isVerified
        )
        try await site.create(on: app.db)
        let opportunity = Opportunity()
        opportunity.$site.id = try site.requireID()
        opportunity.title = title
        opportunity.description = "Rounds and clinics."
        opportunity.type = type
        opportunity.specialty = specialty
        opportunity.isHandsOn = false
        opportunity.setting = .inpatient
        opportunity.audiences = audiences.storedList
        opportunity.requiresStep1Pass = false
        opportunity.visaClasses = Set<VisaClass>([.b1b2, .noneNeeded]).storedList
        opportunity.feeCents = fee
        opportunity.currency = "USD"
        opportunity.refundTerms = ""
        opportunity.letterPolicy = LetterPolicy.onRequest.rawValue
        opportunity.requirements = requirements.storedList
        opportunity.status = status
        try await opportunity.create(on: app.db)
        let start = Day(app.services.clock.now()).adding(days: 60)
        let session = OpportunitySession(
            opportunityID: try opportunity.requireID(), start: start, end: start.adding(days: 27), deadline: start.adding(days: -21), seats: seats
        )
        try await CatalogVersion.changing(on: app.db, touching: [.opportunity(try opportunity.requireID())]) { db in try await session.create(on: db) }
        return opportunity
    }

    static func search(_ app: Application, _ query: String, token: String? = nil) async throws -> TestingHTTPResponse {
        try await APIClient(app: app, token: token).send(.GET, APIRoute.opportunities.path + "?" + query)
    }

    @Test func onlyPublishedOpportunitiesOfVerifiedSitesAreListed() async throws {
        try await withRoundsApp { app in
            try await Self.listing(app, title: "Public Observership", zip: "10016")
            try await Self.listing(app, title: "Draft Observership", zip: "10016", status: .draft)
            try await Self.listing(app, title: "Unverified Observership", zip: "10016", isVerified: false)
            let response = try await Self.search(app, "")
            #expect(response.status == .ok)
            let list = try response.content.decode(OpportunityListResponse.self)
            #expect(list.items.map(\.title) == ["Public Observership"])
            #expect(list.total == 1)
            #expect(list.page == 1 && list.perPage == 20)
            #expect(list.items[0].nextSession != nil)
            #expect(list.facets["type"] == ["observership": 1])
        }
    }

    @Test func nearAZIPCodeFindsAndOrdersByRealDistance() async throws {
        try await withRoundsApp { app in
            // From Manhattan (10016): Newark NJ about 10 mi, Philadelphia about 80 mi, Boston about 190 mi, Chicago about 710 mi.
            try await Self.listing(app, title: "Boston Elective", zip: "02114")
            try await Self.listing(app, title: "Chicago Elective", zip: "60611")
            try await Self.listing(app, title: "Newark Elective", zip: "07103")
            try await Self.listing(app, title: "Philadelphia Elective", zip: "19104")
            let near = try await Self.search(app, "near=10016&radius_mi=250&sort=distance").content.decode(OpportunityListResponse.self)
            #expect(near.items.map(\.title) == ["Newark Elective", "Philadelphia Elective", "Boston Elective"])
            let distances = near.items.compactMap(\.distanceMi)
            #expect(distances.count == 3 && distances == distances.sorted())
            #expect((5...15).contains(distances[0]) && (70...95).contains(distances[1]) && (170...210).contains(distances[2]))
            let defaultRadius = try await Self.search(app, "near=10016").content.decode(OpportunityListResponse.self)
            #expect(defaultRadius.items.map(\.title) == ["Newark Elective"])
        }
    }

    @Test func freeTextFiltersAndFacetsWorkTogether() async throws {
        try await withRoundsApp { app in
            try await Self.listing(app, title: "Cardiology Observership", zip: "10016", specialty: "cardiology")
            try await Self.listing(app, title: "Cardiology Research", zip: "60611", type: .research, specialty: "cardiology", fee: 100_000)
            try await Self.listing(app, title: "Neurology Observership", zip: "02114", specialty: "neurology")
            let text = try await Self.search(app, "q=cardiology").content.decode(OpportunityListResponse.self)
            #expect(Set(text.items.map(\.title)) == ["Cardiology Observership", "Cardiology Research"])
            #expect(text.facets["state"] == ["NY": 1, "IL": 1])
            let filtered = try await Self.search(app, "q=cardiology&type=observership,shadowing&state=NY").content.decode(OpportunityListResponse.self)
            #expect(filtered.items.map(\.title) == ["Cardiology Observership"])
            let cheap = try await Self.search(app, "max_fee_cents=50000&sort=fee").content.decode(OpportunityListResponse.self)
            #expect(cheap.total == 2)
        }
    }

    @Test(arguments: [
        ("near=99999", "near: unknown ZIP code 99999."),
        ("near=1001", "near: give a five-digit US ZIP code."),
        ("near=10016&radius_mi=-5", "radius_mi: give a number of miles above 0 and at most 3000."),
        ("radius_mi=5", "radius_mi needs near=<ZIP>."),
        ("page=0", "page: give a whole number from 1 to 10000."),
        ("per_page=500", "per_page: give a whole number from 1 to 100."),
        ("page=%2B2", "page: give a whole number from 1 to 10000."),
        ("max_fee_cents=%2B100", "max_fee_cents: give a whole number of cents from 0 to 100000000."),
        ("type=castle", "type: unknown value “castle”; use observership, clinical_elective, externship, sub_internship, research, shadowing, volunteering, scribing, cna, emt."),
        ("specialty=astrology", "specialty: unknown value “astrology”."),
        ("starts_after=2027-02-30", "starts_after: give a date as YYYY-MM-DD."),
        ("sort=distance", "sort=distance needs near=<ZIP>."),
        ("eligible=true", "eligible=true needs a signed-in applicant with a profile."),
        ("visa=&q=x", "visa: give a value, or leave the parameter out."),
        ("q=" + String(repeating: "x", count: 300), "q: use at most 200 characters."),
        // The limit counts q as sent, as the schema says: a word padded with spaces is refused too.
        ("q=cardiology" + String(repeating: "%20", count: 200), "q: use at most 200 characters."),
        ("q=" + String(repeating: "x", count: 10_000), "The query string is too long (at most 2048 characters)."),
    ])
    func badQueriesGet400WithAMessage(query: String, message: String) async throws {
        try await withRoundsApp { app in
            let response = try await Self.search(app, query)
            #expect(response.status == .badRequest)
            #expect(try response.content.get(String.self, at: "reason") == message)
        }
    }

    /// The API document and the server agree on every list filter and the ZIP code: a value the document's
    /// pattern refuses (empty, an empty item, spaces around an item) gets a 400, one it allows is searched. The
    /// search page forgives both; a fuzzer holding the document reports a refused value the server accepts.
    @Test func theAPIAcceptsExactlyTheListsAndZIPCodesItsDocumentAllows() async throws {
        let document = try OpenAPIBoundsTests.document()
        let paths = try #require(document["paths"] as? [String: Any])
        let search = try #require((paths[APIRoute.opportunities.openAPIPath] as? [String: Any])?["get"] as? [String: Any])
        let parameters = try #require(search["parameters"] as? [[String: Any]])
        let examples: [(name: String, valid: String, other: String)] = [
            ("type", "observership", "research"), ("specialty", "cardiology", "neurology"), ("state", "NY", "CA"),
            ("audience", "pre_med", "img_graduate"), ("setting", "inpatient", "outpatient"), ("visa", "b1_b2", "j1"),
            ("letter", "standard", "none"),
        ]
        var values: [(name: String, sent: String, decoded: String)] = [
            ("near", "10016", "10016"), ("near", "", ""), ("near", "%2010016", " 10016"), ("near", "10016%0A", "10016\n"),
        ]
        for (name, valid, other) in examples {
            values += [
                (name, valid, valid), (name, "\(valid),\(other)", "\(valid),\(other)"), (name, "", ""), (name, "%20\(valid)", " \(valid)"),
                (name, "\(valid)%20", "\(valid) "), (name, "\(valid),,\(other)", "\(valid),,\(other)"),
                (name, "\(valid),%20\(other)", "\(valid), \(other)"), (name, ",\(valid)", ",\(valid)"),
            ]
        }
        try await withRoundsApp { app in
            for (name, sent, decoded) in values {
                let schema = try #require(parameters.first { $0["name"] as? String == name }?["schema"] as? [String: Any], "\(name)")
                let pattern = try NSRegularExpression(pattern: try #require(schema["pattern"] as? String, "\(name)"))
                // As JSON Schema reads a pattern (ECMA-262): `$` ends the text, and does not match before a final line break.
                let whole = NSRange(decoded.startIndex..., in: decoded)
                let allowed = pattern.firstMatch(in: decoded, range: whole)?.range == whole
                let status = try await Self.search(app, "\(name)=\(sent)").status
                #expect(status == (allowed ? .ok : .badRequest), "\(name)=\(sent): the document \(allowed ? "allows" : "refuses") it")
            }
        }
    }

    @Test func eligibleForMeUsesTheApplicantsProfileAndSaysWhy() async throws {
        try await withRoundsApp { app in
            try await Self.listing(app, title: "For Graduates", zip: "10016", audiences: [.imgGraduate])
            try await Self.listing(app, title: "For Pre-meds", zip: "10016", audiences: [.preMed])
            let client = try await APIClient.signedUp(app)
            _ = try await client.send(.PUT, APIRoute.profile.path, json: ["track": "pre_med", "visa_status": "us_citizen"])
            let list = try await Self.search(app, "eligible=true", token: client.token).content.decode(OpportunityListResponse.self)
            #expect(list.items.map(\.title) == ["For Pre-meds"])
            #expect(list.items[0].eligibility?.eligible == true)
        }
    }

    @Test func anOpportunityHasItsOwnPageAndJSON() async throws {
        try await withRoundsApp { app in
            let listing = try await Self.listing(app, title: "Nephrology Observership", zip: "77030", specialty: "nephrology")
            let id = try listing.requireID()
            let json = try await APIClient(app: app).send(.GET, "\(APIRoute.opportunities.path)/\(id.uuidString)")
            #expect(json.status == .ok)
            let detail = try json.content.decode(OpportunityDetailResponse.self)
            #expect(detail.summary.title == "Nephrology Observership")
            #expect(detail.sessions.count == 1)
            let page = try await Browser(app).get(SiteRoute.opportunity(OpportunityID(id)).path)
            #expect(page.status == .ok)
            #expect(page.text.contains("Nephrology Observership"))
            #expect(page.text.contains("Houston, TX 77030"))
            #expect(try await Browser(app).get(SiteRoute.opportunity(OpportunityID(UUID())).path).status == .notFound)
            #expect(try await APIClient(app: app).send(.GET, "\(APIRoute.opportunities.path)/\(UUID().uuidString)").status == .notFound)
        }
    }

    @Test func theSearchPageShowsResultsAndExplainsBadInput() async throws {
        try await withRoundsApp { app in
            try await Self.listing(app, title: "Pediatrics Observership", zip: "19104", specialty: "pediatrics")
            let page = try await Browser(app).get(SiteRoute.opportunities.path + "?q=pediatrics")
            #expect(page.status == .ok)
            #expect(page.text.contains("Pediatrics Observership"))
            #expect(page.text.contains("1 opportunity"))
            let bad = try await Browser(app).get(SiteRoute.opportunities.path + "?near=99999")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("near: unknown ZIP code 99999."))
        }
    }

    /// An old link to page 9 of a result that now fills two pages shows page 2, not an empty list.
    @Test func aPagePastTheEndShowsTheLastPage() async throws {
        try await withRoundsApp { app in
            for number in 1...3 {
                try await Self.listing(app, title: "Pediatrics Observership \(number)", zip: "19104", specialty: "pediatrics")
            }
            let page = try await Browser(app).get(SiteRoute.opportunities.path + "?q=pediatrics&per_page=2&page=9")
            #expect(page.status == .ok)
            #expect(page.text.contains("Page 2 of 2"))
            #expect(page.text.contains("Pediatrics Observership"))
        }
    }

    /// The opportunity page says how many seats are left, and shows an applicant their live application
    /// instead of a second "Apply".
    @Test func theOpportunityPageShowsSeatsLeftAndTheViewersApplication() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app, seats: 2)
            let browser = Browser(app)
            try await browser.signUp()
            let path = SiteRoute.opportunity(OpportunityID(try fixture.opportunity.requireID())).path
            let before = try await browser.get(path)
            #expect(before.text.contains("2 of 2 left"))
            #expect(before.text.contains(SiteRoute.apply(session: SessionID(fixture.sessionID)).path))
            let amara = try #require(try await User.find(email: "amara@example.org", on: app.db))
            try await fixture.apply(try await ApplicationFixture.client(app, for: amara))
            let after = try await browser.get(path)
            #expect(after.text.contains("Your application (submitted)"))
            #expect(!after.text.contains(SiteRoute.apply(session: SessionID(fixture.sessionID)).path))
        }
    }

    @Test func theDemoCatalogIsLargeAndVaried() async throws {
        try await withRoundsApp { app in
            let host = try await Factories.user(app, email: "host@example.org", roles: [.host])
            let created = try await CatalogDemoData.load(hostID: try host.requireID(), on: app.db, today: Day(app.services.clock.now()))
            #expect(created >= 300)
            let list = try await Self.search(app, "per_page=1").content.decode(OpportunityListResponse.self)
            #expect(list.total == created)
            #expect((list.facets["specialty"]?.count ?? 0) >= 40)
            #expect((list.facets["state"]?.count ?? 0) >= 30)
            #expect(try await CatalogDemoData.load(hostID: try host.requireID(), on: app.db, today: Day(app.services.clock.now())) == 0)
        }
    }
}

@Suite struct CatalogJSONTests {
    @Test func theHandWrittenAnswerIsWhatJSONEncoderWouldWrite() throws {
        let item = OpportunitySummary(
            SearchPage.Item(
                document: CatalogDocument(
                    id: UUID(), title: "Quote \" backslash \\ tab \t newline \n bell \u{07} é 😀", description: "", type: .research,
                    specialtyID: "cardiology", isHandsOn: true, setting: .both,
                    rules: EligibilityRules(audiences: [.preMed, .imgGraduate], acceptedVisaClasses: [.j1]), feeCents: 12_345,
                    currency: "USD", letterPolicy: .standard, requirements: [],
                    site: .init(name: "Site", city: "City", state: "NY", zip: "10016", coordinate: nil),
                    sessions: [.init(id: UUID(), start: Day(ordinal: 20_500), end: Day(ordinal: 20_527), seats: 2, applicationDeadline: Day(ordinal: 20_480))]
                ),
                score: 1, distanceMiles: 12.3, nextOpenSession: .init(id: UUID(), start: Day(ordinal: 20_500), end: Day(ordinal: 20_527), seats: 2, applicationDeadline: Day(ordinal: 20_480)),
                eligibility: EligibilityResult(reasons: [.init(rule: .visa, isMet: true, explanation: "Your \"J-1\" is accepted.")])
            )
        )
        let lists = [
            OpportunityListResponse(items: [item, item], total: 2, facets: ["type": ["research": 2], "state": ["NY": 2]], page: 1, perPage: 20),
            OpportunityListResponse(items: [], total: 0, facets: ["type": ["research": 100_000, "observership": 10]], page: 1_234_567_890, perPage: 100),
        ]
        for list in lists {
            let handWritten = try #require(CatalogJSON.response(list).body.data)
            let encoded = try JSONEncoder().encode(list)
            let mine = try JSONSerialization.jsonObject(with: handWritten) as? NSDictionary
            let theirs = try JSONSerialization.jsonObject(with: encoded) as? NSDictionary
            #expect(mine != nil && mine == theirs)
        }
        // With stored fragments (written once, then copied) the bytes are the same.
        let fragments = CatalogJSONFragments()
        let plain = CatalogJSON.response(lists[0]).body.data
        #expect(CatalogJSON.response(lists[0], fragments: fragments).body.data == plain)
        #expect(CatalogJSON.response(lists[0], fragments: fragments).body.data == plain)
        var buffer = ByteBuffer()
        let id = UUID()
        CatalogJSON.uuid(id, into: &buffer)
        #expect(buffer.readString(length: buffer.readableBytes) == "\"\(id.uuidString)\"")
    }
}

extension CatalogTests {
    @Test func theQueryStringIsReadAsAFormWouldBe() throws {
        let parameters = try SearchParameters.parse("q=heart+failure%20clinic&type=observership,research&unknown=1&per_page=5")
        #expect(parameters.q == "heart failure clinic")
        #expect(parameters.type == "observership,research")
        #expect(parameters.perPage == "5")
        #expect(throws: Abort.self) { try SearchParameters.parse("type=research&type=observership") }
        #expect(throws: Abort.self) { try SearchParameters.parse("q=%E0%A4%A") }
    }
}

extension CatalogTests {
    @Test func anEditedTitleIsWhatTheNextSearchShows() async throws {
        try await withRoundsApp { app in
            let opportunity = try await Self.listing(app, title: "Nephrology Observership", zip: "10016")
            let first = try await Self.search(app, "q=nephrology").content.decode(OpportunityListResponse.self)
            #expect(first.items.map(\.title) == ["Nephrology Observership"])
            opportunity.title = "Nephrology and Dialysis Observership"
            try await CatalogVersion.changing(on: app.db, touching: [.opportunity(try opportunity.requireID())]) { db in try await opportunity.save(on: db) }
            let second = try await Self.search(app, "q=nephrology").content.decode(OpportunityListResponse.self)
            #expect(second.items.map(\.title) == ["Nephrology and Dialysis Observership"])
        }
    }
}
