import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 23, API parity: a host manages sites, opportunities and sessions over JSON with the pages' rules.
@Suite struct HostCatalogAPITests {
    static let site: [String: any Sendable] = [
        "name": "Lakeside Teaching Hospital", "kind": "hospital", "street": "1 Lake Road", "city": "Chicago", "state": "IL", "zip": "60611",
        "website": "https://lakeside.example",
    ]
    static let opportunity: [String: any Sendable] = [
        "title": "Hospital Medicine Observership", "description": "Four weeks with the hospitalists.", "type": "observership",
        "specialty": "hospital-medicine", "hands_on": false, "setting": "inpatient", "audiences": ["img_graduate"], "requires_step1_pass": false,
        "visa_classes": ["b1_b2"], "fee": "1500", "currency": "USD", "refund_terms": "", "letter_policy": "on_request", "requirements": ["immunizations"],
    ]

    static func session(_ app: Application, startInDays: Int) -> [String: any Sendable] {
        let today = Day(app.services.clock.now())
        return [
            "start": Day(ordinal: today.ordinal + startInDays).iso, "end": Day(ordinal: today.ordinal + startInDays + 27).iso,
            "deadline": Day(ordinal: today.ordinal + startInDays - 14).iso, "seats": 2,
        ]
    }

    @Test func aHostListsAnOpportunityThroughTheAPI() async throws {
        try await withRoundsApp { app in
            let hostUser = try await Factories.user(app, email: "host@example.org", roles: [.host])
            let host = try await ApplicationFixture.client(app, for: hostUser)
            let other = try await ApplicationFixture.client(app, for: try await Factories.user(app, email: "other@example.org", roles: [.host]))

            let createdSite = try await host.send(.POST, APIRoute.hostSites.path, json: Self.site)
            #expect(createdSite.status == .created, "\(createdSite.body.string)")
            let siteID = try createdSite.content.get(UUID.self, at: "id")
            #expect(try createdSite.content.get(String.self, at: "review_state") == "pending")
            let bad = try await host.send(.POST, APIRoute.hostSites.path, json: Self.site.merging(["zip": "10001"]) { $1 })
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("not IL"))

            let path = APIRoute.hostSiteOpportunities(SiteID(siteID)).path
            #expect(try await other.send(.POST, path, json: Self.opportunity).status == .notFound)
            let handsOnVisitor = try await host.send(.POST, path, json: Self.opportunity.merging(["hands_on": true]) { $1 })
            #expect(handsOnVisitor.status == .unprocessableEntity, "\(handsOnVisitor.body.string)")
            let created = try await host.send(.POST, path, json: Self.opportunity)
            #expect(created.status == .created, "\(created.body.string)")
            let opportunity = try created.content.decode(HostOpportunityResponse.self)
            #expect(opportunity.status == .draft && opportunity.input.title == "Hospital Medicine Observership" && opportunity.input.fee == "1500")

            let id = OpportunityID(opportunity.id)
            let publishEarly = try await host.send(.POST, APIRoute.hostOpportunityStatus(id, .publish).path)
            #expect(publishEarly.status == .unprocessableEntity && publishEarly.body.string.contains("Add a session"))
            let pastSession = try await host.send(.POST, APIRoute.hostOpportunitySessions(id).path, json: Self.session(app, startInDays: -3))
            #expect(pastSession.status == .unprocessableEntity)
            let withSession = try await host.send(.POST, APIRoute.hostOpportunitySessions(id).path, json: Self.session(app, startInDays: 40))
            #expect(withSession.status == .created, "\(withSession.body.string)")
            let sessions = try withSession.content.decode(HostOpportunityResponse.self).sessions
            #expect(sessions.count == 1 && sessions[0].seats == 2 && sessions[0].seatsTaken == 0)
            let published = try await host.send(.POST, APIRoute.hostOpportunityStatus(id, .publish).path)
            #expect(try published.content.decode(HostOpportunityResponse.self).status == .published)
            #expect(try await other.send(.GET, APIRoute.hostOpportunity(id).path).status == .notFound)

            var changed = Self.opportunity
            changed["title"] = "Hospital Medicine Observership (4 weeks)"
            let updated = try await host.send(.PUT, APIRoute.hostOpportunity(id).path, json: changed)
            #expect(try updated.content.decode(HostOpportunityResponse.self).input.title == "Hospital Medicine Observership (4 weeks)")
            let sites = try await host.send(.GET, APIRoute.hostSites.path).content.decode([HostSiteResponse].self)
            #expect(sites.count == 1 && sites[0].opportunities.map(\.title) == ["Hospital Medicine Observership (4 weeks)"])

            // A session nobody applied to can go; the opportunity can be archived.
            #expect(try await other.send(.DELETE, APIRoute.hostSession(SessionID(sessions[0].id)).path).status == .notFound)
            #expect(try await host.send(.DELETE, APIRoute.hostSession(SessionID(sessions[0].id)).path).status == .noContent)
            let archived = try await host.send(.POST, APIRoute.hostOpportunityStatus(id, .archive).path)
            #expect(try archived.content.decode(HostOpportunityResponse.self).status == .archived)
            #expect(try await host.send(.POST, "\(APIRoute.hostOpportunity(id).path)/actions/delete").status == .notFound)
        }
    }
}
