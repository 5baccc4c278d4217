import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

@Suite struct HostCatalogTests {
    /// Issue 16: a published listing nobody can lawfully join goes back to draft and its host is told why;
    /// a lawful one (the same, observational) stays.
    @Test func unlawfulVisaListingsAreUnpublishedAndTheirHostsTold() async throws {
        try await withRoundsApp { app in
            let unlawful = try await CatalogTests.listing(app, title: "Hands-on for visiting graduates", zip: "10016")
            let lawful = try await CatalogTests.listing(app, title: "Observing for visiting graduates", zip: "10016")
            for (listing, handsOn) in [(unlawful, true), (lawful, false)] {
                listing.isHandsOn = handsOn
                listing.audiences = Set<Audience>([.imgGraduate]).storedList
                listing.visaClasses = Set<VisaClass>([.b1b2]).storedList
                try await listing.save(on: app.db)
            }
            try await UnpublishUnlawfulVisaListings().prepare(on: app.db)
            #expect(try await Opportunity.find(unlawful.requireID(), on: app.db)?.status == .draft)
            #expect(try await Opportunity.find(lawful.requireID(), on: app.db)?.status == .published)
            let site = try #require(try await Site.find(unlawful.$site.id, on: app.db))
            let host = try #require(try await User.find(site.$host.id, on: app.db))
            let mail = try await OutboxMessage.query(on: app.db).filter(\.$recipient == host.email).all()
            #expect(mail.map(\.subject) == ["Back in draft: Hands-on for visiting graduates"])
            #expect(mail.first?.body.contains("9 FAM 402.2-5(F)(8)") == true)
        }
    }

    static let siteForm: [(String, String)] = [
        ("name", "Lakeside Teaching Hospital"), ("kind", "hospital"), ("street", "1 Lake Road"), ("city", "Chicago"),
        ("state", "IL"), ("zip", "60611"), ("website", "https://lakeside.example"),
    ]
    static let opportunityForm: [(String, String)] = [
        ("title", "Hospital Medicine Observership"), ("type", "observership"), ("specialty", "hospital-medicine"),
        ("setting", "inpatient"), ("hands_on", "false"), ("audiences[]", "img_graduate"), ("visa_classes[]", "b1_b2"),
        ("fee", "1500"), ("currency", "USD"), ("letter_policy", "on_request"), ("requirements[]", "immunizations"),
        ("description", "Four weeks with the hospitalists."),
    ]

    /// A host's whole path: site, opportunity, session, publish; then an admin verifies and it is listed.
    @Test func aHostListsAnOpportunityThatAppearsOnceTheSiteIsVerified() async throws {
        try await withRoundsApp { app in
            let (host, _) = try await Factories.signedIn(app, email: "host@example.org", roles: [.host])
            let created = try await host.post(SiteRoute.hostSites.path, form: Self.siteForm)
            #expect(created.status == .seeOther)
            let site = try #require(try await Site.query(on: app.db).first())
            #expect(site.isVerified == false)
            #expect(abs(site.latitude - 41.89) < 0.05)

            let opportunityResponse = try await host.post(SiteRoute.createOpportunity(site: SiteID(try site.requireID())).path, form: Self.opportunityForm)
            #expect(opportunityResponse.status == .seeOther)
            let opportunity = try #require(try await Opportunity.query(on: app.db).first())
            #expect(opportunity.status == .draft)
            #expect(opportunity.feeCents == 150_000)
            let id = try opportunity.requireID()

            // Publishing needs an open session.
            #expect(try await host.post(SiteRoute.publishOpportunity(OpportunityID(id)).path).status == .unprocessableEntity)
            let start = Day(app.services.clock.now()).adding(days: 45)
            let session = try await host.post(
                SiteRoute.addSession(OpportunityID(id)).path,
                form: [("start", start.iso), ("end", start.adding(days: 27).iso), ("deadline", start.adding(days: -14).iso), ("seats", "2")]
            )
            #expect(session.status == .seeOther)
            #expect(try await host.post(SiteRoute.publishOpportunity(OpportunityID(id)).path).status == .seeOther)
            #expect(try await CatalogTests.search(app, "q=hospitalists").content.decode(OpportunityListResponse.self).total == 0)

            let (admin, _) = try await Factories.signedIn(app, email: "admin@example.org", roles: [.admin])
            #expect(try await admin.get(SiteRoute.adminSites.path).text.contains("Lakeside Teaching Hospital"))
            #expect(try await admin.post(SiteRoute.verifySite(SiteID(try site.requireID())).path).status == .seeOther)
            let listed = try await CatalogTests.search(app, "q=hospitalists").content.decode(OpportunityListResponse.self)
            #expect(listed.items.map(\.title) == ["Hospital Medicine Observership"])

            #expect(try await host.post(SiteRoute.archiveOpportunity(OpportunityID(id)).path).status == .seeOther)
            #expect(try await CatalogTests.search(app, "q=hospitalists").content.decode(OpportunityListResponse.self).total == 0)
        }
    }

    @Test func badSessionsAndOpportunitiesAreRefusedFieldByField() async throws {
        try await withRoundsApp { app in
            let (host, _) = try await Factories.signedIn(app, email: "host@example.org", roles: [.host])
            try await host.post(SiteRoute.hostSites.path, form: Self.siteForm)
            let site = try #require(try await Site.query(on: app.db).first())
            var bad = Self.opportunityForm.filter { $0.0 != "fee" && $0.0 != "specialty" }
            bad.append(("fee", "-5"))
            let refused = try await host.post(SiteRoute.createOpportunity(site: SiteID(try site.requireID())).path, form: bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Enter the fee in dollars"))
            #expect(refused.text.contains("Choose a specialty from the list."))
            #expect(try await Opportunity.query(on: app.db).count() == 0)

            try await host.post(SiteRoute.createOpportunity(site: SiteID(try site.requireID())).path, form: Self.opportunityForm)
            let id = try #require(try await Opportunity.query(on: app.db).first()).requireID()
            let start = Day(app.services.clock.now()).adding(days: 45)
            let session = try await host.post(
                SiteRoute.addSession(OpportunityID(id)).path, form: [("start", start.iso), ("end", start.adding(days: -1).iso), ("deadline", start.iso), ("seats", "0")]
            )
            #expect(session.status == .unprocessableEntity)
            #expect(session.text.contains("The last day must not be before the first."))
            #expect(session.text.contains("The deadline must be before the first day."))
            #expect(session.text.contains("Enter at least 1 seat"))
            #expect(try await OpportunitySession.query(on: app.db).count() == 0)

            let badSite = try await host.post(SiteRoute.hostSites.path, form: Self.siteForm.map { $0.0 == "zip" ? ("zip", "99999") : $0 })
            #expect(badSite.status == .unprocessableEntity)
            #expect(badSite.text.contains("ZIP code that exists"))
            let sitesBefore = try await Site.query(on: app.db).count()
            let elsewhere = try await host.post(SiteRoute.hostSites.path, form: Self.siteForm.map { $0.0 == "state" ? ("state", "NY") : $0 })
            #expect(elsewhere.status == .unprocessableEntity)
            #expect(elsewhere.text.contains("ZIP code 60611 is in IL, not NY."))
            let nowhere = try await host.post(SiteRoute.hostSites.path, form: Self.siteForm.map { $0.0 == "state" ? ("state", "ZZ") : $0 })
            #expect(nowhere.text.contains("Enter the two-letter code of a US state or territory"))
            #expect(try await Site.query(on: app.db).count() == sitesBefore)
        }
    }

    @Test func aHostCannotTouchAnotherHostsListings() async throws {
        try await withRoundsApp { app in
            let (owner, _) = try await Factories.signedIn(app, email: "owner@example.org", roles: [.host])
            try await owner.post(SiteRoute.hostSites.path, form: Self.siteForm)
            let site = try #require(try await Site.query(on: app.db).first())
            try await owner.post(SiteRoute.createOpportunity(site: SiteID(try site.requireID())).path, form: Self.opportunityForm)
            let id = try #require(try await Opportunity.query(on: app.db).first()).requireID()

            let (other, _) = try await Factories.signedIn(app, email: "other@example.org", roles: [.host])
            #expect(try await other.get(SiteRoute.hostOpportunity(OpportunityID(id)).path).status == .notFound)
            #expect(try await other.post(SiteRoute.hostOpportunity(OpportunityID(id)).path, form: Self.opportunityForm.map { $0.0 == "title" ? ("title", "Hijacked") : $0 }).status == .notFound)
            #expect(try await other.post(SiteRoute.createOpportunity(site: SiteID(try site.requireID())).path, form: Self.opportunityForm).status == .notFound)
            #expect(try await Opportunity.query(on: app.db).all().map(\.title) == ["Hospital Medicine Observership"])
            #expect(!(try await other.get(SiteRoute.hostSites.path).text.contains("Lakeside")))
        }
    }
}

extension HostCatalogTests {
    /// Issue 18: a host with many sites gets ten to a page and a search over sites and listings.
    @Test func manySitesArePagedAndSearchable() async throws {
        try await withRoundsApp { app in
            for number in 1...12 { _ = try await CatalogTests.listing(app, title: "Listing \(number < 10 ? "0" : "")\(number)", zip: "10016") }
            _ = try await CatalogTests.listing(app, title: "Pédiatrie Clinic Day", zip: "60611")
            let host = try await Factories.browser(app, signedInAs: "host@example.org")
            let first = try await host.get(SiteRoute.hostSites.path).text
            #expect(first.contains("13 sites, page 1 of 2."))
            #expect(first.contains("Listing 01 Site") && first.contains("Listing 10 Site") && !first.contains("Listing 11 Site"))
            let second = try await host.get(SiteRoute.hostSites.path(query: [("page", "2")])).text
            #expect(second.contains("Listing 11 Site") && second.contains("Pédiatrie Clinic Day") && !second.contains("Listing 10 Site"))
            // A page past the end shows the last one; a page that is not a number, the first.
            #expect(try await host.get(SiteRoute.hostSites.path(query: [("page", "99")])).text.contains("page 2 of 2."))
            #expect(try await host.get(SiteRoute.hostSites.path(query: [("page", "x")])).text.contains("page 1 of 2."))
            let found = try await host.get(SiteRoute.hostSites.path(query: [("q", "PEDIATRIE chicago")])).text
            #expect(found.contains("1 site.") && found.contains("Pédiatrie Clinic Day") && !found.contains("Listing 01"))
            #expect(found.contains(#"value="PEDIATRIE chicago""#))
            let none = try await host.get(SiteRoute.hostSites.path(query: [("q", "dermatology")])).text
            #expect(none.contains("No site or listing matches"))
        }
    }
}
