import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 21: two applicants link as a couple (the other confirms) and rank pairs of their own programs,
/// side by side, with "no match" for one side; nobody else sees or changes the pairs.
@Suite struct CoupleRankListTests {
    static func page(_ year: Int = 2027) -> String { SiteRoute.coupleRankList.path(query: [("year", "\(year)")]) }
    static func api(_ route: APIRoute, _ year: Int = 2027) -> String { route.path(query: [("year", "\(year)")]) }

    /// An IMG with a profile and `programs` on their 2027 list, signed in.
    static func applicant(_ app: Application, _ email: String, _ name: String, programs: [String], year: Int = 2027) async throws -> Browser {
        let browser = Browser(app)
        try await browser.signUp(email: email, name: name)
        #expect(try await browser.post(SiteRoute.profile.path, form: ResidencyPlannerTests.imgProfile).status == .seeOther)
        for program in programs {
            #expect(try await browser.post(SiteRoute.residencyPrograms.path(query: [("year", "\(year)")]), form: ResidencyPlannerTests.program(program)).status == .seeOther)
        }
        return browser
    }

    static func id(_ app: Application, _ name: String) async throws -> String {
        try #require(try await ResidencyProgram.query(on: app.db).filter(\.$name == name).first()?.id?.uuidString)
    }

    static func flash(_ browser: Browser, after response: TestingHTTPResponse) async throws -> String {
        try await browser.get(response.location ?? "").text
    }

    @Test func aCoupleLinksRanksPairsSideBySideAndEnds() async throws {
        try await withRoundsApp { app in
            let amara = try await Self.applicant(app, "amara@example.org", "Amara Okafor", programs: ["Fictional IM Boston", "Fictional IM Denver"])
            let bola = try await Self.applicant(app, "bola@example.org", "Bola Adeyemi", programs: ["Fictional Peds Boston", "Fictional Peds Denver"])
            let chidi = try await Self.applicant(app, "chidi@example.org", "Chidi Eze", programs: ["Fictional FM Austin"])

            // Asking: not oneself, not an unknown address.
            let own = try await amara.post(Self.page(), form: [("partner_email", "amara@example.org")])
            #expect(own.status == .unprocessableEntity && own.text.contains("not your own") && own.text.contains(#"value="amara@example.org""#))
            // The limit counts the address as sent: a real partner's address padded past 254 characters is refused.
            let padded = try await amara.post(Self.page(), form: [("partner_email", "bola@example.org" + String(repeating: " ", count: 250))])
            #expect(padded.status == .unprocessableEntity)
            #expect(try await amara.post(Self.page(), form: [("partner_email", "bola@example.org")]).status == .seeOther)
            #expect(try await amara.get(Self.page()).text.contains("they have not confirmed yet"))
            // Unconfirmed: no pairs yet; the asked partner sees the request; a third person cannot butt in.
            #expect(try await amara.post(SiteRoute.couplePairs.path(query: [("year", "2027")]), form: [("mine", "none"), ("partners", "none")]).status == .notFound)
            #expect(try await bola.get(Self.page()).text.contains("Amara Okafor asks you to rank as a couple"))
            let busy = try await chidi.post(Self.page(), form: [("partner_email", "bola@example.org")])
            #expect(busy.status == .unprocessableEntity && busy.text.contains("Bola Adeyemi is already linked with someone for the 2027 Match."))
            #expect(try await chidi.post(SiteRoute.coupleConfirm.path(query: [("year", "2027")])).status == .notFound)
            #expect(try await bola.post(SiteRoute.coupleConfirm.path(query: [("year", "2027")])).status == .seeOther)
            let notices = try await UserNotification.query(on: app.db).all().map(\.title)
            #expect(notices.contains("Amara Okafor asks to rank as a couple") && notices.contains("Bola Adeyemi confirmed your couple"))

            // Pairs: each side from its partner's own programs; no match for one side at most.
            let pairs = SiteRoute.couplePairs.path(query: [("year", "2027")])
            let imBoston = try await Self.id(app, "Fictional IM Boston")
            let pedsBoston = try await Self.id(app, "Fictional Peds Boston")
            let pedsDenver = try await Self.id(app, "Fictional Peds Denver")
            #expect(try await amara.post(pairs, form: [("mine", imBoston), ("partners", pedsBoston)]).status == .seeOther)
            // Bola adds from his side: his program first.
            #expect(try await bola.post(pairs, form: [("mine", pedsDenver), ("partners", "none")]).status == .seeOther)
            let swapped = try await amara.post(pairs, form: [("mine", pedsBoston), ("partners", imBoston)])
            #expect(try await Self.flash(amara, after: swapped).contains("own list that is still open"))
            let none = try await amara.post(pairs, form: [("mine", "none"), ("partners", "none")])
            #expect(try await Self.flash(amara, after: none).contains("at least one partner"))
            let page = try await amara.get(Self.page()).text
            #expect(page.contains("Bola Adeyemi&#39;s program") || page.contains("Bola Adeyemi's program"))
            let rows = try await RankCouplePair.query(on: app.db).sort(\.$position).all()
            #expect(rows.map { [$0.firstProgramID?.uuidString, $0.secondProgramID?.uuidString] } == [[imBoston, pedsBoston], [nil, pedsDenver]])

            // Moves from either side change the one shared list.
            #expect(try await bola.post(SiteRoute.couplePairsMove.path(query: [("year", "2027")]), form: [("rank", "2"), ("action", "up")]).status == .seeOther)
            #expect(try await RankCouplePair.query(on: app.db).sort(\.$position).all().map(\.secondProgramID?.uuidString) == [pedsDenver, pedsBoston])

            // Ending it removes the pairs and tells the other partner.
            #expect(try await bola.post(SiteRoute.coupleLeave.path(query: [("year", "2027")])).status == .seeOther)
            #expect(try await RankCouple.query(on: app.db).count() == 0)
            #expect(try await RankCouplePair.query(on: app.db).count() == 0)
            #expect(try await UserNotification.query(on: app.db).all().contains { $0.title == "Bola Adeyemi ended your couple for the 2027 Match" })
        }
    }

    @Test func theAPIReplacesPairsFromTheCallersSide() async throws {
        try await withRoundsApp { app in
            _ = try await Self.applicant(app, "amara@example.org", "Amara Okafor", programs: ["Fictional IM Boston"])
            _ = try await Self.applicant(app, "bola@example.org", "Bola Adeyemi", programs: ["Fictional Peds Boston"])
            let amara = try await ApplicationFixture.client(app, for: try #require(try await User.query(on: app.db).filter(\.$email == "amara@example.org").first()))
            let bola = try await ApplicationFixture.client(app, for: try #require(try await User.query(on: app.db).filter(\.$email == "bola@example.org").first()))
            #expect(try await amara.send(.GET, Self.api(.rankListCouple)).content.get(String.self, at: "state") == "none")
            let asked = try await amara.send(.POST, Self.api(.rankListCouple), json: ["partner_email": "bola@example.org"])
            #expect(asked.status == .created)
            #expect(try asked.content.get(String.self, at: "state") == "asked")
            #expect(try await bola.send(.GET, Self.api(.rankListCouple)).content.get(String.self, at: "state") == "asking")
            #expect(try await bola.send(.POST, Self.api(.rankListCoupleConfirmation)).status == .ok)
            #expect(try await bola.send(.POST, Self.api(.rankListCoupleConfirmation)).status == .conflict)

            let im = try await Self.id(app, "Fictional IM Boston")
            let peds = try await Self.id(app, "Fictional Peds Boston")
            let refused = try await bola.send(.PUT, Self.api(.rankListCouplePairs), json: ["pairs": [["mine": im, "partners": peds]]])
            #expect(refused.status == .unprocessableEntity)
            let saved = try await bola.send(.PUT, Self.api(.rankListCouplePairs), json: ["pairs": [["mine": peds, "partners": im], ["mine": peds]]])
            #expect(saved.status == .ok, "\(saved.body.string)")
            let fromBola = try saved.content.decode(CoupleRankListResponse.self)
            #expect(fromBola.pairs.map { [$0.mine?.name, $0.partners?.name] } == [["Fictional Peds Boston", "Fictional IM Boston"], ["Fictional Peds Boston", nil]])
            let fromAmara = try await amara.send(.GET, Self.api(.rankListCouple)).content.decode(CoupleRankListResponse.self)
            #expect(fromAmara.state == "linked" && fromAmara.pairs.map { [$0.mine?.name, $0.partners?.name] } == [["Fictional IM Boston", "Fictional Peds Boston"], [nil, "Fictional Peds Boston"]])
            #expect(try await amara.send(.PUT, Self.api(.rankListCouplePairs), raw: "{\"pairs\": [{\"mine\": 7}]}").status == .badRequest)
            #expect(try await amara.send(.DELETE, Self.api(.rankListCouple)).status == .noContent)
            #expect(try await bola.send(.GET, Self.api(.rankListCouple)).content.get(String.self, at: "state") == "none")
        }
    }

    @Test func afterTheDeadlineThePairsCannotChange() async throws {
        try await withRoundsApp { app in
            // The test clock stands in September 2026: the 2026 Match's deadline (March 4) has passed.
            let amara = try await Self.applicant(app, "amara@example.org", "Amara Okafor", programs: ["Fictional IM Boston"], year: 2026)
            let bola = try await Self.applicant(app, "bola@example.org", "Bola Adeyemi", programs: ["Fictional Peds Boston"], year: 2026)
            #expect(try await amara.post(Self.page(2026), form: [("partner_email", "bola@example.org")]).status == .seeOther)
            #expect(try await bola.post(SiteRoute.coupleConfirm.path(query: [("year", "2026")])).status == .seeOther)
            let refused = try await amara.post(
                SiteRoute.couplePairs.path(query: [("year", "2026")]),
                form: [("mine", try await Self.id(app, "Fictional IM Boston")), ("partners", try await Self.id(app, "Fictional Peds Boston"))])
            #expect(try await Self.flash(amara, after: refused).contains("The rank order list deadline has passed"))
            #expect(try await RankCouplePair.query(on: app.db).count() == 0)
        }
    }

    @Test func eachPartnerCertifiesAndAnyChangeAsksBothAgain() async throws {
        try await withRoundsApp { app in
            let amara = try await Self.applicant(app, "amara@example.org", "Amara Okafor", programs: ["Fictional IM Boston", "Fictional IM Denver"])
            _ = try await Self.applicant(app, "bola@example.org", "Bola Adeyemi", programs: ["Fictional Peds Boston"])
            let certify = SiteRoute.coupleCertify.path(query: [("year", "2027")])
            // Not linked yet: there is nothing of theirs to certify.
            #expect(try await amara.post(certify, form: [("name", "Amara Okafor")]).status == .notFound)
            #expect(try await amara.post(Self.page(), form: [("partner_email", "bola@example.org")]).status == .seeOther)
            let bolaUser = try #require(try await User.query(on: app.db).filter(\.$email == "bola@example.org").first())
            let bola = try await ApplicationFixture.client(app, for: bolaUser)
            #expect(try await bola.send(.POST, Self.api(.rankListCoupleConfirmation)).status == .ok)

            // An empty list, or someone else's name, is refused with the reason on the page.
            let empty = try await amara.post(certify, form: [("name", "Amara Okafor")])
            #expect(empty.status == .unprocessableEntity && empty.text.contains("Add at least one pair before certifying."))
            let imBoston = try await Self.id(app, "Fictional IM Boston")
            let pedsBoston = try await Self.id(app, "Fictional Peds Boston")
            #expect(try await amara.post(SiteRoute.couplePairs.path(query: [("year", "2027")]), form: [("mine", imBoston), ("partners", pedsBoston)]).status == .seeOther)
            let wrongName = try await amara.post(certify, form: [("name", "Bola Adeyemi")])
            #expect(wrongName.text.contains("Type your name exactly as your account shows it (Amara Okafor)") && wrongName.text.contains(#"value="Bola Adeyemi""#))
            #expect(try await RankCoupleCertification.query(on: app.db).count() == 0)

            // Amara certifies on the page; Bola sees it over the API and certifies there.
            #expect(try await amara.post(certify, form: [("name", "  amara okafor ")]).status == .seeOther)
            #expect(try await UserNotification.query(on: app.db).all().contains { $0.title == "Amara Okafor certified your couple's list" })
            var fromBola = try await bola.send(.GET, Self.api(.rankListCouple)).content.decode(CoupleRankListResponse.self)
            #expect(fromBola.myCertification?.state == "never" && fromBola.partnerCertification?.state == "current")
            #expect(fromBola.partnerCertification?.certifiedBy == "Amara Okafor")
            #expect(try await bola.send(.POST, Self.api(.rankListCoupleCertification), json: ["name": "Amara Okafor"]).status == .unprocessableEntity)
            fromBola = try await bola.send(.POST, Self.api(.rankListCoupleCertification), json: ["name": "Bola Adeyemi"]).content.decode(CoupleRankListResponse.self)
            #expect(fromBola.myCertification?.state == "current" && fromBola.partnerCertification?.state == "current")

            // A new pair changes both partners' lists: both must certify again, and the page says so.
            let imDenver = try await Self.id(app, "Fictional IM Denver")
            #expect(try await amara.post(SiteRoute.couplePairs.path(query: [("year", "2027")]), form: [("mine", imDenver), ("partners", "none")]).status == .seeOther)
            fromBola = try await bola.send(.GET, Self.api(.rankListCouple)).content.decode(CoupleRankListResponse.self)
            #expect(fromBola.myCertification?.state == "stale" && fromBola.partnerCertification?.state == "stale")
            let page = try await amara.get(Self.page()).text
            #expect(page.contains("Certify again") && page.contains("Type your name to certify: Amara Okafor"))
        }
    }

    @Test func afterTheDeadlineTheCoupleCannotCertify() async throws {
        try await withRoundsApp { app in
            let amara = try await Self.applicant(app, "amara@example.org", "Amara Okafor", programs: ["Fictional IM Boston"], year: 2026)
            let bola = try await Self.applicant(app, "bola@example.org", "Bola Adeyemi", programs: ["Fictional Peds Boston"], year: 2026)
            #expect(try await amara.post(Self.page(2026), form: [("partner_email", "bola@example.org")]).status == .seeOther)
            #expect(try await bola.post(SiteRoute.coupleConfirm.path(query: [("year", "2026")])).status == .seeOther)
            let refused = try await amara.post(SiteRoute.coupleCertify.path(query: [("year", "2026")]), form: [("name", "Amara Okafor")])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("The rank order list deadline has passed"))
            #expect(try await RankCoupleCertification.query(on: app.db).count() == 0)
        }
    }
}
