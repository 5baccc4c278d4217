import Fluent
import RoundsCore
import Tagged
import Vapor

extension API {
    /// Tokens and the current user over JSON.
    struct AccountsController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            routes.post(APIRoute.tokens, use: self.createToken)
            let signedIn = routes.grouped(SignInRequired())
            signedIn.get(APIRoute.me, use: self.me)
            signedIn.get(APIRoute.tokens, use: self.listTokens)
            signedIn.delete(APIRoute.token(.key), use: self.revokeToken)
        }

        struct CreateTokenRequest: Content {
            var email: String
            var password: String
            var name: String
            /// The current code from the authenticator app, for accounts with two-factor sign-in.
            var totpCode: String?

            enum CodingKeys: String, CodingKey {
                case email, password, name
                case totpCode = "totp_code"
            }
        }

        struct TokenResponse: Content {
            var id: UUID
            var name: String
            var createdAt: Date
            var lastUsedAt: Date?
            /// Present only in the answer that created the token.
            var token: String?

            enum CodingKeys: String, CodingKey {
                case id, name, token
                case createdAt = "created_at"
                case lastUsedAt = "last_used_at"
            }

            init(_ token: APIToken, secret: String? = nil) throws {
                self.id = try token.requireID()
                self.name = token.name
                self.createdAt = token.createdAt
                self.lastUsedAt = token.lastUsedAt
                self.token = secret
            }
        }

        struct MeResponse: Content {
            var id: UUID
            var email: String
            var displayName: String
            var roles: [String]

            enum CodingKeys: String, CodingKey {
                case id, email, roles
                case displayName = "display_name"
            }
        }

        /// Signs in with e-mail and password and returns a new token (shown once).
        @Sendable func createToken(req: Request) async throws -> Response {
            let body = try req.jsonBody(CreateTokenRequest.self)
            let report = CreateTokenForm(name: body.name).validate()
            try report.throwIfInvalid()
            let user = try await req.accounts.authenticate(email: body.email, password: body.password, ip: req.clientIP)
            if user.mustUseTwoFactor && !user.hasTwoFactor {
                throw Abort(.forbidden, reason: "Set up two-factor sign-in on your account page before creating API tokens.")
            }
            if user.hasTwoFactor {
                guard let code = body.totpCode, try await req.twoFactor.verify(code, for: user) else {
                    throw Abort(.unauthorized, reason: "Send totp_code: the current code from your authenticator app.")
                }
            }
            // Signing in cancels a requested deletion, over the API as in a browser.
            _ = try await user.cancelScheduledDeletion(now: req.now, on: req.db)
            let created = try await APITokens.create(for: user, name: body.name, on: req.db, now: req.now)
            return try await TokenResponse(created.token, secret: created.secret).encodeResponse(status: .created, for: req)
        }

        @Sendable func me(req: Request) async throws -> MeResponse {
            let user = try req.requireUser()
            return MeResponse(
                id: try user.requireID(),
                email: user.email,
                displayName: user.displayName,
                roles: user.roles.sorted().map(\.rawValue)
            )
        }

        @Sendable func listTokens(req: Request) async throws -> [TokenResponse] {
            try await APITokens.list(of: req.requireUser(), on: req.db).map { try TokenResponse($0) }
        }

        @Sendable func revokeToken(req: Request) async throws -> HTTPStatus {
            let user = try req.requireUser()
            guard let id = req.parameters.get(APITokenID.self)?.rawValue else {
                throw Abort(.badRequest, reason: "tokenID must be a UUID.")
            }
            guard try await APITokens.revoke(id, of: user, on: req.db) else {
                throw Abort(.notFound, reason: "No such token.")
            }
            return .noContent
        }
    }
}
