import Fluent
import Foundation
import RoundsCore
import Vapor

/// `/account/data`: download everything Rounds holds about you, and delete your account.
struct AccountDataController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let account = routes.grouped(SignInRequired())
        account.get(SiteRoute.accountData, use: self.show)
        account.post(SiteRoute.accountExport, use: self.export)
        account.post(SiteRoute.accountDeletion, use: self.delete)
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        try await Self.page(req).layout().page()
    }

    struct PasswordForm: Content {
        var current_password: String?
    }

    /// The archive, after the password: an export is everything about a person, so a browser left signed
    /// in is not enough to take it.
    @Sendable func export(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(PasswordForm.self)
        // Counted before the password is checked, so the form cannot be used to guess it either.
        try await Self.limitExports(req, of: user)
        guard try await req.accounts.isCurrentPassword(form.current_password ?? "", of: user) else {
            var page = try await Self.page(req)
            page.exportError = AccountService.wrongCurrentPassword.message
            return try await page.layout().page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        return try await Self.archiveResponse(req, for: user)
    }

    struct DeletionForm: Content {
        var current_password: String?
        var code: String?
        var understood: String?
    }

    /// Schedules the deletion and signs this browser out with the rest.
    @Sendable func delete(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(DeletionForm.self)
        do {
            guard form.understood == "yes" else {
                throw ValidationReport([FieldError(field: "understood", message: "Tick the box to say you have read what deleting your account does.")])
            }
            _ = try await AccountDeletions(db: req.db, now: req.now, config: req.config)
                .schedule(user, password: form.current_password ?? "", code: form.code, accounts: req.accounts, twoFactor: req.twoFactor)
        } catch let report as ValidationReport {
            var page = try await Self.page(req)
            page.deletionErrors = report
            return try await page.layout().page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        let due = user.deletionDueAt.map(AccountDeletions.day) ?? ""
        return req.signedOut(
            redirectTo: SiteRoute.home.path,
            flash: Flash(kind: .success, message: "Your account will be deleted on \(due) (UTC). You are signed out everywhere; signing in before then cancels the deletion.")
        )
    }

    /// Five exports per account per hour, through the page or the API together.
    static func limitExports(_ req: Request, of user: User) async throws {
        try await RateLimiter(db: req.db, now: req.now)
            .hit("data-export:user:\(try user.requireID())", rule: req.application.config.rateLimits.dataExportsPerAccount).enforce("data exports")
    }

    /// The ZIP as a download, streamed from a temporary file that is removed once sent.
    static func archiveResponse(_ req: Request, for user: User) async throws -> Response {
        let export = AccountDataExport(app: req.application, user: user, eventLoop: req.eventLoop, store: req.documentStorage)
        let path = try await export.writeArchive()
        let response = try await req.fileio.asyncStreamFile(at: path, mediaType: .zip) { _ in
            try? FileManager.default.removeItem(atPath: path)
        }
        let day = ISO8601DateFormatter.string(from: req.now, timeZone: .gmt, formatOptions: [.withFullDate])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"rounds-data-\(day).zip\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.remove(name: .eTag)
        response.headers.remove(name: .lastModified)
        return response
    }

    static func page(_ req: Request) async throws -> AccountDataPage {
        let user = try req.requireUser()
        return AccountDataPage(
            deletion: try await AccountDeletions(db: req.db, now: req.now, config: req.config).consequences(for: user),
            hasTwoFactor: user.hasTwoFactor,
            context: req.pageContext
        )
    }
}

extension API {
    /// `GET /api/v1/me/export`: the same archive over the API (a bearer token is already a strong proof).
    struct AccountDataController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            routes.grouped(SignInRequired()).get(APIRoute.meExport, use: self.export)
        }

        @Sendable func export(req: Request) async throws -> Response {
            let user = try req.requireUser()
            try await RoundsApp.AccountDataController.limitExports(req, of: user)
            return try await RoundsApp.AccountDataController.archiveResponse(req, for: user)
        }
    }
}
