import Fluent
import Foundation
import Plot
import RoundsCore
import SQLKit
import Tagged
import Vapor

/// Administrators manage accounts: find them, change roles, disable and re-enable with a reason the
/// person sees, and sign them out everywhere. Each change is one transaction with its audit entry.
struct AdminUsersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admins = routes.grouped(SignInRequired(roles: [.admin]))
        admins.get(SiteRoute.adminUsers, use: self.index)
        admins.get(SiteRoute.adminUser(.key), use: self.show)
        admins.post(SiteRoute.adminUserRoles(.key), use: self.roles)
        admins.post(SiteRoute.adminUserDisable(.key), use: self.disable)
        admins.post(SiteRoute.adminUserEnable(.key), use: self.enable)
        admins.post(SiteRoute.adminUserSignOut(.key), use: self.signOut)
    }

    @Sendable func index(req: Request) async throws -> HTMLPage {
        let words = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let users = try await req.adminAccounts().search(words)
        return AdminUserPages.list(users, words: words, context: req.pageContext).page()
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        let user = try await req.adminAccounts().user(req.parameters.get(UserID.self)?.rawValue)
        return try await Self.page(req, user: user, errors: ValidationReport()).page()
    }

    static func page(_ req: Request, user: User, errors: ValidationReport) async throws -> PageLayout {
        let sessions = try await UserSession.query(on: req.db).filter(\.$user.$id == user.requireID()).count()
        let history = try await AdminAction.query(on: req.db).filter(\.$subjectID == user.requireID()).sort(\.$createdAt, .descending).limit(20).all()
        return AdminUserPages.user(user, sessions: sessions, history: history, isSelf: user.id == req.currentUser?.id, errors: errors, context: req.pageContext)
    }

    /// Runs one change on the route's user; a refused one shows the page again with the reasons.
    private func change(_ req: Request, flash: (User) -> String, _ body: (AdminAccounts, User) async throws -> Void) async throws -> Response {
        let accounts = try req.adminAccounts()
        let user = try await accounts.user(req.parameters.get(UserID.self)?.rawValue)
        do {
            try await body(accounts, user)
        } catch let report as ValidationReport {
            return try await Self.page(req, user: user, errors: report).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        return req.redirect(to: SiteRoute.adminUser(user.typedID).path, flash: Flash(kind: .success, message: flash(user)))
    }

    struct RolesForm: Content {
        var roles: [String]?
    }

    @Sendable func roles(req: Request) async throws -> Response {
        let raw = try req.content.decode(RolesForm.self).roles ?? []
        return try await self.change(req, flash: { _ in "Roles saved. Roles that need two-factor sign-in ask for it at the next sign-in." }) {
            try await $0.setRoles(of: $1, to: raw)
        }
    }

    struct ReasonForm: Content {
        var reason: String?
    }

    @Sendable func disable(req: Request) async throws -> Response {
        let reason = try req.content.decode(ReasonForm.self).reason ?? ""
        return try await self.change(req, flash: { "\($0.email) is disabled and signed out." }) { try await $0.disable($1, reason: reason) }
    }

    @Sendable func enable(req: Request) async throws -> Response {
        let note = try req.content.decode(ReasonForm.self).reason ?? ""
        return try await self.change(req, flash: { "\($0.email) can sign in again." }) { try await $0.enable($1, note: note) }
    }

    @Sendable func signOut(req: Request) async throws -> Response {
        try await self.change(req, flash: { "\($0.email) is signed out everywhere." }) { try await $0.signOut($1) }
    }
}

extension User {
    var typedID: UserID? { self.id.map(UserID.init(rawValue:)) }
}

/// The administrators' user pages.
enum AdminUserPages {
    static func list(_ users: [User], words: String, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Users",
            context: context,
            content: .div(
                .h1("Users"),
                .tag(
                    "form", .safeAttribute("method", "get"), .safeAttribute("action", SiteRoute.adminUsers.path), .class("search-form"),
                    .field("Name or e-mail contains", name: "q", value: words, maxLength: 100), .submit("Search")
                ),
                .p(.safeText(users.count == AdminAccounts.pageSize ? "The first \(users.count) by e-mail; search to narrow." : "\(users.count) found.")),
                .stackingTable(
                    ["E-mail", "Name", "Roles", "Status"],
                    rows: users.map { user in
                        [
                            .safeLink(SiteRoute.adminUser(user.typedID).path, .safeText(user.email)),
                            .safeText(user.displayName),
                            .safeText(user.roles.sorted().map(\.displayName).joined(separator: ", ")),
                            user.isDisabled ? .badge("Disabled", tone: .bad) : .badge("Active", tone: .good),
                        ]
                    }
                )
            )
        )
    }

    static func user(_ user: User, sessions: Int, history: [AdminAction], isSelf: Bool, errors: ValidationReport, context: PageContext) -> PageLayout {
        let id = user.typedID
        return PageLayout(
            title: user.email,
            context: context,
            content: .div(
                .p(.safeLink(SiteRoute.adminUsers.path, .text("← Users"))),
                .h1(.safeText(user.displayName)),
                .p(.safeText("\(user.email) · \(sessions) signed-in browser\(sessions == 1 ? "" : "s") · two-factor sign-in \(user.hasTwoFactor ? "on" : "off")")),
                user.isDisabled ? .div(.class("notice"), .p(.safeText("Disabled: \(user.disabledReason ?? "")"))) : .empty,
                .errorSummary(errors),
                .h2("Roles"),
                .postForm(
                    SiteRoute.adminUserRoles(id).path, csrfToken: context.csrfToken,
                    .checkboxGroup("Roles", name: "roles", choices: Role.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }, checked: Set(user.roles.map(\.rawValue)), error: errors.message(for: "roles")),
                    .submit("Save roles")
                ),
                .h2("Access"),
                isSelf
                    ? .p(.text("This is your own account."))
                    : user.isDisabled
                        ? .postForm(
                            SiteRoute.adminUserEnable(id).path, csrfToken: context.csrfToken,
                            .field("Note for the audit log (optional)", name: "reason", maxLength: 500), .submit("Enable the account"))
                        : .postForm(
                            SiteRoute.adminUserDisable(id).path, csrfToken: context.csrfToken,
                            .field("Reason (the person sees it when they try to sign in)", name: "reason", error: errors.message(for: "reason"), isRequired: true, maxLength: 500),
                            .submit("Disable and sign out")),
                sessions > 0 && !isSelf ? .postButton(SiteRoute.adminUserSignOut(id).path, title: "Sign out everywhere", csrfToken: context.csrfToken) : .empty,
                .h2("History"),
                history.isEmpty
                    ? .p(.text("No administrator has changed this account."))
                    : .ul(.forEach(history) { entry in .li(.safeText("\(DisplayFormat.dateTime(entry.createdAt)) · \(entry.adminName) · \(entry.action)" + (entry.reason.isEmpty ? "" : " · \(entry.reason)"))) })
            )
        )
    }
}
