import Fluent
import RoundsCore
import Tagged
import Vapor

/// Who the account is and where it is signed in: the name, the e-mail address (changed only through a
/// link sent to the new address), and the browsers signed in, each of which can be signed out.
struct AccountIdentityController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let account = routes.grouped(SignInRequired())
        account.post(SiteRoute.accountName, use: self.changeName)
        account.post(SiteRoute.accountEmail, use: self.changeEmail)
        account.post(SiteRoute.endSession(.key), use: self.endSession)
        account.post(SiteRoute.endOtherSessions, use: self.endOtherSessions)
        // The link in the e-mail may be opened in any browser, signed in or not: the token is the credential.
        routes.get(SiteRoute.confirmEmailChange, use: self.confirmPage)
        routes.post(SiteRoute.confirmEmailChange, use: self.confirm)
    }

    struct NameForm: Content {
        var display_name: String?
    }

    @Sendable func changeName(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let raw = try req.content.decode(NameForm.self).display_name ?? ""
        let name = raw.trimmingWhitespace()
        guard !name.isEmpty, raw.textLength <= SignUpForm.maximumNameLength, !name.containsControlCharacters else {
            var page = try await AccountSettingsController.page(req: req)
            page.nameErrors = ValidationReport([FieldError(field: "display_name", message: "Enter your name, at most \(SignUpForm.maximumNameLength) characters on one line.")])
            return try await page.layout().page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        user.displayName = name
        try await user.save(on: req.db)
        return req.redirect(to: SiteRoute.account.path, flash: Flash(kind: .success, message: "Name changed."))
    }

    struct EmailForm: Content {
        var new_email: String?
        var current_password: String?
    }

    @Sendable func changeEmail(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(EmailForm.self)
        try await RateLimiter(db: req.db, now: req.now)
            .hit("email-change:user:\(try user.requireID())", rule: req.application.config.rateLimits.passwordResetsPerIP).enforce("e-mail changes")
        do {
            guard try await req.accounts.isCurrentPassword(form.current_password ?? "", of: user) else { throw ValidationReport([AccountService.wrongCurrentPassword]) }
            try await req.emailChanges.request(form.new_email ?? "", for: user)
        } catch let report as ValidationReport {
            var page = try await AccountSettingsController.page(req: req)
            page.emailErrors = report
            page.typedEmail = form.new_email ?? ""
            return try await page.layout().page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        return req.redirect(
            to: SiteRoute.account.path,
            flash: Flash(kind: .success, message: "Check the new address's inbox: a confirmation link is on its way (it works once, for 48 hours). Your current address was told."))
    }

    struct TokenForm: Content {
        var token: String?
    }

    @Sendable func confirmPage(req: Request) async throws -> HTMLPage {
        let token = try req.query.decode(TokenForm.self).token
        let change = try await req.emailChanges.change(token: token)
        return AccountPage.confirmEmail(newEmail: change.newEmail, token: token ?? "", context: req.pageContext).page()
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        let user = try await req.emailChanges.confirm(token: try req.content.decode(TokenForm.self).token)
        let next = req.currentUser?.id == user.id ? SiteRoute.account.path : SiteRoute.signIn.path
        return req.redirect(to: next, flash: Flash(kind: .success, message: "Your account now uses \(user.email). Sign in with it from now on."))
    }

    @Sendable func endSession(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = req.parameters.get(UserSessionID.self)?.rawValue,
            let session = try await UserSession.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == user.requireID()).first()
        else { throw Abort(.notFound, reason: "No such signed-in browser.") }
        try await session.delete(on: req.db)
        if session.id == req.currentSession?.id { return req.redirect(to: SiteRoute.signIn.path) }
        return req.redirect(to: SiteRoute.account.path, flash: Flash(kind: .success, message: "That browser is signed out."))
    }

    @Sendable func endOtherSessions(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await req.accounts.endSessions(of: try user.requireID(), keeping: req.currentSession?.id)
        return req.redirect(to: SiteRoute.account.path, flash: Flash(kind: .success, message: "Every other browser is signed out."))
    }
}
