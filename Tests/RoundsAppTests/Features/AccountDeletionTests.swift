import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 23: deleting one's own account — stated first, confirmed with the password (and second factor),
/// a grace period that signing in cancels, then everything of the account gone and what others hold released.
@Suite struct AccountDeletionTests {
    static func clock(_ app: Application) throws -> ManualClock { try #require(app.services.clock as? ManualClock) }

    static func mail(_ app: Application, to address: String) async throws -> [OutboxMessage] {
        try await OutboxMessage.query(on: app.db).filter(\.$recipient == address).sort(\.$createdAt).all()
    }

    static func deleteDue(_ app: Application) async throws -> Int {
        try await AccountDeletions(db: app.db, now: app.services.clock.now(), config: app.config)
            .deleteDue(store: app.documentStore(), origin: app.config.server.origin, logger: app.logger)
    }

    static func accounts(_ app: Application) -> AccountService {
        AccountService(db: app.db, config: app.config, services: app.services)
    }

    static func twoFactor(_ app: Application) -> TwoFactorService {
        TwoFactorService(db: app.db, now: app.services.clock.now(), failureLimit: app.config.rateLimits.twoFactorFailuresPerAccount)
    }

    static func user(_ app: Application, _ email: String) async throws -> User? {
        try await User.query(on: app.db).filter(\.$email == email).first()
    }

    @Test func theDeletionIsStatedScheduledAndCarriedOutAfterTheGracePeriod() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app, seats: 1)
            let (amara, amaraAPI) = try await fixture.applicant("amara@example.org")
            let (_, bola) = try await fixture.applicant("bola@example.org")
            let cv = try await fixture.upload(amaraAPI)
            let accepted = try await fixture.offered(amaraAPI)
            #expect(try await fixture.act(amaraAPI, .accept, on: accepted).status == .ok)
            let waiting = try await fixture.submitted(bola)
            #expect(try await fixture.act(fixture.host, .review, on: waiting).status == .ok)
            #expect(try await fixture.act(fixture.host, .waitlist, on: waiting).status == .ok)
            #expect(try await fixture.seatsTaken() == 1)

            let browser = Browser(app)
            #expect(try await browser.signIn(email: "amara@example.org").status == .seeOther)
            let page = try await browser.get(SiteRoute.accountData.path)
            #expect(page.text.contains("Your 1 open application is withdrawn and the hosts told; the 1 place you accepted goes back"))
            #expect(page.text.contains("Your 1 document is deleted"))
            #expect(page.text.contains("14 days after you ask"))

            // Refused without the password or the box ticked; nothing changes.
            let wrong = try await browser.post(SiteRoute.accountDeletion.path, form: [("current_password", "nope"), ("understood", "yes")])
            #expect(wrong.status == .unprocessableEntity)
            let unticked = try await browser.post(SiteRoute.accountDeletion.path, form: [("current_password", Browser.password)])
            #expect(unticked.status == .unprocessableEntity)
            #expect(try await Self.user(app, "amara@example.org")?.deletionDueAt == nil)

            let asked = try await browser.post(SiteRoute.accountDeletion.path, form: [("current_password", Browser.password), ("understood", "yes")])
            #expect(asked.status == .seeOther)
            let scheduled = try #require(try await Self.user(app, "amara@example.org"))
            let now = app.services.clock.now()
            #expect(scheduled.deletionDueAt == now.addingTimeInterval(14 * 86_400))
            // Signed out everywhere: this browser, other sessions, API tokens.
            #expect(try await browser.get(SiteRoute.account.path).status == .seeOther)
            #expect(try await UserSession.query(on: app.db).filter(\.$user.$id == amara.requireID()).count() == 0)
            #expect(try await amaraAPI.send(.GET, APIRoute.me.path).status == .unauthorized)
            #expect(try await Self.mail(app, to: "amara@example.org").last?.subject.hasPrefix("Your Rounds account will be deleted on") == true)

            // Not before the day.
            try Self.clock(app).advance(by: 14 * 86_400 - 60)
            #expect(try await Self.deleteDue(app) == 0)
            try Self.clock(app).advance(by: 120)
            #expect(try await Self.deleteDue(app) == 1)

            #expect(try await Self.user(app, "amara@example.org") == nil)
            #expect(try await Document.find(cv, on: app.db) == nil)
            #expect(try await app.documentStore().keys().isEmpty)
            #expect(try await SessionApplication.find(accepted, on: app.db) == nil)
            // The accepted seat went back and was offered to the waitlist; the host was told of the withdrawal.
            #expect(try await fixture.status(of: waiting) == .offered)
            #expect(try await fixture.seatsTaken() == 0)
            let hostNotices = try await UserNotification.query(on: app.db).filter(\.$user.$id == fixture.hostUser.requireID()).all().map(\.title)
            #expect(hostNotices.contains { $0.hasPrefix("Withdrawn:") }, "\(hostNotices)")
            #expect(try await Self.mail(app, to: "amara@example.org").last?.subject == "Your Rounds account is deleted")
            // The address is free again.
            #expect(try await Browser(app).signUp(email: "amara@example.org").status == .seeOther)
        }
    }

    @Test func signingInDuringTheGracePeriodCancelsTheDeletion() async throws {
        try await withRoundsApp { app in
            let browser = Browser(app)
            try await browser.signUp(email: "chen@example.org")
            #expect(try await browser.post(SiteRoute.accountDeletion.path, form: [("current_password", Browser.password), ("understood", "yes")]).status == .seeOther)
            try Self.clock(app).advance(by: 3 * 86_400)
            let again = Browser(app)
            #expect(try await again.signIn(email: "chen@example.org").status == .seeOther)
            let home = try await again.get(SiteRoute.home.path)
            #expect(home.text.contains("your account will not be deleted"))
            #expect(try await Self.user(app, "chen@example.org")?.deletionDueAt == nil)
            #expect(try await Self.mail(app, to: "chen@example.org").last?.subject == "Your Rounds account will not be deleted")
            try Self.clock(app).advance(by: 30 * 86_400)
            #expect(try await Self.deleteDue(app) == 0)
            #expect(try await Self.user(app, "chen@example.org") != nil)
        }
    }

    @Test func aHostWithSitesCannotDeleteAndTwoFactorIsAskedFor() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let host = fixture.hostUser
            let deletions = AccountDeletions(db: app.db, now: app.services.clock.now(), config: app.config)
            let consequences = try await deletions.consequences(for: host)
            #expect(consequences.blockers.count == 1 && consequences.blockers[0].contains("You host a site"))
            await #expect(throws: (any Error).self) {
                try await deletions.schedule(host, password: Browser.password, code: nil, accounts: Self.accounts(app), twoFactor: Self.twoFactor(app))
            }
            #expect(try await Self.user(app, host.email)?.deletionDueAt == nil)

            // An applicant with two-factor sign-in on gives a code too.
            let dana = try await Factories.user(app, email: "dana@example.org", roles: [.applicant], twoFactor: true)
            await #expect(throws: ValidationReport.self) {
                try await deletions.schedule(dana, password: Browser.password, code: "000000", accounts: Self.accounts(app), twoFactor: Self.twoFactor(app))
            }
            #expect(try await Self.user(app, "dana@example.org")?.deletionDueAt == nil)
        }
    }

    @Test func theOnlyAdministratorIsKept() async throws {
        try await withRoundsApp { app in
            let admin = try await Factories.user(app, email: "admin@example.org", roles: [.admin])
            let deletions = AccountDeletions(db: app.db, now: app.services.clock.now(), config: app.config)
            #expect(try await deletions.blockers(for: admin).contains { $0.contains("only administrator") })
            _ = try await Factories.user(app, email: "second-admin@example.org", roles: [.admin])
            #expect(try await deletions.blockers(for: admin).isEmpty)
        }
    }

    @Test func theGracePeriodIsConfigured() throws {
        #expect(try AppConfig.load(for: .development, from: [:]).accountDeletionGrace == 14 * 86_400)
        #expect(try AppConfig.load(for: .development, from: ["ROUNDS_ACCOUNT_DELETION_GRACE_HOURS": "0"]).accountDeletionGrace == 0)
        #expect(throws: ConfigurationError.self) { try AppConfig.load(for: .development, from: ["ROUNDS_ACCOUNT_DELETION_GRACE_HOURS": "-1"]) }
    }
}
