import Fluent
import RoundsCore
import Vapor

/// Hosts manage their sites, opportunities and sessions. Another host's things answer 404.
struct HostCatalogController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let host = routes.grouped(SignInRequired(roles: [.host])).grouped("host")
        host.get("sites", use: self.sites)
        host.get("sites", "new", use: self.newSite)
        host.post("sites", use: self.createSite)
        host.get("sites", ":siteID", "opportunities", "new", use: self.newOpportunity)
        host.post("sites", ":siteID", "opportunities", use: self.createOpportunity)
        host.get("opportunities", ":opportunityID", use: self.manage)
        host.get("opportunities", ":opportunityID", "edit", use: self.edit)
        host.post("opportunities", ":opportunityID", use: self.update)
        host.post("opportunities", ":opportunityID", "publish", use: self.publish)
        host.post("opportunities", ":opportunityID", "archive", use: self.archive)
        host.post("opportunities", ":opportunityID", "sessions", use: self.addSession)
        host.post("sessions", ":sessionID", "delete", use: self.deleteSession)
    }

    @Sendable func sites(req: Request) async throws -> HTMLPage {
        HostPages.sites(try await req.hostCatalog().sites(), context: req.pageContext).page()
    }

    @Sendable func newSite(req: Request) async throws -> HTMLPage {
        _ = try req.hostCatalog()
        return HostPages.siteForm(SiteDraft(), errors: ValidationReport(), context: req.pageContext).page()
    }

    @Sendable func createSite(req: Request) async throws -> Response {
        let draft = try req.content.decode(SiteForm.self).draft
        do {
            let site = try await req.hostCatalog().createSite(draft)
            return req.redirect(to: Paths.newOpportunity(site: try site.requireID()), flash: Flash(kind: .success, message: "Site added. An admin will verify it."))
        } catch let report as ValidationReport {
            return try await HostPages.siteForm(draft, errors: report, context: req.pageContext).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func newOpportunity(req: Request) async throws -> HTMLPage {
        let site = try await self.site(req)
        return HostPages.opportunityForm(
            OpportunityDraft(), errors: ValidationReport(), action: Paths.createOpportunity(site: try site.requireID()),
            title: "New opportunity at \(site.name)", context: req.pageContext
        ).page()
    }

    @Sendable func createOpportunity(req: Request) async throws -> Response {
        let site = try await self.site(req)
        let draft = try req.content.decode(OpportunityForm.self).draft
        do {
            let opportunity = try await req.hostCatalog().createOpportunity(at: site, draft)
            return req.redirect(to: Paths.hostOpportunity(try opportunity.requireID()), flash: Flash(kind: .success, message: "Saved as a draft. Add sessions, then publish."))
        } catch let report as ValidationReport {
            return try await HostPages.opportunityForm(
                draft, errors: report, action: Paths.createOpportunity(site: try site.requireID()), title: "New opportunity at \(site.name)",
                context: req.pageContext
            ).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func manage(req: Request) async throws -> HTMLPage {
        HostPages.manage(try await self.opportunity(req), sessionDraft: SessionDraft(), sessionErrors: ValidationReport(), context: req.pageContext).page()
    }

    @Sendable func edit(req: Request) async throws -> HTMLPage {
        let opportunity = try await self.opportunity(req)
        return HostPages.opportunityForm(
            OpportunityDraft(opportunity), errors: ValidationReport(), action: Paths.hostOpportunity(try opportunity.requireID()),
            title: "Edit \(opportunity.title)", context: req.pageContext
        ).page()
    }

    @Sendable func update(req: Request) async throws -> Response {
        let opportunity = try await self.opportunity(req)
        let draft = try req.content.decode(OpportunityForm.self).draft
        do {
            try await req.hostCatalog().update(opportunity, draft)
        } catch let report as ValidationReport {
            return try await HostPages.opportunityForm(
                draft, errors: report, action: Paths.hostOpportunity(try opportunity.requireID()), title: "Edit \(opportunity.title)",
                context: req.pageContext
            ).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        return req.redirect(to: Paths.hostOpportunity(try opportunity.requireID()), flash: Flash(kind: .success, message: "Saved."))
    }

    @Sendable func publish(req: Request) async throws -> Response {
        let opportunity = try await self.opportunity(req)
        try await req.hostCatalog().setStatus(opportunity, to: .published)
        return req.redirect(to: Paths.hostOpportunity(try opportunity.requireID()), flash: Flash(kind: .success, message: "Published."))
    }

    @Sendable func archive(req: Request) async throws -> Response {
        let opportunity = try await self.opportunity(req)
        try await req.hostCatalog().setStatus(opportunity, to: .archived)
        return req.redirect(to: Paths.hostOpportunity(try opportunity.requireID()), flash: Flash(kind: .success, message: "Archived: no longer listed."))
    }

    @Sendable func addSession(req: Request) async throws -> Response {
        let opportunity = try await self.opportunity(req)
        let draft = try req.content.decode(SessionForm.self).draft
        do {
            try await req.hostCatalog().addSession(to: opportunity, draft)
        } catch let report as ValidationReport {
            return try await HostPages.manage(opportunity, sessionDraft: draft, sessionErrors: report, context: req.pageContext)
                .page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        return req.redirect(to: Paths.hostOpportunity(try opportunity.requireID()), flash: Flash(kind: .success, message: "Session added."))
    }

    @Sendable func deleteSession(req: Request) async throws -> Response {
        guard let id = req.parameters.get("sessionID", as: UUID.self), let opportunityID = try await req.hostCatalog().deleteSession(id) else {
            throw Abort(.notFound, reason: "No such session of yours.")
        }
        return req.redirect(to: Paths.hostOpportunity(opportunityID), flash: Flash(kind: .success, message: "Session removed."))
    }

    private func site(_ req: Request) async throws -> Site {
        guard let id = req.parameters.get("siteID", as: UUID.self), let site = try await req.hostCatalog().site(id) else {
            throw Abort(.notFound, reason: "No such site of yours.")
        }
        return site
    }

    private func opportunity(_ req: Request) async throws -> Opportunity {
        guard let id = req.parameters.get("opportunityID", as: UUID.self), let opportunity = try await req.hostCatalog().opportunity(id) else {
            throw Abort(.notFound, reason: "No such opportunity of yours.")
        }
        return opportunity
    }
}
