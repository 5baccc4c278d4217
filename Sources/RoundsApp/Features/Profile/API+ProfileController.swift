import Fluent
import RoundsCore
import Vapor

extension API {
    /// The applicant's own profile over JSON.
    struct ProfileController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
            applicants.get(APIRoute.profile, use: self.show)
            applicants.put(APIRoute.profile, use: self.update)
        }

        @Sendable func show(req: Request) async throws -> ProfileBody {
            let user = try req.requireUser(.applicant)
            guard let input = try await ProfileStore.load(for: user, on: req.db) else {
                throw Abort(.notFound, reason: "You have not filled in your profile yet; PUT it first.")
            }
            return ProfileBody(input)
        }

        @Sendable func update(req: Request) async throws -> ProfileBody {
            let user = try req.requireUser(.applicant)
            let body = try req.jsonBody(ProfileBody.self)
            return ProfileBody(try await ProfileStore.save(body.draft, for: user, on: req.db, now: req.now))
        }
    }
}
