import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 18: the search page has every filter the API has, counts per choice, and a way out of no results.
@Suite struct SearchPageTests {
    @Test func everyFilterIsOnThePageWithCountsAndKeptAfterARefusal() async throws {
        try await withRoundsApp { app in
            _ = try await CatalogTests.listing(app, title: "Cardiology Observership", zip: "10016")
            _ = try await CatalogTests.listing(app, title: "Research Post", zip: "60601", type: .research)
            let page = try await Browser(app).get(SiteRoute.opportunities.path).text
            for name in ["q", "type", "specialty", "state", "audience", "visa", "hands_on", "setting", "letter", "max_fee_cents", "starts_after", "ends_before", "near", "radius_mi", "sort"] {
                #expect(page.contains(#"name="\#(name)""#), "\(name) is on the page")
            }
            #expect(page.contains(#"<option value="observership">Observership (1)</option>"#))
            #expect(page.contains(#"<option value="research">Research (1)</option>"#))
            // A refused value answers 400 with the reason, and the other filters stay as chosen.
            let refused = try await Browser(app).get(SiteRoute.opportunities.path + "?type=observership&visa=b1_b2&radius_mi=far")
            #expect(refused.status == .badRequest && refused.text.contains("radius_mi"))
            #expect(refused.text.contains(#"<option value="observership" selected="selected">"#))
            #expect(refused.text.contains(#"<option value="b1_b2" selected="selected">"#))
        }
    }

    @Test func noResultsOffersEachWayToWidenTheSearch() async throws {
        try await withRoundsApp { app in
            _ = try await CatalogTests.listing(app, title: "Cardiology Observership", zip: "10016")
            let page = try await Browser(app).get(SiteRoute.opportunities.path + "?q=neurosurgery&type=observership&near=10016&radius_mi=40").text
            #expect(page.contains("Nothing matches all of that."))
            #expect(page.contains(#"href="/opportunities?near=10016&amp;radius_mi=80&amp;type=observership&amp;q=neurosurgery""#) || page.contains("Search within 80 miles"))
            #expect(page.contains(#"<a href="/opportunities?near=10016&amp;radius_mi=40&amp;type=observership">Drop the text</a>"#))
            #expect(page.contains("Drop the place"))
        }
    }
}
