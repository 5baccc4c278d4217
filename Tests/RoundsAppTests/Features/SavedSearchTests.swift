import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 18: saved searches with e-mail alerts of new matches, stopped by one link.
@Suite struct SavedSearchTests {
    /// A draft listing the demo host publishes through the API now, so it enters the catalog at the clock's time.
    static func publish(_ app: Application, title: String, host: APIClient) async throws {
        let listing = try await CatalogTests.listing(app, title: title, zip: "10016", status: .draft)
        let published = try await host.send(.POST, APIRoute.hostOpportunityStatus(OpportunityID(listing.id!), .publish).path)
        #expect(published.status == .ok, "\(published.body.string)")
    }

    static func alerts(_ app: Application) async throws -> Int {
        try await SavedSearchAlerts(app: app, now: app.services.clock.now()).sendDue()
    }

    @Test func anAlertMailsNewMatchesOnceAndOneClickStopsIt() async throws {
        try await withRoundsApp { app in
            let clock = try #require(app.services.clock as? ManualClock)
            _ = try await CatalogTests.listing(app, title: "Old Cardiology Observership", zip: "10016")
            let host = try await ApplicationFixture.client(app, for: try #require(try await User.find(email: "host@example.org", on: app.db)))
            let amara = try await Factories.browser(app, signedInAs: try await Factories.user(app, email: "amara@example.org", roles: [.applicant]).email)
            let saved = try await amara.post(SiteRoute.savedSearches.path, form: [("name", "Cardiology"), ("alert", "daily"), ("query", "q=cardiology")])
            #expect(saved.status == .seeOther && saved.location == SiteRoute.savedSearches.path)
            #expect(try await amara.get(SiteRoute.savedSearches.path).text.contains("Cardiology"))

            clock.advance(by: 3600)
            try await Self.publish(app, title: "Cardiology Elective", host: host)
            try await Self.publish(app, title: "Pediatrics Observership", host: host)
            #expect(try await Self.alerts(app) == 0, "not a day yet")
            clock.advance(by: 24 * 3600)
            #expect(try await Self.alerts(app) == 1)
            #expect(try await Self.alerts(app) == 0, "claimed: the next one waits a day")
            let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "amara@example.org").first())
            #expect(mail.subject == "Rounds: 1 new listing for “Cardiology”")
            #expect(mail.body.contains("Cardiology Elective") && !mail.body.contains("Pediatrics") && !mail.body.contains("Old Cardiology"))

            // One click, no session or form token (a mail program's POST): the alert stops, the search stays.
            let token = try #require(mail.body.firstMatch(of: /token=([A-Za-z0-9_-]+)/)).1
            let stop = try await Browser(app).post(SiteRoute.searchAlertUnsubscribe.path(query: [("token", String(token))]), form: [])
            #expect(stop.status == .ok && stop.text.contains("No more e-mails for “Cardiology”"))
            #expect(try await SavedSearch.query(on: app.db).first()?.alert == .off)
            #expect(try await Browser(app).post(SiteRoute.searchAlertUnsubscribe.path(query: [("token", "forged")]), form: []).status == .notFound)
            clock.advance(by: 3600)
            try await Self.publish(app, title: "Cardiology Research Post", host: host)
            clock.advance(by: 2 * 24 * 3600)
            #expect(try await Self.alerts(app) == 0)
        }
    }

    @Test func searchesAreCheckedCappedAndOwn() async throws {
        try await withRoundsApp { app in
            let (_, amara) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            let (_, bola) = try await Factories.signedIn(app, email: "bola@example.org", roles: [.applicant])
            let badQuery = try await amara.send(.POST, APIRoute.savedSearches.path, json: ["name": "Near", "alert": "weekly", "query": "near=10016&radius_mi=far"])
            #expect(badQuery.status == .badRequest && badQuery.body.string.contains("radius_mi"))
            #expect(try await amara.send(.POST, APIRoute.savedSearches.path, json: ["name": "Long", "alert": "weekly", "query": String(repeating: "0", count: 2_049)]).status == .badRequest)
            #expect(try await amara.send(.POST, APIRoute.savedSearches.path, json: ["name": " ", "alert": "weekly"]).status == .unprocessableEntity)
            #expect(try await amara.send(.POST, APIRoute.savedSearches.path, json: ["name": "x", "alert": "hourly"]).status == .unprocessableEntity)
            #expect(try await SavedSearch.query(on: app.db).count() == 0)

            let first = try await amara.send(.POST, APIRoute.savedSearches.path, json: ["name": "IM in NY", "alert": "weekly", "query": "state=NY&q=internal+medicine&page=3&sort=fee"])
            #expect(first.status == .created)
            let search = try first.content.decode(SavedSearchResponse.self)
            #expect(search.query == "q=internal%20medicine&state=NY", "filters only, in a fixed order")
            for n in 2...SavedSearchDraft.maximumPerPerson {
                #expect(try await amara.send(.POST, APIRoute.savedSearches.path, json: ["name": "Search \(n)", "alert": "off"]).status == .created)
            }
            let over = try await amara.send(.POST, APIRoute.savedSearches.path, json: ["name": "One more", "alert": "off"])
            #expect(over.status == .unprocessableEntity && over.body.string.contains("at most 20"))

            let path = APIRoute.savedSearch(SavedSearchID(search.id)).path
            #expect(try await bola.send(.PUT, path, json: ["alert": "off"]).status == .notFound)
            #expect(try await bola.send(.DELETE, path).status == .notFound)
            #expect(try await bola.send(.GET, APIRoute.savedSearches.path).content.decode([SavedSearchResponse].self).isEmpty)
            let off = try await amara.send(.PUT, path, json: ["alert": "off"])
            #expect(try off.content.decode(SavedSearchResponse.self).alert == .off)
            #expect(try await amara.send(.DELETE, path).status == .noContent)
            #expect(try await SavedSearch.query(on: app.db).count() == SavedSearchDraft.maximumPerPerson - 1)
        }
    }

    @Test func theSearchPageOffersToSaveWhatItShows() async throws {
        try await withRoundsApp { app in
            _ = try await CatalogTests.listing(app, title: "Cardiology Observership", zip: "10016")
            #expect(!(try await Browser(app).get(SiteRoute.opportunities.path + "?q=cardiology").text.contains("Save this search")))
            let amara = try await Factories.browser(app, signedInAs: try await Factories.user(app, email: "amara@example.org", roles: [.applicant]).email)
            let page = try await amara.get(SiteRoute.opportunities.path + "?q=cardiology&type=observership&page=1")
            #expect(page.text.contains("Save this search") && page.text.contains(#"value="q=cardiology&amp;type=observership""#))
            let refused = try await amara.post(SiteRoute.savedSearches.path, form: [("name", "Far"), ("alert", "weekly"), ("query", "radius_mi=far")])
            #expect(try await amara.get(refused.location ?? "").text.contains("radius_mi"))
        }
    }
}

/// Issue 18: favourites, kept from a listing's page and listed with their state.
@Suite struct FavouriteTests {
    @Test func aListingIsKeptOnceListedAndRemovedAndStrangersSeeNothing() async throws {
        try await withRoundsApp { app in
            let listing = try await CatalogTests.listing(app, title: "Cardiology Observership", zip: "10016")
            let draft = try await CatalogTests.listing(app, title: "Draft Elective", zip: "10016", status: .draft)
            let id = OpportunityID(listing.id!)
            let amara = try await Factories.browser(app, signedInAs: try await Factories.user(app, email: "amara@example.org", roles: [.applicant]).email)
            #expect(try await amara.get(SiteRoute.opportunity(id).path).text.contains("Add to favourites"))
            #expect(try await amara.post(SiteRoute.favourite(id).path, form: [("keep", "true")]).status == .seeOther)
            #expect(try await amara.post(SiteRoute.favourite(id).path, form: [("keep", "true")]).status == .seeOther)
            #expect(try await Favourite.query(on: app.db).count() == 1, "twice is once")
            #expect(try await amara.get(SiteRoute.opportunity(id).path).text.contains("Remove from favourites"))
            #expect(try await amara.post(SiteRoute.favourite(OpportunityID(draft.id!)).path, form: [("keep", "true")]).status == .notFound)
            #expect(try await amara.post(SiteRoute.favourite(id).path, form: [("keep", "maybe")]).status == .badRequest)

            let (_, bola) = try await Factories.signedIn(app, email: "bola@example.org", roles: [.applicant])
            #expect(try await bola.send(.GET, APIRoute.favourites.path).content.decode([FavouriteResponse].self).isEmpty)
            // Once the listing leaves the catalog it stays, marked as no longer listed.
            listing.status = .archived
            try await listing.save(on: app.db)
            let page = try await amara.get(SiteRoute.favourites.path)
            #expect(page.text.contains("Cardiology Observership") && page.text.contains("no longer listed"))
            let removed = try await amara.post(SiteRoute.favourite(id).path, form: [("keep", "false"), ("next", SiteRoute.favourites.path)])
            #expect(removed.location == SiteRoute.favourites.path)
            #expect(try await Favourite.query(on: app.db).count() == 0)
        }
    }
}
