import Fluent
import RoundsCore
import Tagged
import Vapor

extension API {
    /// Catalog search over JSON; public (anonymous callers see what signed-in ones see, minus eligibility).
    struct CatalogController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            routes.get(APIRoute.opportunities, use: self.index)
            routes.get(APIRoute.opportunity(.key), use: self.show)
        }

        @Sendable func index(req: Request) async throws -> Response {
            let parameters = try SearchParameters.decode(req, strict: true)
            let query = try parameters.query(profile: parameters.eligible == nil ? nil : try await req.applicantProfile())
            let (index, fragments) = try await req.application.catalogSearch.current(on: req.db)
            let page = index.search(query, today: req.today)
            return CatalogJSON.response(
                OpportunityListResponse(
                    items: page.items.map(OpportunitySummary.init), total: page.total, facets: page.facets, page: query.page,
                    perPage: query.perPage
                ),
                fragments: fragments
            )
        }

        @Sendable func show(req: Request) async throws -> OpportunityDetailResponse {
            guard let id = req.parameters.get(OpportunityID.self)?.rawValue else {
                throw Abort(.badRequest, reason: "opportunityID must be a UUID.")
            }
            guard let detail = try await CatalogQueries.detail(id: id, req: req) else {
                throw Abort(.notFound, reason: "No such opportunity.")
            }
            return detail
        }
    }
}
