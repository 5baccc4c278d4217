import Fluent
import RoundsCore
import Tagged
import Vapor

/// The rank order list as JSON: the list with its certification and deadline, replacing the whole order,
/// certifying, and the CSV.
struct RankListResponse: Content {
    struct Deadline: Content {
        var date: String
        var time: String?
        var source: String?
        var confidence: String
    }

    struct Certification: Content {
        var state: String
        var certifiedAt: Date?
        var certifiedBy: String?

        enum CodingKeys: String, CodingKey {
            case state
            case certifiedAt = "certified_at"
            case certifiedBy = "certified_by"
        }

        init(_ certification: RankOrderList.Certification) {
            switch certification {
            case .never: self.state = "never"
            case .current(let at, let name): (self.state, self.certifiedAt, self.certifiedBy) = ("current", at, name)
            case .stale(let at, let name): (self.state, self.certifiedAt, self.certifiedBy) = ("stale", at, name)
            }
        }
    }

    struct Entry: Content {
        var rank: Int
        var program: ResidencyProgramResponse
        /// The supplemental PGY-1 list linked to this program, best first.
        var supplemental: [ResidencyProgramResponse]
    }

    var matchYear: Int
    var maximumRanks: Int
    var deadline: Deadline?
    var closed: Bool
    var certification: Certification
    var ranked: [Entry]
    /// Programs on the list for the year that could be ranked (not withdrawn or rejected).
    var rankable: [ResidencyProgramResponse]

    enum CodingKeys: String, CodingKey {
        case deadline, closed, certification, ranked, rankable
        case matchYear = "match_year"
        case maximumRanks = "maximum_ranks"
    }

    init(_ state: RankListState) throws {
        self.matchYear = state.matchYear
        self.maximumRanks = state.list.maximumRanks
        self.deadline = state.deadline.map {
            Deadline(date: $0.day.iso, time: $0.timeText, source: $0.provenance.source, confidence: $0.provenance.confidence.rawValue)
        }
        self.closed = state.closed != nil
        self.certification = Certification(state.certification)
        self.ranked = try state.ranked.enumerated().map { index, program in
            let supplemental = state.supplemental(of: program)
            return Entry(rank: index + 1, program: try ResidencyProgramResponse(program), supplemental: try supplemental.map(ResidencyProgramResponse.init))
        }
        self.rankable = try state.rankable.map(ResidencyProgramResponse.init)
    }
}

extension API {
    struct RankListController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
            applicants.get(APIRoute.rankList, use: self.show)
            applicants.put(APIRoute.rankList, use: self.replace)
            applicants.put(APIRoute.rankListSupplemental, use: self.replaceSupplemental)
            applicants.post(APIRoute.rankListCertify, use: self.certify)
            applicants.get(APIRoute.rankListCSV, use: self.csv)
            applicants.get(APIRoute.rankListSimulation, use: self.simulate)
            applicants.get(APIRoute.rankListAdvisors, use: self.shares)
            applicants.post(APIRoute.rankListAdvisors, use: self.share)
            applicants.delete(APIRoute.rankListAdvisor(.key), use: self.unshare)
            let advisors = routes.grouped(SignInRequired(roles: [.advisor]))
            advisors.get(APIRoute.advisorRankLists, use: self.sharedLists)
            advisors.get(APIRoute.advisorRankList(.key), use: self.sharedList)
        }

        struct ShareResponse: Content {
            var id: UUID
            var applicant: String
            var advisor: String
            var since: Date
        }

        static func share(_ share: RankListShare) throws -> ShareResponse {
            ShareResponse(id: try share.requireID(), applicant: share.owner.displayName, advisor: share.advisor.displayName, since: share.createdAt)
        }

        @Sendable func shares(req: Request) async throws -> [ShareResponse] {
            let user = try req.requireUser(.applicant)
            return try await RankListShare.shares(of: user, on: req.db).map(Self.share)
        }

        struct ShareBody: Content {
            var email: String
        }

        @Sendable func share(req: Request) async throws -> Response {
            let user = try req.requireUser(.applicant)
            let share = try await RankListShare.share(user, withAdvisor: try req.jsonBody(ShareBody.self).email, on: req.db, now: req.now)
            return try await Self.share(share).encodeResponse(status: .created, for: req)
        }

        @Sendable func unshare(req: Request) async throws -> HTTPStatus {
            let user = try req.requireUser(.applicant)
            try await RankListShare.owned(req.parameters.get(RankListShareID.self), by: user, on: req.db).delete(on: req.db)
            return .noContent
        }

        @Sendable func sharedLists(req: Request) async throws -> [ShareResponse] {
            let advisor = try req.requireUser(.advisor)
            return try await RankListShare.held(by: advisor, on: req.db).map(Self.share)
        }

        @Sendable func sharedList(req: Request) async throws -> RankListResponse {
            let advisor = try req.requireUser(.advisor)
            let share = try await RankListShare.held(req.parameters.get(RankListShareID.self), by: advisor, on: req.db)
            return try RankListResponse(try await req.rankLists.state(of: share, requested: try API.ResidencyController.requestedYear(req)))
        }

        @Sendable func simulate(req: Request) async throws -> SimulationResponse {
            let user = try req.requireUser(.applicant)
            let year = try await API.ResidencyController.year(req, user: user)
            guard let outcome = try await RankListSimulation.run(for: user, state: try await req.rankLists.state(of: user, year: year), req: req) else {
                throw ValidationReport([FieldError(field: "rank_list", message: "Rank at least one program to run the simulator.")])
            }
            return SimulationResponse(outcome)
        }

        @Sendable func show(req: Request) async throws -> RankListResponse {
            let user = try req.requireUser(.applicant)
            return try RankListResponse(try await req.rankLists.state(of: user, year: try await API.ResidencyController.year(req, user: user)))
        }

        struct OrderBody: Content {
            var programIDs: [UUID]

            enum CodingKeys: String, CodingKey {
                case programIDs = "program_ids"
            }
        }

        @Sendable func replace(req: Request) async throws -> RankListResponse {
            let user = try req.requireUser(.applicant)
            let year = try await API.ResidencyController.year(req, user: user)
            let keys = try req.jsonBody(OrderBody.self).programIDs.map(\.uuidString)
            try await req.rankLists.change(for: user, year: year) { list, open, _ throws(RankOrderList.Refusal) in
                try list.replace(with: keys, allowed: open)
            }
            return try RankListResponse(try await req.rankLists.state(of: user, year: year))
        }

        struct SupplementalBody: Content {
            var advancedID: UUID
            var programIDs: [UUID]

            enum CodingKeys: String, CodingKey {
                case advancedID = "advanced_id"
                case programIDs = "program_ids"
            }
        }

        /// Replaces the supplemental list linked to a ranked program; an empty list removes it.
        @Sendable func replaceSupplemental(req: Request) async throws -> RankListResponse {
            let user = try req.requireUser(.applicant)
            let year = try await API.ResidencyController.year(req, user: user)
            let body = try req.jsonBody(SupplementalBody.self)
            let advanced = body.advancedID.uuidString
            let keys = body.programIDs.map(\.uuidString)
            try await req.rankLists.changeSupplemental(for: user, year: year) { list, open, types throws(RankOrderList.SupplementalRefusal) in
                try list.replaceSupplemental(of: advanced, with: keys, allowed: open, types: types)
            }
            return try RankListResponse(try await req.rankLists.state(of: user, year: year))
        }

        struct CertifyBody: Content {
            var name: String
        }

        @Sendable func certify(req: Request) async throws -> RankListResponse {
            let user = try req.requireUser(.applicant)
            let year = try await API.ResidencyController.year(req, user: user)
            return try RankListResponse(try await req.rankLists.certify(user, year: year, typedName: try req.jsonBody(CertifyBody.self).name))
        }

        @Sendable func csv(req: Request) async throws -> Response {
            let user = try req.requireUser(.applicant)
            let year = try await API.ResidencyController.year(req, user: user)
            return Response.csv(RankListStore.csv(try await req.rankLists.state(of: user, year: year)))
        }
    }
}
