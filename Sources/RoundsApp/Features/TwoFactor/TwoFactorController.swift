import Fluent
import RoundsCore
import Vapor

/// The account's two-factor page: set up, new recovery codes, turn off (applicants only).
struct TwoFactorController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let twoFactor = routes.grouped(SignInRequired())
        twoFactor.get(SiteRoute.twoFactor, use: self.show)
        twoFactor.post(SiteRoute.enableTwoFactor, use: self.enable)
        twoFactor.post(SiteRoute.recoveryCodes, use: self.regenerate)
        twoFactor.post(SiteRoute.disableTwoFactor, use: self.disable)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        if user.hasTwoFactor {
            return try await self.status(req: req, user: user, codes: nil, error: nil, status: .ok)
        }
        return try await self.setUp(req: req, user: user, error: nil, status: .ok)
    }

    @Sendable func enable(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard !user.hasTwoFactor else { return req.redirect(to: SiteRoute.twoFactor.path) }
        do {
            let codes = try await req.twoFactor.enable(for: user, code: try req.content.get(String.self, at: "code"))
            return try await self.status(req: req, user: user, codes: codes, error: nil, status: .created)
        } catch let report as ValidationReport {
            return try await self.setUp(req: req, user: user, error: report.message(for: "code"), status: .unprocessableEntity)
        }
    }

    @Sendable func regenerate(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard user.hasTwoFactor else { return req.redirect(to: SiteRoute.twoFactor.path) }
        do {
            let codes = try await req.twoFactor.regenerateRecoveryCodes(for: user, code: try req.content.get(String.self, at: "code"))
            return try await self.status(req: req, user: user, codes: codes, error: nil, status: .created)
        } catch let report as ValidationReport {
            return try await self.status(req: req, user: user, codes: nil, error: report.message(for: "code"), status: .unprocessableEntity)
        }
    }

    @Sendable func disable(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard user.hasTwoFactor else { return req.redirect(to: SiteRoute.twoFactor.path) }
        do {
            try await req.twoFactor.disable(for: user, code: try req.content.get(String.self, at: "code"))
        } catch let report as ValidationReport {
            return try await self.status(req: req, user: user, codes: nil, error: report.message(for: "code"), status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.account.path, flash: Flash(kind: .success, message: "Two-factor sign-in is off."))
    }

    private func setUp(req: Request, user: User, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let secret = try await req.twoFactor.pendingSecret(for: user)
        let uri = OneTimeCodeRule.provisioningURI(secret: secret, account: user.email, issuer: TwoFactorService.issuer)
        let qr = QRCode(uri)?.svg()
        return try await TwoFactorPages.setUp(secret: secret, uri: uri, qrSVG: qr, error: error, context: req.pageContext)
            .page(status: status).encodeResponse(for: req)
    }

    private func status(req: Request, user: User, codes: [String]?, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let remaining = try await req.twoFactor.unusedRecoveryCodeCount(for: user)
        return try await TwoFactorPages.status(
            recoveryCodes: codes, remaining: remaining, canDisable: !user.mustUseTwoFactor, error: error, context: req.pageContext
        ).page(status: status).encodeResponse(for: req)
    }
}
