import Fluent
import RoundsCore
import Tagged
import Vapor

/// The signed-in user's own account page: name, e-mail, password, two-factor sign-in, signed-in browsers
/// and API tokens (the name, e-mail and browsers are changed in `AccountIdentityController`).
struct AccountSettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let account = routes.grouped(SignInRequired())
        account.get(SiteRoute.account, use: self.show)
        account.post(SiteRoute.changePassword, use: self.changePassword)
        account.post(SiteRoute.tokens, use: self.createToken)
        account.post(SiteRoute.revokeToken(.key), use: self.revokeToken)
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        try await Self.page(req: req).layout().page()
    }

    @Sendable func changePassword(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(ChangePasswordForm.self)
        do {
            try await req.accounts.changePassword(
                of: user,
                current: form.currentPassword,
                new: form.newPassword,
                keepingSession: req.currentSession?.id
            )
        } catch let report as ValidationReport {
            var page = try await Self.page(req: req)
            page.passwordErrors = report
            return try await page.layout().page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        return req.redirect(
            to: SiteRoute.account.path,
            flash: Flash(kind: .success, message: "Password changed. Your other sessions were signed out.")
        )
    }

    @Sendable func createToken(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(CreateTokenForm.self)
        let report = form.validate()
        var created: (token: APIToken, secret: String)?
        if report.isValid {
            created = try await APITokens.create(for: user, name: form.name, on: req.db, now: req.now)
        }
        // Built after the token exists, so the list shows it.
        var page = try await Self.page(req: req)
        guard let created else {
            page.tokenErrors = report
            return try await page.layout().page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        page.newToken = created.secret
        return try await page.layout().page(status: .created).encodeResponse(for: req)
    }

    @Sendable func revokeToken(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = req.parameters.get(APITokenID.self)?.rawValue,
            try await APITokens.revoke(id, of: user, on: req.db)
        else { throw Abort(.notFound, reason: "No such token.") }
        return req.redirect(to: SiteRoute.account.path, flash: Flash(kind: .success, message: "Token revoked."))
    }

    static func page(req: Request) async throws -> AccountPage {
        let user = try req.requireUser()
        let tokens = try await APITokens.list(of: user, on: req.db)
        let idle = req.application.config.sessions.idleTimeout
        let absolute = req.application.config.sessions.absoluteTimeout
        let sessions = try await UserSession.query(on: req.db).filter(\.$user.$id == user.requireID()).sort(\.$lastSeenAt, .descending).all()
            .filter { !$0.isExpired(now: req.now, idle: idle, absolute: absolute) }
        return AccountPage(
            displayName: user.displayName,
            email: user.email,
            pendingEmail: try await req.emailChanges.pending(for: user)?.newEmail,
            hasTwoFactor: user.hasTwoFactor,
            sessions: sessions.map {
                AccountPage.SessionRow(
                    id: $0.id!, signedIn: DisplayFormat.dateTime($0.createdAt), lastSeen: DisplayFormat.dateTime($0.lastSeenAt), isThisBrowser: $0.id == req.currentSession?.id)
            },
            roles: user.roles.sorted().map(\.displayName),
            tokens: tokens.map {
                AccountPage.TokenRow(
                    id: $0.id!,
                    name: $0.name,
                    created: DisplayFormat.dateTime($0.createdAt),
                    lastUsed: $0.lastUsedAt.map(DisplayFormat.dateTime) ?? "never"
                )
            },
            context: req.pageContext
        )
    }
}

/// API token bookkeeping shared by the account page and the API.
enum APITokens {
    static func create(for user: User, name: String, on db: any Database, now: Date) async throws -> (token: APIToken, secret: String) {
        let secret = SecretToken(prefix: APIToken.prefix)
        let token = APIToken(userID: try user.requireID(), name: name.trimmingWhitespace(), tokenHash: secret.hash, now: now)
        try await token.create(on: db)
        return (token, secret.value)
    }

    static func list(of user: User, on db: any Database) async throws -> [APIToken] {
        try await APIToken.query(on: db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt, .descending).all()
    }

    /// Deletes the token if it belongs to `user`; false when there is no such token of theirs.
    static func revoke(_ id: UUID, of user: User, on db: any Database) async throws -> Bool {
        guard let token = try await APIToken.query(on: db)
            .filter(\.$id == id)
            .filter(\.$user.$id == user.requireID())
            .first()
        else { return false }
        try await token.delete(on: db)
        return true
    }
}
