import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// The signed-in home page shows each role what needs them next (issue 18); visitors keep the home page.
@Suite struct DashboardTests {
    @Test func anApplicantSeesTheirPlanOffersAndLetters() async throws {
        try await withRoundsApp { app in
            let browser = try await ResidencyPlannerTests.signedInIMG(app)
            let home = try await browser.get(SiteRoute.home.path)
            #expect(home.status == .ok)
            #expect(home.text.contains("Welcome back, Amara Okafor"))
            #expect(home.text.contains("Your 2027 Match plan"))
            #expect(home.text.contains("Buy the ECFMG token for ERAS: overdue since Wed 3 Jun 2026"))
            #expect(home.text.contains("0 letter requests waiting for the writer"))
            #expect(!home.text.contains("Your listings"))
        }
    }

    @Test func anOfferShowsItsCountdown() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app, seats: 2)
            let (user, _) = try await fixture.applicant("offered@example.org")
            let now = app.services.clock.now()
            try await SessionApplication(
                applicantID: try user.requireID(), sessionID: fixture.sessionID, status: .offered, statement: ApplicationFixture.statement,
                offerExpiresAt: now.addingTimeInterval(50 * 3600), now: now
            ).create(on: app.db)
            let browser = Browser(app)
            try await browser.signIn(email: "offered@example.org")
            let home = try await browser.get(SiteRoute.home.path)
            #expect(home.text.contains("Offers waiting for your answer"))
            #expect(home.text.contains("expires in 2 days"))
        }
    }

    @Test func hostsAndAdminsSeeTheirQueues() async throws {
        try await withRoundsApp { app in
            let (admin, _) = try await Factories.signedIn(app, email: "admin@example.org", roles: [.admin])
            #expect(try await admin.get(SiteRoute.home.path).text.contains("site") == true)
            #expect(try await admin.get(SiteRoute.home.path).text.contains("waiting for verification"))
            let (host, _) = try await Factories.signedIn(app, email: "host@example.org", roles: [.host])
            let page = try await host.get(SiteRoute.home.path)
            #expect(page.text.contains("0 applications waiting for your review"))
            #expect(!page.text.contains("Next steps"))
        }
    }

    @Test func aHostCountsApplicationsWaitingAndOffersPending() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app, seats: 3)
            for index in 0..<2 {
                let (_, client) = try await fixture.applicant("waiting\(index)@example.org")
                _ = try await fixture.submitted(client)
            }
            let (_, offeredClient) = try await fixture.applicant("offered@example.org")
            _ = try await fixture.offered(offeredClient)
            let host = try await Factories.browser(app, signedInAs: fixture.hostUser.email)
            let page = try await host.get(SiteRoute.home.path)
            #expect(page.text.contains("2 applications waiting for your review"))
            #expect(page.text.contains("1 offer waiting for the applicant's answer"))
        }
    }

    @Test func visitorsSeeTheHomePage() async throws {
        try await withRoundsApp { app in
            let home = try await Browser(app).get(SiteRoute.home.path)
            #expect(!home.text.contains("Welcome back"))
        }
    }

    @Test(arguments: [(30.0, "in 1 minute"), (600.0, "in 10 minutes"), (3_600.0, "in 1 hour"), (47 * 3_600.0, "in 47 hours"), (72 * 3_600.0, "in 3 days"), (-5.0, "passed")])
    func countdowns(seconds: Double, text: String) {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        #expect(DashboardPage.countdown(to: now.addingTimeInterval(seconds), from: now) == text)
    }
}
