import Fluent
import RoundsCore
import Vapor

extension API {
    /// Applications over JSON: applicants create, edit and act on theirs; hosts review theirs.
    struct ApplicationsController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
            applicants.get(APIRoute.applications, use: self.index)
            applicants.post(APIRoute.applications, use: self.create)
            applicants.put(APIRoute.application(.key), use: self.update)
            let parties = routes.grouped(SignInRequired(roles: [.applicant, .host]))
            parties.get(APIRoute.application(.key), use: self.show)
            parties.post(APIRoute.applicationAction(.key, .key), use: self.act)
            let hosts = routes.grouped(SignInRequired(roles: [.host]))
            hosts.get(APIRoute.hostApplications, use: self.inbox)
            hosts.post(APIRoute.hostBulkReject, use: self.bulkReject)
        }

        struct ApplicationBody: Content {
            var sessionID: UUID?
            var statement: String
            var documentIDs: [UUID]?
            var confirmedRequirements: [String]?
            var submit: Bool?

            enum CodingKeys: String, CodingKey {
                case statement, submit
                case sessionID = "session_id"
                case documentIDs = "document_ids"
                case confirmedRequirements = "confirmed_requirements"
            }

            func input() throws -> ApplicationInput {
                var confirmed: Set<Requirement> = []
                for raw in self.confirmedRequirements ?? [] {
                    guard let requirement = Requirement(rawValue: raw) else {
                        throw ValidationReport([
                            FieldError(field: "confirmed_requirements", message: "Unknown requirement “\(raw)”; use " + Requirement.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                        ])
                    }
                    confirmed.insert(requirement)
                }
                return ApplicationInput(statement: self.statement, documentIDs: self.documentIDs ?? [], confirmedRequirements: confirmed)
            }
        }

        struct ActionBody: Content {
            var note: String?
            var expiresInDays: Int?

            enum CodingKeys: String, CodingKey {
                case note
                case expiresInDays = "expires_in_days"
            }
        }

        struct BulkRejectBody: Content {
            var applicationIDs: [UUID]
            var note: String?

            enum CodingKeys: String, CodingKey {
                case note
                case applicationIDs = "application_ids"
            }
        }

        struct BulkRejectResponse: Content {
            struct Skipped: Content {
                var id: UUID
                var reason: String
            }
            var rejected: [UUID]
            var skipped: [Skipped]
        }

        @Sendable func index(req: Request) async throws -> [ApplicationResponse] {
            let user = try req.requireUser(.applicant)
            return try await ApplicationQueries.summaries(try await ApplicationQueries.mine(user, on: req.db), viewer: user, on: req.db)
        }

        @Sendable func create(req: Request) async throws -> Response {
            let user = try req.requireUser(.applicant)
            let body = try req.jsonBody(ApplicationBody.self)
            guard let sessionID = body.sessionID else {
                throw ValidationReport([FieldError(field: "session_id", message: "Say which session you apply to.")])
            }
            let id = try await req.applicationDrafting.create(by: user, sessionID: sessionID, try body.input(), submit: body.submit ?? false)
            return try await self.answer(id, viewer: user, req).encodeResponse(status: .created, for: req)
        }

        @Sendable func update(req: Request) async throws -> ApplicationResponse {
            let user = try req.requireUser(.applicant)
            let loaded = try await LoadedApplication.visible(req, to: user)
            guard loaded.parties(of: user).contains(.applicant) else { throw ApplicationWorkflow.notFound }
            let body = try req.jsonBody(ApplicationBody.self)
            try await req.applicationDrafting.update(loaded, by: user, try body.input())
            // The draft's row was saved in place; submitting reloads it.
            let current = body.submit == true
                ? try await req.applicationWorkflow.perform(.init(action: .submit), on: try loaded.application.requireID(), by: .user(user)) : loaded
            return try await ApplicationQueries.detail(current, viewer: user, on: req.db)
        }

        @Sendable func show(req: Request) async throws -> ApplicationResponse {
            let user = try req.requireUser()
            return try await ApplicationQueries.detail(try await LoadedApplication.visible(req, to: user), viewer: user, on: req.db)
        }

        @Sendable func act(req: Request) async throws -> ApplicationResponse {
            let user = try req.requireUser()
            let id = try await LoadedApplication.visible(req, to: user).application.requireID()
            guard let action = req.parameters.get(ApplicationAction.self) else {
                throw Abort(.notFound, reason: "No such action; use one of " + ApplicationAction.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            let body = try req.jsonBody(ActionBody.self, orWhenEmpty: ActionBody())
            let change = ApplicationWorkflow.Change(action: action, note: body.note ?? "", expiresInDays: body.expiresInDays)
            let changed = try await req.applicationWorkflow.perform(change, on: id, by: .user(user))
            return try await ApplicationQueries.detail(changed, viewer: user, on: req.db)
        }

        @Sendable func inbox(req: Request) async throws -> [ApplicationResponse] {
            let host = try req.requireUser(.host)
            let filter = try InboxFilter.decode(req, emptyMeansAny: false)
            let list = try await ApplicationQueries.inbox(host, session: filter.sessionID, status: filter.status, on: req.db)
            return try await ApplicationQueries.summaries(list, viewer: host, on: req.db)
        }

        @Sendable func bulkReject(req: Request) async throws -> BulkRejectResponse {
            let host = try req.requireUser(.host)
            let body = try req.jsonBody(BulkRejectBody.self)
            let outcome = try await HostReview(workflow: req.applicationWorkflow, host: host).reject(body.applicationIDs, note: body.note ?? "")
            return BulkRejectResponse(rejected: outcome.rejected, skipped: outcome.skipped.map { .init(id: $0.id, reason: $0.reason) })
        }

        private func answer(_ id: UUID, viewer: User, _ req: Request) async throws -> ApplicationResponse {
            guard let loaded = try await LoadedApplication.load(id, on: req.db) else { throw ApplicationWorkflow.notFound }
            return try await ApplicationQueries.detail(loaded, viewer: viewer, on: req.db)
        }
    }
}
