import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 23, admin tools: find users, change roles, disable with a reason the person sees (signed out
/// at once, tokens refused), enable again, sign out everywhere; each step in the audit log.
@Suite struct AdminUsersTests {
    @Test func aDisabledAccountIsSignedOutRefusedAndToldWhy() async throws {
        try await withRoundsApp { app in
            let (admin, _) = try await Factories.signedIn(app, email: "sam@example.org", roles: [.admin])
            let (person, client) = try await Factories.signedIn(app, email: "jordan.lee@example.org", roles: [.applicant])
            let user = try #require(try await User.find(email: "jordan.lee@example.org", on: app.db))

            let found = try await admin.get(SiteRoute.adminUsers.path + "?q=JORDAN")
            #expect(found.text.contains("jordan.lee@example.org") && !found.text.contains("sam@example.org"))
            #expect(try await admin.get(SiteRoute.adminUsers.path + "?q=%25").status == .ok)

            let path = "/admin/users/\(user.id!)"
            #expect(try await admin.post(path + "/disable", form: [("reason", " ")]).status == .unprocessableEntity)
            #expect(try await admin.post(path + "/disable", form: [("reason", "Spam messages to hosts.")]).status == .seeOther)
            #expect(try await person.get(SiteRoute.account.path).location?.hasPrefix(SiteRoute.signIn.path) == true)
            #expect(try await client.send(.GET, APIRoute.me.path).status == .unauthorized)
            let refused = try await Browser(app).signIn(email: "jordan.lee@example.org")
            #expect(refused.status == .forbidden && refused.text.contains("This account is disabled: Spam messages to hosts."))
            // A wrong password is told nothing about it.
            let stranger = try await Browser(app).signIn(email: "jordan.lee@example.org", password: "not the password at all")
            #expect(stranger.status == .unauthorized && !stranger.text.contains("disabled"))

            #expect(try await admin.post(path + "/enable", form: [("reason", "Cleared.")]).status == .seeOther)
            #expect(try await Browser(app).signIn(email: "jordan.lee@example.org").status == .seeOther)
            #expect(try await client.send(.GET, APIRoute.me.path).status == .ok)
            #expect(try await admin.post(path + "/sign-out", form: []).status == .seeOther)
            #expect(try await UserSession.query(on: app.db).filter(\.$user.$id == user.requireID()).count() == 0)

            let audit = try await AdminAction.query(on: app.db).sort(\.$createdAt).all().map(\.action)
            #expect(audit == ["user.disable", "user.enable", "user.sign-out"])
            #expect(try await admin.get(path).text.contains("Spam messages to hosts."))
        }
    }

    @Test func rolesChangeButNoAdministratorLocksThemselvesOut() async throws {
        try await withRoundsApp { app in
            let (admin, _) = try await Factories.signedIn(app, email: "sam@example.org", roles: [.admin])
            let me = try #require(try await User.find(email: "sam@example.org", on: app.db))
            let other = try await Factories.user(app, email: "elena@example.org", roles: [.applicant])
            let path = "/admin/users/\(other.id!)/roles"
            #expect(try await admin.post(path, form: [("roles[]", "host"), ("roles[]", "applicant")]).status == .seeOther)
            #expect(try await User.find(other.id, on: app.db)?.roles == [.host, .applicant])
            #expect(try await admin.post(path, form: []).status == .unprocessableEntity)
            #expect(try await admin.post(path, form: [("roles[]", "wizard")]).status == .unprocessableEntity)
            let own = try await admin.post("/admin/users/\(me.id!)/roles", form: [("roles[]", "advisor")])
            #expect(own.status == .unprocessableEntity && own.text.contains("cannot take away your own administrator role"))
            #expect(try await admin.post("/admin/users/\(me.id!)/disable", form: [("reason", "oops")]).status == .unprocessableEntity)
            #expect(try await AdminAction.query(on: app.db).first()?.reason == "applicant → applicant, host")
        }
    }

    @Test func grantingAProgramsLettersIsAudited() async throws {
        try await withRoundsApp { app in
            let (admin, _) = try await Factories.signedIn(app, email: "sam@example.org", roles: [.admin])
            try await Factories.user(app, email: "reviewer@example.org", roles: [.advisor])
            #expect(try await admin.post(SiteRoute.adminPrograms.path, form: [("name", "Fictional IM"), ("specialty_id", "internal-medicine"), ("city", "Boston"), ("state", "MA")]).status == .seeOther)
            let program = try #require(try await Program.query(on: app.db).first())
            #expect(try await admin.post("/admin/programs/\(program.id!)/reviewers", form: [("email", "reviewer@example.org")]).status == .seeOther)
            let entries = try await AdminAction.query(on: app.db).sort(\.$createdAt).all()
            #expect(entries.map(\.action) == ["program.create", "program.reviewer-add"])
            #expect(entries.last?.reason == "reviewer reviewer@example.org" && entries.last?.subjectID == program.id)
        }
    }
}

