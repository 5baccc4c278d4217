import Fluent
import Foundation
import RoundsCore
import Tagged
import Vapor

struct SavedSearchResponse: Content {
    var id: UUID
    var name: String
    /// The filters as a query string for `GET /api/v1/opportunities`.
    var query: String
    var alert: SearchAlert
    var createdAt: Date
    /// Listings that entered the catalog after this are new to the next alert.
    var checkedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, query, alert
        case createdAt = "created_at"
        case checkedAt = "checked_at"
    }

    init(_ search: SavedSearch) throws {
        self.id = try search.requireID()
        self.name = search.name
        self.query = search.query
        self.alert = search.alert
        self.createdAt = search.createdAt
        self.checkedAt = search.checkedAt
    }
}

extension API {
    /// Saved searches over JSON: the same checks as the page.
    struct SavedSearchesController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let signedIn = routes.grouped(SignInRequired())
            signedIn.get(APIRoute.savedSearches, use: self.index)
            signedIn.post(APIRoute.savedSearches, use: self.create)
            signedIn.put(APIRoute.savedSearch(.key), use: self.update)
            signedIn.delete(APIRoute.savedSearch(.key), use: self.delete)
        }

        @Sendable func index(req: Request) async throws -> [SavedSearchResponse] {
            try await req.savedSearches.all(of: try req.requireUser()).map(SavedSearchResponse.init)
        }

        struct SearchInput: Content {
            var name: String
            var query: String?
            var alert: String
        }

        @Sendable func create(req: Request) async throws -> Response {
            let user = try req.requireUser()
            let input = try req.jsonBody(SearchInput.self)
            let search = try await req.savedSearches.save(
                SavedSearchDraft(name: input.name, alert: input.alert), query: input.query ?? "", profile: try await req.applicantProfile(), by: user)
            return try await SavedSearchResponse(search).encodeResponse(status: .created, for: req)
        }

        struct UpdateInput: Content {
            var name: String?
            var alert: String
        }

        @Sendable func update(req: Request) async throws -> SavedSearchResponse {
            let store = req.savedSearches
            let search = try await store.owned(req.parameters.get(SavedSearchID.self)?.rawValue, by: try req.requireUser())
            let input = try req.jsonBody(UpdateInput.self)
            try await store.update(search, SavedSearchDraft(name: input.name ?? search.name, alert: input.alert))
            return try SavedSearchResponse(search)
        }

        @Sendable func delete(req: Request) async throws -> HTTPStatus {
            let search = try await req.savedSearches.owned(req.parameters.get(SavedSearchID.self)?.rawValue, by: try req.requireUser())
            try await search.delete(on: req.db)
            return .noContent
        }
    }
}
