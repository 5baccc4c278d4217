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
    static let pageSize = 50
    static let notFound = Abort(.notFound, reason: "No such user.")

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
        _ = try req.requireUser(.admin)
        let words = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        guard words.textLength <= 100 else { throw Abort(.badRequest, reason: "Search with at most 100 characters.") }
        var query = User.query(on: req.db).sort(\.$emailNormalized).limit(Self.pageSize)
        if !words.isEmpty {
            // `%` and `\` are dropped rather than escaped (SQLite's LIKE has no default escape); `_` stays
            // and matches any one character, which only ever finds more.
            let pattern = "%" + words.lowercased().filter { $0 != "%" && $0 != "\\" } + "%"
            let ids = try await req.db.sql.select().column("id").from(User.schema)
                .where(SQLFunction("lower", args: SQLColumn("display_name")), .like, SQLBind(pattern))
                .orWhere(SQLColumn("email_normalized"), .like, SQLBind(pattern))
                .limit(Self.pageSize).all().map { try $0.decode(column: "id", as: UUID.self) }
            query = query.filter(\.$id ~~ ids)
        }
        let users = try await query.all()
        return AdminUserPages.list(users, words: words, context: req.pageContext).page()
    }

    static func user(_ req: Request) async throws -> User {
        guard let id = req.parameters.get(UserID.self)?.rawValue, let user = try await User.find(id, on: req.db) else { throw Self.notFound }
        return user
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        _ = try req.requireUser(.admin)
        return try await Self.page(req, user: try await Self.user(req), errors: ValidationReport()).page()
    }

    static func page(_ req: Request, user: User, errors: ValidationReport) async throws -> PageLayout {
        let sessions = try await UserSession.query(on: req.db).filter(\.$user.$id == user.requireID()).count()
        let history = try await AdminAction.query(on: req.db).filter(\.$subjectID == user.requireID()).sort(\.$createdAt, .descending).limit(20).all()
        return AdminUserPages.user(user, sessions: sessions, history: history, isSelf: user.id == req.currentUser?.id, errors: errors, context: req.pageContext)
    }

    struct RolesForm: Content {
        var roles: [String]?
    }

    @Sendable func roles(req: Request) async throws -> Response {
        let admin = try req.requireUser(.admin)
        let user = try await Self.user(req)
        let raw = try req.content.decode(RolesForm.self).roles ?? []
        let roles = Set(raw.compactMap(Role.init(rawValue:)))
        var errors: [FieldError] = []
        if roles.isEmpty || roles.count != Set(raw).count {
            errors.append(FieldError(field: "roles", message: "Choose one or more of: \(Role.allCases.map(\.displayName).joined(separator: ", "))."))
        }
        if user.id == admin.id, !roles.contains(.admin) {
            errors.append(FieldError(field: "roles", message: "You cannot take away your own administrator role; another administrator can."))
        }
        guard errors.isEmpty else { return try await Self.page(req, user: user, errors: ValidationReport(errors)).page(status: .unprocessableEntity).encodeResponse(for: req) }
        let before = user.roles.sorted().map(\.rawValue).joined(separator: ", ")
        user.roles = roles
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await AdminAction.record(
                "user.roles", by: admin, subject: "user \(user.email)", subjectID: user.id,
                reason: "\(before) → \(roles.sorted().map(\.rawValue).joined(separator: ", "))", now: req.now, on: db)
        }
        return req.redirect(to: SiteRoute.adminUser(user.typedID).path, flash: Flash(kind: .success, message: "Roles saved. Roles that need two-factor sign-in ask for it at the next sign-in."))
    }

    struct ReasonForm: Content {
        var reason: String?
    }

    @Sendable func disable(req: Request) async throws -> Response {
        let admin = try req.requireUser(.admin)
        let user = try await Self.user(req)
        let raw = try req.content.decode(ReasonForm.self).reason ?? ""
        let reason = raw.oneLine
        var errors: [FieldError] = []
        if reason.isEmpty || raw.textLength > 500 { errors.append(FieldError(field: "reason", message: "Say why, in at most 500 characters; the person sees it when they try to sign in.")) }
        if user.id == admin.id { errors.append(FieldError(field: "reason", message: "You cannot disable your own account.")) }
        guard errors.isEmpty else { return try await Self.page(req, user: user, errors: ValidationReport(errors)).page(status: .unprocessableEntity).encodeResponse(for: req) }
        guard !user.isDisabled else { throw Abort(.conflict, reason: "This account is disabled already.") }
        user.disabledAt = req.now
        user.disabledReason = reason
        try await req.db.transaction { db in
            try await user.save(on: db)
            // Signed out at once, everywhere; API tokens stop working while disabled (the authenticator checks).
            try await UserSession.query(on: db).filter(\.$user.$id == user.requireID()).delete()
            try await AdminAction.record("user.disable", by: admin, subject: "user \(user.email)", subjectID: user.id, reason: reason, now: req.now, on: db)
        }
        return req.redirect(to: SiteRoute.adminUser(user.typedID).path, flash: Flash(kind: .success, message: "\(user.email) is disabled and signed out."))
    }

    @Sendable func enable(req: Request) async throws -> Response {
        let admin = try req.requireUser(.admin)
        let user = try await Self.user(req)
        guard user.isDisabled else { throw Abort(.conflict, reason: "This account is not disabled.") }
        let reason = try req.content.decode(ReasonForm.self).reason.map { String($0.prefix(500)) } ?? ""
        user.disabledAt = nil
        user.disabledReason = nil
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await AdminAction.record("user.enable", by: admin, subject: "user \(user.email)", subjectID: user.id, reason: reason, now: req.now, on: db)
        }
        return req.redirect(to: SiteRoute.adminUser(user.typedID).path, flash: Flash(kind: .success, message: "\(user.email) can sign in again."))
    }

    @Sendable func signOut(req: Request) async throws -> Response {
        let admin = try req.requireUser(.admin)
        let user = try await Self.user(req)
        try await req.db.transaction { db in
            try await UserSession.query(on: db).filter(\.$user.$id == user.requireID()).delete()
            try await AdminAction.record("user.sign-out", by: admin, subject: "user \(user.email)", subjectID: user.id, now: req.now, on: db)
        }
        return req.redirect(to: SiteRoute.adminUser(user.typedID).path, flash: Flash(kind: .success, message: "\(user.email) is signed out everywhere."))
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
                .p(.safeText(users.count == AdminUsersController.pageSize ? "The first \(users.count) by e-mail; search to narrow." : "\(users.count) found.")),
                .table(
                    .thead(.tr(.th("E-mail"), .th("Name"), .th("Roles"), .th("Status"))),
                    .tbody(
                        .forEach(users) { user in
                            .tr(
                                .td(.safeLink(SiteRoute.adminUser(user.typedID).path, .safeText(user.email))), .td(.safeText(user.displayName)),
                                .td(.safeText(user.roles.sorted().map(\.displayName).joined(separator: ", "))),
                                .td(.safeText(user.isDisabled ? "Disabled" : "Active"))
                            )
                        })
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
                .errorSummary(errors.errors.map(\.message)),
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
