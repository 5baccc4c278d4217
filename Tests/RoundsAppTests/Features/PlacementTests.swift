import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Placement cycles end to end over the API: open, rank, run the NRMP algorithm, publish into offers.
@Suite struct PlacementTests {
    struct World {
        var fixture: ApplicationFixture
        var second: OpportunitySession
        var advisor: APIClient
        var cycle: UUID
    }

    static let profile = ApplicantProfileInput(
        track: .imgGraduate, medicalSchool: "University of Lagos", schoolCountry: "Nigeria", graduationYear: 2024, step1: .passed,
        step2CKScore: 240, ecfmgStatus: .certified, visaStatus: .b1b2, specialtyIDs: ["internal-medicine"], targetMatchYear: 2027
    )

    /// Two one-seat sessions of the same host in one open cycle.
    static func world(_ app: Application) async throws -> World {
        let fixture = try await ApplicationFixture.make(app, seats: 1)
        let other = try await CatalogTests.listing(app, title: "Nephrology Observership", zip: "10016", seats: 1)
        let second = try #require(try await OpportunitySession.query(on: app.db).filter(\.$opportunity.$id == other.requireID()).first())
        let advisor = try await ApplicationFixture.client(app, for: try await Factories.user(app, email: "advisor@example.org", roles: [.advisor]))
        let created = try await advisor.send(
            .POST, APIRoute.cycles.path, json: ["name": "Winter 2027", "session_ids": [fixture.sessionID.uuidString, second.id!.uuidString], "offer_days": 5]
        )
        #expect(created.status == .created, "\(created.body.string)")
        return World(fixture: fixture, second: second, advisor: advisor, cycle: try created.content.get(UUID.self, at: "id"))
    }

    static func applicant(_ world: World, _ email: String, profile: Bool = true) async throws -> (User, APIClient) {
        let (user, client) = try await world.fixture.applicant(email)
        if profile {
            let stored = ApplicantProfile(userID: try user.requireID())
            stored.apply(Self.profile)
            try await stored.create(on: world.fixture.app.db)
        }
        return (user, client)
    }

    static func path(_ world: World, _ tail: String = "") -> String { "\(APIRoute.cycles.path)/\(world.cycle.uuidString)\(tail)" }

    @Test func rankRunPublishTurnsMatchesIntoOffers() async throws {
        try await withRoundsApp { app in
            let world = try await Self.world(app)
            let s1 = world.fixture.sessionID.uuidString
            let s2 = world.second.id!.uuidString
            let (amara, a) = try await Self.applicant(world, "amara@example.org")
            let (bola, b) = try await Self.applicant(world, "bola@example.org")
            let (chen, c) = try await Self.applicant(world, "chen@example.org")
            for (client, ranking) in [(a, [s1, s2]), (b, [s1, s2]), (c, [s1])] {
                let saved = try await client.send(.PUT, Self.path(world, "/list"), json: ["session_ids": ranking])
                #expect(saved.status == .ok, "\(saved.body.string)")
            }
            let seen = try await world.fixture.host.send(.GET, Self.path(world, "/sessions/\(s1)/applicants"))
            #expect(Set(try seen.content.get([[String: String]].self, at: "applicants").compactMap { $0["display_name"] }).count == 3)
            for (session, ranking) in [(s1, [chen, amara, bola]), (s2, [amara, bola])] {
                let saved = try await world.fixture.host.send(
                    .PUT, Self.path(world, "/sessions/\(session)/list"), json: ["applicant_ids": ranking.map { $0.id!.uuidString }]
                )
                #expect(saved.status == .ok, "\(saved.body.string)")
            }

            let run = try await world.advisor.send(.POST, Self.path(world, "/run"))
            #expect(run.status == .ok, "\(run.body.string)")
            #expect(try run.content.get(Int.self, at: "matched") == 2)
            #expect(try run.content.get(Int.self, at: "unmatched") == 1)
            #expect(try run.content.get(Bool.self, at: "stable"))
            let result = try await world.advisor.send(.GET, Self.path(world)).content.decode(PlacementCycleResponse.self)
            let placed = Dictionary(uniqueKeysWithValues: (result.results ?? []).map { ($0.applicantID, $0.sessionID) })
            // Chen is the host's first choice for the first session; Amara is next best and takes the second.
            #expect(placed[chen.id!] == world.fixture.sessionID)
            #expect(placed[amara.id!] == world.second.id)
            #expect(placed[bola.id!] == .some(nil))

            let published = try await world.advisor.send(.POST, Self.path(world, "/publish"))
            #expect(published.status == .ok, "\(published.body.string)")
            #expect(try published.content.get(Int.self, at: "offered") == 2)
            let offers = try await SessionApplication.query(on: app.db).all()
            #expect(offers.count == 2 && offers.allSatisfy { $0.status == .offered })
            // The offer is an ordinary one: Chen accepts it through the applications workflow.
            let chensOffer = try #require(offers.first { $0.$applicant.id == chen.id })
            #expect(try await world.fixture.act(c, .accept, on: chensOffer.requireID()).status == .ok)
            let notices = try await a.send(.GET, APIRoute.notifications.path).content.decode(NotificationListResponse.self)
            #expect(notices.items.contains { $0.title == "Offer: Nephrology Observership" })

            // Published is final.
            #expect(try await world.advisor.send(.POST, Self.path(world, "/run")).status == .conflict)
            #expect(try await b.send(.PUT, Self.path(world, "/list"), json: ["session_ids": [s2]]).status == .conflict)
        }
    }

    @Test func aPairMatchesTogetherOnlyOnceThePartnerConfirms() async throws {
        try await withRoundsApp { app in
            let world = try await Self.world(app)
            let s1 = world.fixture.sessionID.uuidString
            let s2 = world.second.id!.uuidString
            let (dora, d) = try await Self.applicant(world, "dora@example.org")
            let (emeka, e) = try await Self.applicant(world, "emeka@example.org")
            let saved = try await d.send(
                .PUT, Self.path(world, "/list"), json: ["partner_email": "emeka@example.org", "pairs": [[s1, s2], [s2, s1]]]
            )
            #expect(saved.status == .ok, "\(saved.body.string)")
            for session in [s1, s2] {
                let ranked = try await world.fixture.host.send(
                    .PUT, Self.path(world, "/sessions/\(session)/list"), json: ["applicant_ids": [dora.id!.uuidString, emeka.id!.uuidString]]
                )
                #expect(ranked.status == .ok, "\(ranked.body.string)")
            }
            let early = try await world.advisor.send(.POST, Self.path(world, "/run"))
            #expect(try early.content.get(Int.self, at: "pairs_left_out") == 1)
            #expect(try early.content.get(Int.self, at: "matched") == 0)

            #expect(try await e.send(.POST, Self.path(world, "/partner/confirm")).status == .ok)
            let run = try await world.advisor.send(.POST, Self.path(world, "/run"))
            #expect(try run.content.get(Int.self, at: "couples") == 1)
            #expect(try run.content.get(Int.self, at: "matched") == 2)
            let result = try await world.advisor.send(.GET, Self.path(world)).content.decode(PlacementCycleResponse.self)
            let placed = Dictionary(uniqueKeysWithValues: (result.results ?? []).map { ($0.applicantID, $0.sessionID) })
            #expect(placed[dora.id!] == world.fixture.sessionID)
            #expect(placed[emeka.id!] == world.second.id)
        }
    }

    @Test func listsKeepTheRules() async throws {
        try await withRoundsApp { app in
            let world = try await Self.world(app)
            let s1 = world.fixture.sessionID.uuidString
            let (_, noProfile) = try await Self.applicant(world, "noprofile@example.org", profile: false)
            let refused = try await noProfile.send(.PUT, Self.path(world, "/list"), json: ["session_ids": [s1]])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("not eligible"))
            let (stranger, client) = try await Self.applicant(world, "fine@example.org")
            #expect(try await client.send(.PUT, Self.path(world, "/list"), json: ["session_ids": [s1, s1]]).status == .unprocessableEntity)
            #expect(try await client.send(.PUT, Self.path(world, "/list"), json: ["session_ids": [UUID().uuidString]]).status == .unprocessableEntity)
            // A host may rank only applicants who ranked the session.
            let host = try await world.fixture.host.send(
                .PUT, Self.path(world, "/sessions/\(s1)/list"), json: ["applicant_ids": [stranger.id!.uuidString]]
            )
            #expect(host.status == .unprocessableEntity)
            // Another advisor cannot see or run the cycle.
            let other = try await ApplicationFixture.client(app, for: try await Factories.user(app, email: "other-advisor@example.org", roles: [.advisor]))
            #expect(try await other.send(.POST, Self.path(world, "/run")).status == .notFound)
            #expect(try await other.send(.GET, Self.path(world)).status == .notFound)
            // Publishing needs a run first.
            #expect(try await world.advisor.send(.POST, Self.path(world, "/publish")).status == .conflict)
        }
    }
}

extension PlacementTests {
    @Test func theWholeCycleWorksInTheBrowser() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app, seats: 1)
            try await Factories.user(app, email: "advisor@example.org", roles: [.advisor])
            let advisor = try await Factories.browser(app, signedInAs: "advisor@example.org")
            let form = try await advisor.get(SiteRoute.advisorCycles.path).text
            #expect(form.contains(fixture.sessionID.uuidString))
            var response = try await advisor.post(
                SiteRoute.advisorCycles.path, form: [("name", "Spring"), ("offer_days", "7"), ("session_ids[]", fixture.sessionID.uuidString)]
            )
            #expect(response.status == .seeOther)
            let cyclePath = try #require(response.location)
            let cycleID = try #require(UUID(uuidString: String(cyclePath.split(separator: "/").last ?? "")))

            let (amara, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            let user = try #require(try await User.find(email: "amara@example.org", on: app.db))
            let stored = ApplicantProfile(userID: try user.requireID())
            stored.apply(Self.profile)
            try await stored.create(on: app.db)
            #expect(try await amara.get(SiteRoute.placementCycle(CycleID(cycleID)).path).text.contains("You qualify"))
            // A slip is refused with the reason, not saved (issue 18).
            for typed in ["0", "2", "first"] {
                let slip = try await amara.post(SiteRoute.cycleList(CycleID(cycleID)).path, form: [("rank_\(fixture.sessionID.uuidString)", typed)])
                #expect(slip.status == .unprocessableEntity, "\(typed)")
                #expect(slip.text.contains("is not a rank"), "\(typed)")
                #expect(slip.text.contains(#"value="\#(typed)""#), "what was typed is shown again: \(typed)")
                #expect(slip.text.contains(#"name="pair_rank_4""#), "the pair form keeps its empty rows beside a refused list")
            }
            #expect(try await PlacementApplicantList.query(on: app.db).count() == 0)
            response = try await amara.post(SiteRoute.cycleList(CycleID(cycleID)).path, form: [("rank_\(fixture.sessionID.uuidString)", "1")])
            #expect(response.status == .seeOther)

            let host = try await Factories.browser(app, signedInAs: "host@example.org")
            #expect(try await host.get(SiteRoute.placementCycle(CycleID(cycleID)).path).text.contains(SiteRoute.hostCycleSession(CycleID(cycleID), SessionID(fixture.sessionID)).path))
            response = try await host.post(SiteRoute.hostCycleSession(CycleID(cycleID), SessionID(fixture.sessionID)).path, form: [("rank_\(user.id!.uuidString)", "1")])
            #expect(response.status == .seeOther)

            #expect(try await advisor.post(cyclePath + "/run").status == .seeOther)
            let reviewed = try await advisor.get(cyclePath).text
            #expect(reviewed.contains("Test User") && reviewed.contains("Publish: make the offers"))
            #expect(try await advisor.post(cyclePath + "/publish").status == .seeOther)
            #expect(try await SessionApplication.query(on: app.db).filter(\.$status == .offered).count() == 1)
        }
    }
}

extension PlacementTests {
    @Test func aSessionInACycleOrWithApplicationsCannotBeDeleted() async throws {
        try await withRoundsApp { app in
            let world = try await Self.world(app)
            let host = try await Factories.browser(app, signedInAs: "host@example.org")
            let response = try await host.post(SiteRoute.deleteSession(SessionID(world.second.id!)).path)
            #expect(response.status == .conflict)
            #expect(response.text.contains("placement cycle"))
            #expect(try await OpportunitySession.find(world.second.id, on: app.db) != nil)
        }
    }
}

extension PlacementTests {
    /// Friends rank pairs on the page, without the API or JavaScript, and the partner confirms there (issue 18).
    @Test func aCoupleRanksPairsOnThePageAndThePartnerConfirmsThere() async throws {
        try await withRoundsApp { app in
            let world = try await Self.world(app)
            let s1 = world.fixture.sessionID.uuidString
            let s2 = try world.second.requireID().uuidString
            _ = try await Self.applicant(world, "dora@example.org")
            _ = try await Self.applicant(world, "emeka@example.org")
            let dora = try await Factories.browser(app, signedInAs: "dora@example.org")
            let page = SiteRoute.placementCycle(CycleID(world.cycle)).path
            let action = SiteRoute.cyclePairs(CycleID(world.cycle)).path
            #expect(try await dora.get(page).text.contains("Rank pairs with a partner"))

            // A half-filled row is refused with its number; nothing is saved and every value comes back as typed.
            func rows(_ typed: [(rank: String, mine: String, partners: String)]) -> [(String, String)] {
                typed.enumerated().flatMap { index, row in
                    [("pair_rank_\(index)", row.rank), ("pair_mine_\(index)", row.mine), ("pair_partner_\(index)", row.partners)]
                }
            }
            let slip = try await dora.post(
                action, form: [("partner_email", "emeka@example.org")] + rows([("1", s1, s2), ("7", s2, ""), ("", "", "")])
            )
            #expect(slip.status == .unprocessableEntity)
            let shown = slip.text
            #expect(shown.contains("Pair row 2: choose a session or “Not placed” for each of you."))
            #expect(shown.contains(#"value="emeka@example.org""#))
            #expect(shown.contains(#"name="pair_rank_1" value="7""#))
            let secondRow = try #require(shown.range(of: #"name="pair_mine_1""#))
            #expect(shown[secondRow.upperBound...].prefix(2_000).contains(#"value="\#(s2)" selected="selected""#))
            #expect(try await PlacementApplicantList.query(on: app.db).count() == 0)

            // Someone who is not an applicant on Rounds cannot be named.
            let stranger = try await dora.post(action, form: [("partner_email", "nobody@example.org")] + rows([("1", s1, s2)]))
            #expect(stranger.status == .unprocessableEntity)
            #expect(stranger.text.contains("Give the e-mail of your partner"))

            let saved = try await dora.post(
                action, form: [("partner_email", "emeka@example.org")] + rows([("2", s1, s2), ("1", s2, PairRows.notPlaced), ("", "", "")])
            )
            #expect(saved.status == .seeOther)
            let list = try #require(try await PlacementApplicantList.query(on: app.db).first())
            #expect(list.choices == "\(s2)|-,\(s1)|\(s2)")
            #expect(!list.partnerConfirmed)
            let again = try await dora.get(page).text
            #expect(again.contains(#"value="emeka@example.org""#) && again.contains(#"name="pair_rank_1" value="2""#))

            let emeka = try await Factories.browser(app, signedInAs: "emeka@example.org")
            #expect(try await emeka.get(page).text.contains("Confirm the pair with"))
            #expect(try await emeka.post(SiteRoute.confirmPartner(CycleID(world.cycle)).path).status == .seeOther)
            #expect(try await PlacementApplicantList.query(on: app.db).first()?.partnerConfirmed == true)
        }
    }

    /// "Not for your profile" names the rule that stands in the way (issue 18).
    @Test func aSessionOutOfReachSaysWhy() async throws {
        try await withRoundsApp { app in
            let world = try await Self.world(app)
            let (user, client) = try await Self.applicant(world, "premed@example.org", profile: false)
            let stored = ApplicantProfile(userID: try user.requireID())
            var premed = Self.profile
            premed.track = .preMed
            stored.apply(premed)
            try await stored.create(on: app.db)
            let response = try await client.send(.GET, Self.path(world)).content.decode(PlacementCycleResponse.self)
            let session = try #require(response.sessions.first)
            #expect(session.eligible == false)
            let reasons = try #require(session.notEligibleBecause)
            #expect(reasons.contains { $0.contains("Not open to") })
            let browser = try await Factories.browser(app, signedInAs: "premed@example.org")
            #expect(try await browser.get(SiteRoute.placementCycle(CycleID(world.cycle)).path).text.contains("Not for your profile: Not open to"))
        }
    }
}

extension PlacementTests {
    /// Issue 18: the advisor narrows up to 200 open sessions by words, and a refused form keeps what was
    /// typed and ticked, even sessions the words would hide.
    @Test func theAdvisorNarrowsTheSessionsAndARefusalKeepsTheForm() async throws {
        try await withRoundsApp { app in
            let world = try await Self.world(app)
            let first = world.fixture.sessionID.uuidString
            let nephrology = try world.second.requireID().uuidString
            let advisor = try await Factories.browser(app, signedInAs: "advisor@example.org")
            let all = try await advisor.get(SiteRoute.advisorCycles.path).text
            #expect(all.contains(first) && all.contains(nephrology))
            let narrowed = try await advisor.get(SiteRoute.advisorCycles.path(query: [("q", "NEPHRO")])).text
            #expect(narrowed.contains(nephrology) && !narrowed.contains(first))
            #expect(narrowed.contains("1 open session match “NEPHRO”."))

            let refused = try await advisor.post(
                SiteRoute.advisorCycles.path(query: [("q", "nephro")]), form: [("name", ""), ("offer_days", "9"), ("session_ids[]", first)]
            )
            #expect(refused.status == .unprocessableEntity)
            let page = refused.text
            #expect(page.contains(#"value="9""#))
            #expect(page.contains(#"value="\#(first)" checked="checked""#))
            #expect(page.contains(nephrology))
        }
    }
}
