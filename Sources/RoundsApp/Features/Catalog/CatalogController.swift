import Fluent
import RoundsCore
import Tagged
import Vapor

/// The public catalog pages: search and an opportunity's page.
struct CatalogController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.opportunities, use: self.index)
        routes.get(SiteRoute.opportunity(.key), use: self.show)
    }

    @Sendable func index(req: Request) async throws -> HTMLPage {
        let profile = try await req.applicantProfile()
        let parameters = (try? SearchParameters.decode(req)) ?? SearchParameters()
        do {
            var query = try parameters.query(profile: profile)
            let index = try await req.application.catalogSearch.index(on: req.db)
            var page = index.search(query, today: req.today)
            // A page past the end (an old link, a shrunk result) shows the last page rather than nothing.
            let lastPage = SearchQuery.pageCount(total: page.total, perPage: query.perPage)
            if page.items.isEmpty, page.total > 0, query.page > lastPage {
                query.page = lastPage
                page = index.search(query, today: req.today)
            }
            let response = OpportunityListResponse(
                items: page.items.map(OpportunitySummary.init), total: page.total, facets: page.facets, page: query.page, perPage: query.perPage
            )
            return OpportunityPages.search(parameters: parameters, response: response, error: nil, canFilterEligible: profile != nil, context: req.pageContext)
                .page()
        } catch let abort as Abort where abort.status == .badRequest {
            return OpportunityPages.search(parameters: parameters, response: nil, error: abort.reason, canFilterEligible: profile != nil, context: req.pageContext)
                .page(status: .badRequest)
        }
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        guard let id = req.parameters.get(OpportunityID.self)?.rawValue, let detail = try await CatalogQueries.detail(id: id, req: req) else {
            throw Abort(.notFound, reason: "There is no such opportunity, or it is no longer listed.")
        }
        let ids = detail.sessions.map(\.id)
        var state = OpportunityPages.ViewerState()
        for session in try await OpportunitySession.query(on: req.db).filter(\.$id ~~ ids).all() {
            state.seatsTaken[try session.requireID()] = session.seatsTaken
        }
        if let viewer = req.auth.get(User.self) {
            for application in try await SessionApplication.live(of: viewer.requireID(), to: ids, on: req.db) {
                state.liveApplications[application.$session.id] = (try application.requireID(), application.status)
            }
            state.viewerID = try viewer.requireID()
            let site = try await Site.query(on: req.db).join(Opportunity.self, on: \Site.$id == \Opportunity.$site.$id).filter(Opportunity.self, \.$id == id).first()
            state.isHost = site?.$host.id == viewer.id
            state.isApplicant = viewer.has(.applicant) && !state.isHost
            state.questionCount = try await req.messageDesk.questionCount(about: id, from: viewer)
            state.hasReported = try await req.listingReports.hasReported(id, by: viewer)
            state.isFavourite = try await req.favourites.contains(id, for: viewer)
        }
        let tags = GuideTag.related(to: detail.summary.type, audiences: detail.summary.audiences.compactMap(Audience.init(rawValue:)))
        return OpportunityPages.detail(detail, today: req.today, state: state, relatedGuides: try await req.guides.related(to: tags), context: req.pageContext).page()
    }
}
