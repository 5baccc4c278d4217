import Fluent
import RoundsCore
import Tagged
import Vapor

/// Hosts manage their sites, opportunities and sessions. Another host's things answer 404.
struct HostCatalogController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let host = routes.grouped(SignInRequired(roles: [.host]))
        host.get(SiteRoute.hostSites, use: self.sites)
        host.get(SiteRoute.newSite, use: self.newSite)
        host.post(SiteRoute.hostSites, use: self.createSite)
        host.get(SiteRoute.newOpportunity(site: .key), use: self.newOpportunity)
        host.post(SiteRoute.createOpportunity(site: .key), use: self.createOpportunity)
        host.get(SiteRoute.hostOpportunity(.key), use: self.manage)
        host.get(SiteRoute.editOpportunity(.key), use: self.edit)
        host.post(SiteRoute.hostOpportunity(.key), use: self.update)
        host.post(SiteRoute.publishOpportunity(.key), use: self.publish)
        host.post(SiteRoute.archiveOpportunity(.key), use: self.archive)
        host.post(SiteRoute.questionSetting(.key), use: self.setQuestions)
        host.post(SiteRoute.addSession(.key), use: self.addSession)
        host.post(SiteRoute.deleteSession(.key), use: self.deleteSession)
    }

    @Sendable func sites(req: Request) async throws -> HTMLPage {
        let query = req.searchWords
        let page = req.query[String.self, at: "page"].flatMap { Int($0) } ?? 1
        let sites = try await req.hostCatalog().sites().filter { site in
            LooseText.matches(query, in: [site.name, site.street, site.city, site.state, site.zip] + site.opportunities.map(\.title))
        }
        return HostPages.sites(ListPage(sites, page: page, perPage: HostPages.sitesPerPage), query: query, context: req.pageContext).page()
    }

    @Sendable func newSite(req: Request) async throws -> HTMLPage {
        _ = try req.hostCatalog()
        return HostPages.siteForm(SiteDraft(), errors: ValidationReport(), context: req.pageContext).page()
    }

    @Sendable func createSite(req: Request) async throws -> Response {
        let draft = try req.content.decode(SiteForm.self).draft
        do {
            let site = try await req.hostCatalog().createSite(draft)
            return req.redirect(to: SiteRoute.newOpportunity(site: try site.requireTypedID()).path, flash: Flash(kind: .success, message: "Site added. An admin will verify it."))
        } catch let report as ValidationReport {
            return try await HostPages.siteForm(draft, errors: report, context: req.pageContext).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func newOpportunity(req: Request) async throws -> HTMLPage {
        let site = try await self.site(req)
        return HostPages.opportunityForm(
            OpportunityDraft(), errors: ValidationReport(), action: SiteRoute.createOpportunity(site: try site.requireTypedID()).path,
            title: "New opportunity at \(site.name)", context: req.pageContext
        ).page()
    }

    @Sendable func createOpportunity(req: Request) async throws -> Response {
        let site = try await self.site(req)
        let draft = try req.content.decode(OpportunityForm.self).draft
        do {
            let opportunity = try await req.hostCatalog().createOpportunity(at: site, draft)
            return req.redirect(to: SiteRoute.hostOpportunity(try opportunity.requireTypedID()).path, flash: Flash(kind: .success, message: "Saved as a draft. Add sessions, then publish."))
        } catch let report as ValidationReport {
            return try await HostPages.opportunityForm(
                draft, errors: report, action: SiteRoute.createOpportunity(site: try site.requireTypedID()).path, title: "New opportunity at \(site.name)",
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
            OpportunityDraft(opportunity), errors: ValidationReport(), action: SiteRoute.hostOpportunity(try opportunity.requireTypedID()).path,
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
                draft, errors: report, action: SiteRoute.hostOpportunity(try opportunity.requireTypedID()).path, title: "Edit \(opportunity.title)",
                context: req.pageContext
            ).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        return req.redirect(to: SiteRoute.hostOpportunity(try opportunity.requireTypedID()).path, flash: Flash(kind: .success, message: "Saved."))
    }

    @Sendable func publish(req: Request) async throws -> Response {
        let opportunity = try await self.opportunity(req)
        try await req.hostCatalog().setStatus(opportunity, to: .published)
        return req.redirect(to: SiteRoute.hostOpportunity(try opportunity.requireTypedID()).path, flash: Flash(kind: .success, message: "Published."))
    }

    @Sendable func archive(req: Request) async throws -> Response {
        let opportunity = try await self.opportunity(req)
        try await req.hostCatalog().setStatus(opportunity, to: .archived)
        return req.redirect(to: SiteRoute.hostOpportunity(try opportunity.requireTypedID()).path, flash: Flash(kind: .success, message: "Archived: no longer listed."))
    }

    struct QuestionSettingForm: Content {
        var accepts_questions: String?
    }

    @Sendable func setQuestions(req: Request) async throws -> Response {
        let opportunity = try await self.opportunity(req)
        let accepts = try HostCatalog.questionSetting(try req.content.decode(QuestionSettingForm.self).accepts_questions)
        try await req.hostCatalog().setQuestions(accepts, on: opportunity)
        return req.redirect(
            to: SiteRoute.hostOpportunity(try opportunity.requireTypedID()).path,
            flash: Flash(kind: .success, message: accepts ? "Applicants can ask you questions about this opportunity." : "New questions are off; you can still answer the ones asked."))
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
        return req.redirect(to: SiteRoute.hostOpportunity(try opportunity.requireTypedID()).path, flash: Flash(kind: .success, message: "Session added."))
    }

    @Sendable func deleteSession(req: Request) async throws -> Response {
        guard let id = req.parameters.get(SessionID.self)?.rawValue, let opportunityID = try await req.hostCatalog().deleteSession(id) else {
            throw Abort(.notFound, reason: "No such session of yours.")
        }
        return req.redirect(to: SiteRoute.hostOpportunity(OpportunityID(opportunityID)).path, flash: Flash(kind: .success, message: "Session removed."))
    }

    private func site(_ req: Request) async throws -> Site {
        guard let id = req.parameters.get(SiteID.self)?.rawValue, let site = try await req.hostCatalog().site(id) else {
            throw Abort(.notFound, reason: "No such site of yours.")
        }
        return site
    }

    private func opportunity(_ req: Request) async throws -> Opportunity {
        guard let id = req.parameters.get(OpportunityID.self)?.rawValue, let opportunity = try await req.hostCatalog().opportunity(id) else {
            throw Abort(.notFound, reason: "No such opportunity of yours.")
        }
        return opportunity
    }
}
