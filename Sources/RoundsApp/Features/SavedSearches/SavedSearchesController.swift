import Fluent
import Foundation
import RoundsCore
import Tagged
import Vapor

/// Saving a search from the search page, `/account/searches` to rename, change the alert or remove, and
/// the alert e-mail's one-click unsubscribe (no sign-in: its token is the credential).
struct SavedSearchesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(SignInRequired())
        signedIn.get(SiteRoute.savedSearches, use: self.index)
        signedIn.post(SiteRoute.savedSearches, use: self.save)
        signedIn.post(SiteRoute.savedSearch(.key), use: self.update)
        signedIn.post(SiteRoute.deleteSavedSearch(.key), use: self.delete)
        routes.get(SiteRoute.searchAlertUnsubscribe, use: self.unsubscribePage)
        // Also the List-Unsubscribe one-click target (RFC 8058): CSRFMiddleware lets this path through.
        routes.post(SiteRoute.searchAlertUnsubscribe, use: self.unsubscribe)
    }

    @Sendable func index(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser()
        return SavedSearchPages.list(try await req.savedSearches.all(of: user), context: req.pageContext).page()
    }

    struct SaveForm: Content {
        var name: String?
        var alert: String?
        var query: String?
    }

    @Sendable func save(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(SaveForm.self)
        let query = form.query ?? ""
        let back = SiteRoute.opportunities.path + (query.isEmpty ? "" : "?\(query)")
        do {
            let search = try await req.savedSearches.save(
                SavedSearchDraft(name: form.name ?? "", alert: form.alert ?? ""), query: query, profile: try await req.applicantProfile(), by: user)
            return req.redirect(to: SiteRoute.savedSearches.path, flash: Flash(kind: .success, message: "Saved “\(search.name)”. \(search.alert.displayName)."))
        } catch let report as ValidationReport {
            return req.redirect(to: back, flash: Flash(kind: .error, message: report.errors.map(\.message).joined(separator: " ")))
        } catch let abort as any AbortError where abort.status == .badRequest {
            // A search the page itself refused (a bad radius, say): say why on the search page.
            return req.redirect(to: SiteRoute.opportunities.path, flash: Flash(kind: .error, message: abort.reason))
        }
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let store = req.savedSearches
        let search = try await store.owned(req.parameters.get(SavedSearchID.self)?.rawValue, by: user)
        let form = try req.content.decode(SaveForm.self)
        do {
            try await store.update(search, SavedSearchDraft(name: form.name ?? search.name, alert: form.alert ?? ""))
            return req.redirect(to: SiteRoute.savedSearches.path, flash: Flash(kind: .success, message: "Saved: \(search.alert.displayName)."))
        } catch let report as ValidationReport {
            return req.redirect(to: SiteRoute.savedSearches.path, flash: Flash(kind: .error, message: report.errors.map(\.message).joined(separator: " ")))
        }
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let search = try await req.savedSearches.owned(req.parameters.get(SavedSearchID.self)?.rawValue, by: try req.requireUser())
        try await search.delete(on: req.db)
        return req.redirect(to: SiteRoute.savedSearches.path, flash: Flash(kind: .success, message: "Removed “\(search.name)”."))
    }

    struct TokenQuery: Content {
        var token: String?
    }

    @Sendable func unsubscribePage(req: Request) async throws -> HTMLPage {
        SavedSearchPages.unsubscribe(token: (try? req.query.decode(TokenQuery.self))?.token ?? "", context: req.pageContext).page()
    }

    @Sendable func unsubscribe(req: Request) async throws -> HTMLPage {
        let token = (try? req.query.decode(TokenQuery.self))?.token
        let search = try await req.savedSearches.unsubscribe(token: token)
        return SavedSearchPages.unsubscribed(search, context: req.pageContext).page()
    }
}
