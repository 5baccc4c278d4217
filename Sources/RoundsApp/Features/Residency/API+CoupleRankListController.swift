import Fluent
import RoundsCore
import Vapor

/// A couple's list as JSON, from the caller's side: their program first in each pair.
struct CoupleRankListResponse: Content {
    struct Pair: Content {
        var rank: Int
        /// The caller's program; absent for "no match".
        var mine: ResidencyProgramResponse?
        var partners: ResidencyProgramResponse?
    }

    struct Partner: Content {
        var id: UUID
        var displayName: String

        enum CodingKeys: String, CodingKey {
            case id
            case displayName = "display_name"
        }
    }

    var matchYear: Int
    /// `none`, `asked` (the caller asked and waits), `asking` (the partner asked the caller), `linked`.
    var state: String
    var partner: Partner?
    var maximumPairs: Int
    var closed: Bool
    var pairs: [Pair]
    /// Each partner's certification of the pairs; absent until the couple is linked.
    var myCertification: RankListResponse.Certification?
    var partnerCertification: RankListResponse.Certification?

    enum CodingKeys: String, CodingKey {
        case state, partner, closed, pairs
        case matchYear = "match_year"
        case maximumPairs = "maximum_pairs"
        case myCertification = "my_certification"
        case partnerCertification = "partner_certification"
    }

    init(year: Int, state: CoupleRankState?, maximumPairs: Int) throws {
        self.matchYear = year
        self.maximumPairs = maximumPairs
        guard let state else {
            (self.state, self.partner, self.closed, self.pairs) = ("none", nil, false, [])
            return
        }
        self.state = state.confirmed ? "linked" : state.viewerProposed ? "asked" : "asking"
        self.partner = Partner(id: try state.partner.requireID(), displayName: state.partner.displayName)
        self.closed = state.closed != nil
        if state.confirmed {
            self.myCertification = .init(state.myCertification)
            self.partnerCertification = .init(state.partnerCertification)
        }
        self.pairs = try state.rows.enumerated().map { index, row in
            Pair(rank: index + 1, mine: try row.mine.map(ResidencyProgramResponse.init), partners: try row.partners.map(ResidencyProgramResponse.init))
        }
    }
}

extension API {
    /// Couples over JSON: ask, confirm, end, and replace the pairs.
    struct CoupleRankListController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
            applicants.get(APIRoute.rankListCouple, use: self.show)
            applicants.post(APIRoute.rankListCouple, use: self.propose)
            applicants.delete(APIRoute.rankListCouple, use: self.leave)
            applicants.post(APIRoute.rankListCoupleConfirmation, use: self.confirm)
            applicants.put(APIRoute.rankListCouplePairs, use: self.replace)
            applicants.post(APIRoute.rankListCoupleCertification, use: self.certify)
        }

        private func answer(_ req: Request, _ user: User, year: Int) async throws -> CoupleRankListResponse {
            try CoupleRankListResponse(
                year: year, state: try await req.coupleRankLists.state(of: user, year: year), maximumPairs: req.residency.fees.nrmp.maximumRanks)
        }

        @Sendable func show(req: Request) async throws -> CoupleRankListResponse {
            let user = try req.requireUser(.applicant)
            return try await self.answer(req, user, year: try await API.ResidencyController.year(req, user: user))
        }

        struct ProposeBody: Content {
            var partnerEmail: String

            enum CodingKeys: String, CodingKey {
                case partnerEmail = "partner_email"
            }
        }

        @Sendable func propose(req: Request) async throws -> Response {
            let user = try req.requireUser(.applicant)
            let year = try await API.ResidencyController.year(req, user: user)
            _ = try await req.coupleRankLists.propose(user, year: year, partnerEmail: try req.jsonBody(ProposeBody.self).partnerEmail)
            return try await self.answer(req, user, year: year).encodeResponse(status: .created, for: req)
        }

        @Sendable func confirm(req: Request) async throws -> CoupleRankListResponse {
            let user = try req.requireUser(.applicant)
            let year = try await API.ResidencyController.year(req, user: user)
            try await req.coupleRankLists.confirm(user, year: year)
            return try await self.answer(req, user, year: year)
        }

        @Sendable func leave(req: Request) async throws -> HTTPStatus {
            let user = try req.requireUser(.applicant)
            _ = try await req.coupleRankLists.leave(user, year: try await API.ResidencyController.year(req, user: user))
            return .noContent
        }

        struct PairsBody: Content {
            struct Pair: Content {
                var mine: UUID?
                var partners: UUID?
            }

            var pairs: [Pair]
        }

        /// Replaces every pair, in order; `null` on a side is "no match".
        @Sendable func replace(req: Request) async throws -> CoupleRankListResponse {
            let user = try req.requireUser(.applicant)
            let year = try await API.ResidencyController.year(req, user: user)
            let body = try req.jsonBody(PairsBody.self)
            try await req.coupleRankLists.change(user, year: year) { list, state throws(CoupleRankList.Refusal) in
                try list.replace(
                    with: body.pairs.map { state.pair(mine: $0.mine?.uuidString, partners: $0.partners?.uuidString) }, first: state.firstKeys, second: state.secondKeys)
            }
            return try await self.answer(req, user, year: year)
        }
    
        struct CertifyBody: Content {
            var name: String
        }

        /// The caller certifies the pairs as they stand by typing their own name.
        @Sendable func certify(req: Request) async throws -> CoupleRankListResponse {
            let user = try req.requireUser(.applicant)
            let year = try await API.ResidencyController.year(req, user: user)
            try await req.coupleRankLists.certify(user, year: year, typedName: try req.jsonBody(CertifyBody.self).name)
            return try await self.answer(req, user, year: year)
        }
    }
}
