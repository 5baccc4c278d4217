import Fluent
import RoundsCore
import Vapor

/// Sign-up, sign-in, sign-out and password reset pages.
struct AccountsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.signUp, use: self.newAccount)
        routes.post(SiteRoute.signUp, use: self.createAccount)
        routes.get(SiteRoute.signIn, use: self.signInPage)
        routes.post(SiteRoute.signIn, use: self.signIn)
        routes.post(SiteRoute.signOut, use: self.signOut)
        routes.get(SiteRoute.forgotPassword, use: self.forgotPasswordPage)
        routes.post(SiteRoute.forgotPassword, use: self.requestReset)
        routes.get(SiteRoute.resetPassword, use: self.resetPasswordPage)
        routes.post(SiteRoute.resetPassword, use: self.resetPassword)
    }

    @Sendable func newAccount(req: Request) async throws -> Response {
        if req.currentUser != nil { return req.redirect(to: SiteRoute.home.path) }
        return try await AuthPages.signUp(.empty, errors: ValidationReport(), context: req.pageContext)
            .page().encodeResponse(for: req)
    }

    @Sendable func createAccount(req: Request) async throws -> Response {
        let form = try req.content.decode(SignUpForm.self)
        do {
            let user = try await req.accounts.signUp(form, ip: req.clientIP)
            let next = user.mustUseTwoFactor ? SiteRoute.twoFactor.path : SiteRoute.profile.path
            let welcome = Flash(kind: .success, message: "Welcome to Rounds, \(user.displayName).")
            return try await req.trustingDevice(of: user, try await req.startSession(for: user, redirectTo: next, flash: welcome))
        } catch let report as ValidationReport {
            var echoed = form
            echoed.password = ""
            return try await AuthPages.signUp(echoed, errors: report, context: req.pageContext)
                .page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func signInPage(req: Request) async throws -> Response {
        let next = req.query[String.self, at: "next"].flatMap { RedirectTarget.isSafe($0) ? $0 : nil }
        if req.currentUser != nil { return req.redirect(to: next ?? SiteRoute.home.path) }
        return try await AuthPages.signIn(email: "", next: next, error: nil, context: req.pageContext)
            .page().encodeResponse(for: req)
    }

    @Sendable func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let next = form.next.flatMap { RedirectTarget.isSafe($0) ? $0 : nil }
        let user: User
        do {
            user = try await req.accounts.authenticate(
                email: form.email, password: form.password, ip: req.clientIP, deviceToken: req.cookies[req.deviceCookie.name]?.string
            )
        } catch let abort as Abort where abort.status == .unauthorized || abort.status == .forbidden {
            return try await AuthPages.signIn(email: form.email, next: next, error: abort.reason, context: req.pageContext)
                .page(status: abort.status).encodeResponse(for: req)
        }
        // A new session id at sign-in: whatever session the browser had before is dropped (no fixation).
        if let previous = req.currentSession { try await previous.delete(on: req.db) }
        let response =
            user.hasTwoFactor
            ? try await TwoFactorSignIn.begin(for: user, next: next, req: req)
            : try await req.startSession(for: user, redirectTo: next ?? SiteRoute.home.path, flash: nil)
        return try await req.trustingDevice(of: user, response)
    }

    @Sendable func signOut(req: Request) async throws -> Response {
        if let user = req.currentUser {
            try await req.accounts.endSessions(of: user.requireID())
        }
        return req.signedOut(redirectTo: SiteRoute.home.path, flash: Flash(kind: .success, message: "You are signed out."))
    }

    @Sendable func forgotPasswordPage(req: Request) async throws -> Response {
        try await AuthPages.forgotPassword(context: req.pageContext, sent: false).page().encodeResponse(for: req)
    }

    @Sendable func requestReset(req: Request) async throws -> Response {
        let form = try req.content.decode(ForgotPasswordForm.self)
        try await PasswordResetService(accounts: req.accounts).request(email: form.email, ip: req.clientIP)
        return try await AuthPages.forgotPassword(context: req.pageContext, sent: true).page().encodeResponse(for: req)
    }

    @Sendable func resetPasswordPage(req: Request) async throws -> Response {
        let token = req.query[String.self, at: "token"] ?? ""
        guard try await PasswordResetService(accounts: req.accounts).usableReset(token: token, ip: req.clientIP) != nil else {
            throw Abort(.badRequest, reason: "This reset link is invalid, used or expired. Ask for a new one.")
        }
        return try await AuthPages.resetPassword(token: token, error: nil, context: req.pageContext)
            .page().encodeResponse(for: req)
    }

    @Sendable func resetPassword(req: Request) async throws -> Response {
        let form = try req.content.decode(ResetPasswordForm.self)
        do {
            try await PasswordResetService(accounts: req.accounts).complete(token: form.token, password: form.password, ip: req.clientIP)
        } catch let report as ValidationReport {
            return try await AuthPages.resetPassword(token: form.token, error: report.errors.first?.message, context: req.pageContext)
                .page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        return req.redirect(to: SiteRoute.signIn.path, flash: Flash(kind: .success, message: "Your password is changed. Sign in with it."))
    }

}

extension Request {
    /// Starts a fresh session (new secret, new CSRF token) and redirects with its cookie.
    /// Signing in during a requested deletion's grace period cancels the deletion, and says so.
    func startSession(for user: User, redirectTo path: String, flash: Flash?) async throws -> Response {
        var flash = flash
        if try await user.cancelScheduledDeletion(now: self.now, on: self.db) {
            flash = Flash(kind: .success, message: "Welcome back: you signed in, so your account will not be deleted.")
        }
        let token = try await self.accounts.startSession(for: user)
        self.auth.login(user)
        self.rotateCSRFToken()
        let response = flash.map { self.redirect(to: path, flash: $0) } ?? self.redirect(to: path)
        response.cookies[self.sessionCookie.name] = self.sessionCookie.value(token)
        return response
    }

    /// Forgets the signed-in user for the rest of this request and redirects with the session cookie
    /// expired (the caller has ended the sessions themselves).
    func signedOut(redirectTo path: String, flash: Flash) -> Response {
        self.auth.logout(User.self)
        let response = self.redirect(to: path, flash: flash)
        response.cookies[self.sessionCookie.name] = self.sessionCookie.expired
        return response
    }

    /// `response` with a device cookie, unless the browser already holds one for `user`: the right password
    /// came from this browser, so from now on its wrong guesses count against it alone.
    func trustingDevice(of user: User, _ response: Response) async throws -> Response {
        if let device = try await self.accounts.trustDevice(for: user, presented: self.cookies[self.deviceCookie.name]?.string) {
            response.cookies[self.deviceCookie.name] = self.deviceCookie.value(device)
        }
        return response
    }

    /// The account rules bound to this request's database and services.
    var accounts: AccountService {
        AccountService(db: self.db, config: self.config, services: self.services)
    }

    var sessionCookie: SessionCookie { SessionCookie(isSecure: self.config.server.isBehindTLS) }

    var deviceCookie: DeviceCookie { DeviceCookie(isSecure: self.config.server.isBehindTLS) }

    /// The peer address, used to key rate limits.
    var clientIP: String { self.remoteAddress?.ipAddress ?? "unknown" }
}
