import Fluent
import RoundsCore
import Vapor

extension API {
    /// Placement cycles over JSON: advisors open, run and publish; applicants and hosts submit rank lists.
    struct PlacementController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let anyone = routes.grouped(SignInRequired(roles: [.applicant, .host, .advisor]))
            anyone.get(APIRoute.cycles, use: self.index)
            anyone.get(APIRoute.cycle(.key), use: self.show)
            let advisors = routes.grouped(SignInRequired(roles: [.advisor]))
            advisors.post(APIRoute.cycles, use: self.create)
            advisors.post(APIRoute.runCycle(.key), use: self.run)
            advisors.post(APIRoute.publishCycle(.key), use: self.publish)
            let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
            applicants.put(APIRoute.cycleList(.key), use: self.saveList)
            applicants.post(APIRoute.confirmPartner(.key), use: self.confirm)
            let hosts = routes.grouped(SignInRequired(roles: [.host]))
            hosts.get(APIRoute.cycleSessionApplicants(.key, .key), use: self.sessionApplicants)
            hosts.put(APIRoute.cycleSessionList(.key, .key), use: self.saveHostList)
        }

        struct CreateBody: Content {
            var name: String
            var sessionIDs: [UUID]
            var offerDays: Int?

            enum CodingKeys: String, CodingKey {
                case name
                case sessionIDs = "session_ids"
                case offerDays = "offer_days"
            }
        }

        struct ListBody: Content {
            var sessionIDs: [UUID]?
            var partnerEmail: String?
            var pairs: [[UUID?]]?

            enum CodingKeys: String, CodingKey {
                case pairs
                case sessionIDs = "session_ids"
                case partnerEmail = "partner_email"
            }

            func choices() throws -> PlacementChoices {
                if let pairs {
                    guard self.sessionIDs == nil, pairs.allSatisfy({ $0.count == 2 }) else {
                        throw ValidationReport([FieldError(field: "pairs", message: "Give pairs as [your session, your partner's session] (null for unplaced), and no session_ids.")])
                    }
                    return .couple(pairs.map { PlacementChoices.Pair(mine: $0[0], partners: $0[1]) })
                }
                guard let sessionIDs else { throw ValidationReport([FieldError(field: "session_ids", message: "Rank sessions, best first.")]) }
                return .single(sessionIDs)
            }
        }

        struct HostListBody: Content {
            var applicantIDs: [UUID]

            enum CodingKeys: String, CodingKey {
                case applicantIDs = "applicant_ids"
            }
        }

        struct SessionApplicantsResponse: Content {
            struct Applicant: Content {
                var id: UUID
                var displayName: String

                enum CodingKeys: String, CodingKey {
                    case id
                    case displayName = "display_name"
                }
            }
            var applicants: [Applicant]
            var ranking: [UUID]
        }

        struct CycleSummary: Content {
            var id: UUID
            var name: String
            var status: PlacementCycle.Status
        }

        @Sendable func index(req: Request) async throws -> [CycleSummary] {
            try await req.placementCycles.visibleCycles(for: try req.requireUser()).map { CycleSummary(id: try $0.requireID(), name: $0.name, status: $0.status) }
        }

        @Sendable func show(req: Request) async throws -> PlacementCycleResponse {
            let user = try req.requireUser()
            let cycle = try await req.placementCycle()
            if user.has(.advisor) && !user.has(.applicant) && !user.has(.host) && cycle.$advisor.id != user.id {
                throw Abort(.notFound, reason: "No such placement cycle of yours.")
            }
            return try await req.placementCycles.response(cycle, for: user)
        }

        @Sendable func create(req: Request) async throws -> Response {
            let advisor = try req.requireUser(.advisor)
            let body = try req.jsonBody(CreateBody.self)
            let cycle = try await req.placementCycles.create(by: advisor, name: body.name, sessionIDs: body.sessionIDs, offerDays: body.offerDays ?? 7)
            return try await req.placementCycles.response(cycle, for: advisor).encodeResponse(status: .created, for: req)
        }

        @Sendable func run(req: Request) async throws -> PlacementCycles.RunSummary {
            let advisor = try req.requireUser(.advisor)
            return try await req.placementCycles.run(try await req.placementCycles.ownCycle(try req.placementCycleID(), advisor: advisor))
        }

        @Sendable func publish(req: Request) async throws -> PlacementCycles.PublishSummary {
            let advisor = try req.requireUser(.advisor)
            return try await req.placementCycles.publish(try await req.placementCycles.ownCycle(try req.placementCycleID(), advisor: advisor))
        }

        @Sendable func saveList(req: Request) async throws -> PlacementCycleResponse {
            let applicant = try req.requireUser(.applicant)
            let cycle = try await req.placementCycle()
            let body = try req.jsonBody(ListBody.self)
            try await req.placementCycles.saveApplicantList(cycle, by: applicant, choices: try body.choices(), partnerEmail: body.partnerEmail)
            return try await req.placementCycles.response(cycle, for: applicant)
        }

        @Sendable func confirm(req: Request) async throws -> PlacementCycleResponse {
            let applicant = try req.requireUser(.applicant)
            let cycle = try await req.placementCycle()
            try await req.placementCycles.confirmPartnership(cycle, by: applicant)
            return try await req.placementCycles.response(cycle, for: applicant)
        }

        @Sendable func sessionApplicants(req: Request) async throws -> SessionApplicantsResponse {
            let host = try req.requireUser(.host)
            let cycle = try await req.placementCycle()
            let session = try await req.placementCycles.hostSession(cycle, try req.placementSessionID(), host: host)
            let applicants = try await req.placementCycles.applicants(ranking: session, in: cycle)
            return SessionApplicantsResponse(
                applicants: try applicants.map { .init(id: try $0.requireID(), displayName: $0.displayName) },
                ranking: try await req.placementCycles.hostList(cycle, session: session)
            )
        }

        @Sendable func saveHostList(req: Request) async throws -> SessionApplicantsResponse {
            let host = try req.requireUser(.host)
            let cycle = try await req.placementCycle()
            let session = try await req.placementCycles.hostSession(cycle, try req.placementSessionID(), host: host)
            let body = try req.jsonBody(HostListBody.self)
            try await req.placementCycles.saveHostList(cycle, session: session, applicantIDs: body.applicantIDs)
            return try await self.sessionApplicants(req: req)
        }
    }
}
