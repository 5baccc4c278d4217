import Fluent
import Foundation
import RoundsCore
import Vapor

extension API {
    /// Guides over JSON: anyone reads published guides; administrators and advisors write them.
    struct GuidesController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            routes.get(APIRoute.guides, use: self.list)
            routes.get(APIRoute.guide(.key), use: self.show)
            let editors = routes.grouped(SignInRequired(roles: [.admin, .advisor]))
            editors.post(APIRoute.guides, use: self.create)
            editors.put(APIRoute.guide(.key), use: self.update)
            editors.delete(APIRoute.guide(.key), use: self.delete)
        }

        static let maximumQueryLength = 200

        /// The API is strict where the page is forgiving: an unknown tag or an overlong query is 400.
        @Sendable func list(req: Request) async throws -> GuideListResponse {
            let query = try req.query.decode(RoundsApp.GuidesController.ListQuery.self)
            if let words = query.q, words.textLength > Self.maximumQueryLength {
                throw Abort(.badRequest, reason: "q is at most \(Self.maximumQueryLength) characters.")
            }
            if let tag = query.tag, GuideTag(rawValue: tag) == nil {
                throw Abort(.badRequest, reason: "tag is one of: \(GuideTag.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let guides = try await req.guides.search(query.q, tag: query.guideTag)
            return GuideListResponse(total: guides.count, guides: guides.map(GuideSummaryResponse.init))
        }

        @Sendable func show(req: Request) async throws -> GuideResponse {
            GuideResponse(try await req.guides.guide(req.parameters.get(GuideSlug.self), for: req.currentUser))
        }

        @Sendable func create(req: Request) async throws -> Response {
            let user = try GuideEditorController.editor(req)
            let guide = try await req.guides.save(try req.jsonBody(GuideInput.self).draft, as: nil, by: user)
            guide.$author.value = user
            return try await GuideResponse(guide).encodeResponse(status: .created, for: req)
        }

        @Sendable func update(req: Request) async throws -> GuideResponse {
            let user = try GuideEditorController.editor(req)
            let guide = try await req.guides.editable(req.parameters.get(GuideSlug.self), by: user)
            return GuideResponse(try await req.guides.save(try req.jsonBody(GuideInput.self).draft, as: guide, by: user))
        }

        @Sendable func delete(req: Request) async throws -> HTTPStatus {
            let user = try GuideEditorController.editor(req)
            try await req.guides.delete(try await req.guides.editable(req.parameters.get(GuideSlug.self), by: user))
            return .noContent
        }
    }
}
