import Fluent
import RoundsCore
import Vapor

/// The couple's pages: link with a partner (who confirms), then rank pairs side by side with moves that
/// need no script. Every answer goes back to the page with what happened (a missing couple is 404).
struct CoupleRankListController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
        applicants.get(SiteRoute.coupleRankList, use: self.show)
        applicants.post(SiteRoute.coupleRankList, use: self.propose)
        applicants.post(SiteRoute.coupleConfirm, use: self.confirm)
        applicants.post(SiteRoute.coupleLeave, use: self.leave)
        applicants.post(SiteRoute.couplePairs, use: self.add)
        applicants.post(SiteRoute.couplePairsMove, use: self.move)
        applicants.post(SiteRoute.coupleCertify, use: self.certify)
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser(.applicant)
        let year = try await ResidencyController.year(req, user: user)
        return CoupleRankListPage(year: year, state: try await req.coupleRankLists.state(of: user, year: year), viewer: user, context: req.pageContext)
            .layout().page()
    }

    /// Runs `change`, then back to the page with its message, or with what was refused.
    private func act(_ req: Request, success: String, _ change: (User, Int) async throws -> Void) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let year = try await ResidencyController.year(req, user: user)
        let back = SiteRoute.coupleRankList.path(query: [("year", "\(year)")])
        do {
            try await change(user, year)
            return req.redirect(to: back, flash: Flash(kind: .success, message: success))
        } catch let report as ValidationReport {
            return req.redirect(to: back, flash: Flash(kind: .error, message: report.errors.map(\.message).joined(separator: " ")))
        } catch let abort as any AbortError where abort.status == .conflict {
            return req.redirect(to: back, flash: Flash(kind: .error, message: abort.reason))
        }
    }

    struct ProposeForm: Content {
        var partner_email: String?
    }

    /// Runs `change` for a form with typed text: a refusal shows the page again with what was typed under
    /// the reason (422); a conflict is a refusal of `field`.
    private func actKeepingInput(
        _ req: Request, success: String, typed: [String: String], field: String, _ change: (User, Int) async throws -> Void
    ) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let year = try await ResidencyController.year(req, user: user)
        var refusal: ValidationReport
        do {
            try await change(user, year)
            return req.redirect(to: SiteRoute.coupleRankList.path(query: [("year", "\(year)")]), flash: Flash(kind: .success, message: success))
        } catch let report as ValidationReport {
            refusal = report
        } catch let abort as any AbortError where abort.status == .conflict {
            refusal = ValidationReport([FieldError(field: field, message: abort.reason)])
        }
        let state = try await req.coupleRankLists.state(of: user, year: year)
        return try await CoupleRankListPage(year: year, state: state, viewer: user, context: req.pageContext, typed: typed, errors: refusal)
            .layout().page(status: .unprocessableEntity).encodeResponse(for: req)
    }

    @Sendable func propose(req: Request) async throws -> Response {
        let email = try req.content.decode(ProposeForm.self).partner_email ?? ""
        return try await self.actKeepingInput(
            req, success: "Asked. Your partner confirms on their couple's list page.", typed: ["partner_email": email], field: "partner_email"
        ) { user, year in
            _ = try await req.coupleRankLists.propose(user, year: year, partnerEmail: email)
        }
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        try await self.act(req, success: "Confirmed: you rank pairs together now.") { user, year in try await req.coupleRankLists.confirm(user, year: year) }
    }

    @Sendable func leave(req: Request) async throws -> Response {
        try await self.act(req, success: "You are no longer linked as a couple for this Match.") { user, year in _ = try await req.coupleRankLists.leave(user, year: year) }
    }

    struct PairForm: Content {
        var mine: String?
        var partners: String?
    }

    /// "none" (or empty) is NRMP's "no match" for that partner; anything else must be a program id.
    static func key(_ raw: String?) throws -> String? {
        guard let raw, !raw.isEmpty, raw != "none" else { return nil }
        guard let id = UUID(uuidString: raw) else { throw Abort(.badRequest, reason: "Choose a program from the list, or no match.") }
        return id.uuidString
    }

    @Sendable func add(req: Request) async throws -> Response {
        let form = try req.content.decode(PairForm.self)
        let mine = try Self.key(form.mine)
        let partners = try Self.key(form.partners)
        return try await self.act(req, success: "Pair added.") { user, year in
            try await req.coupleRankLists.change(user, year: year) { list, state throws(CoupleRankList.Refusal) in
                try list.add(state.pair(mine: mine, partners: partners), first: state.firstKeys, second: state.secondKeys)
            }
        }
    }

    struct MoveForm: Content {
        var rank: Int?
        var action: String?
        var position: String?
    }

    /// The move a form asks for: remove, up, down or to a position.
    static func move(_ form: MoveForm) throws -> (rank: Int, move: RankOrderList.Move) {
        guard let rank = form.rank else { throw Abort(.badRequest, reason: "Say which pair to move.") }
        switch form.action {
        case "remove": return (rank, .remove)
        case "up": return (rank, .up)
        case "down": return (rank, .down)
        case "to":
            guard let position = form.position.flatMap({ Int($0.trimmingWhitespace()) }), position >= 1 else {
                throw ValidationReport([FieldError(field: "position", message: "Enter the position as a whole number from 1.")])
            }
            return (rank, .to(position))
        default: throw Abort(.badRequest, reason: "Say remove, up, down or to.")
        }
    }

    @Sendable func move(req: Request) async throws -> Response {
        let form = try req.content.decode(MoveForm.self)
        return try await self.act(req, success: "Pairs saved.") { user, year in
            let (rank, move) = try Self.move(form)
            try await req.coupleRankLists.change(user, year: year) { list, _ throws(CoupleRankList.Refusal) in try list.apply(move, at: rank) }
        }
    }

    struct CertifyForm: Content {
        var name: String?
    }

    @Sendable func certify(req: Request) async throws -> Response {
        let name = try req.content.decode(CertifyForm.self).name ?? ""
        return try await self.actKeepingInput(
            req, success: "Certified. Your partner is told; the NRMP uses each partner's certified list.", typed: ["name": name], field: "name"
        ) { user, year in
            try await req.coupleRankLists.certify(user, year: year, typedName: name)
        }
    }
}
