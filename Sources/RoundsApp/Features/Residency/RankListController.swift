import Fluent
import RoundsCore
import Tagged
import Vapor

/// The rank order list's pages: the list with moves that need no script (up, down, to position N, add,
/// remove), certification by typed name, and the CSV export.
struct RankListController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
        applicants.get(SiteRoute.rankList, use: self.show)
        applicants.post(SiteRoute.rankListMove, use: self.move)
        applicants.post(SiteRoute.rankListSupplemental, use: self.moveSupplemental)
        applicants.post(SiteRoute.rankListCertify, use: self.certify)
        applicants.get(SiteRoute.rankListCSV, use: self.csv)
        applicants.get(SiteRoute.rankListSimulation, use: self.simulate)
        applicants.post(SiteRoute.rankListAdvisors, use: self.share)
        applicants.post(SiteRoute.deleteRankListShare(.key), use: self.unshare)
        let advisors = routes.grouped(SignInRequired(roles: [.advisor]))
        advisors.get(SiteRoute.advisorRankLists, use: self.sharedLists)
        advisors.get(SiteRoute.advisorRankList(.key), use: self.sharedList)
    }

    struct ShareForm: Content {
        var email: String?
    }

    @Sendable func share(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let year = try await ResidencyController.year(req, user: user)
        let back = SiteRoute.rankList.path(query: [("year", "\(year)")])
        let email = try req.content.decode(ShareForm.self).email ?? ""
        do {
            let share = try await RankListShare.share(user, withAdvisor: email, on: req.db, now: req.now)
            return req.redirect(to: back, flash: Flash(kind: .success, message: "\(share.advisor.displayName) can now see your rank order lists."))
        } catch let report as ValidationReport {
            return try await Self.refused(req, user, year: year, report, typed: ["email": email])
        }
    }

    @Sendable func unshare(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let share = try await RankListShare.owned(req.parameters.get(RankListShareID.self), by: user, on: req.db)
        try await share.delete(on: req.db)
        return req.redirect(to: SiteRoute.rankList.path, flash: Flash(kind: .success, message: "\(share.advisor.displayName) can no longer see your lists."))
    }

    @Sendable func sharedLists(req: Request) async throws -> HTMLPage {
        let advisor = try req.requireUser(.advisor)
        return SharedRankListPages.list(try await RankListShare.held(by: advisor, on: req.db), context: req.pageContext).page()
    }

    @Sendable func sharedList(req: Request) async throws -> HTMLPage {
        let advisor = try req.requireUser(.advisor)
        let share = try await RankListShare.held(req.parameters.get(RankListShareID.self), by: advisor, on: req.db)
        return try SharedRankListPages.list(
            share, state: try await req.rankLists.state(of: share, requested: ResidencyController.requestedYear(req)), years: req.residency.calendar.matchYears,
            context: req.pageContext
        ).page()
    }

    @Sendable func simulate(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser(.applicant)
        let year = try await ResidencyController.year(req, user: user)
        let outcome = try await RankListSimulation.run(for: user, state: try await req.rankLists.state(of: user, year: year), req: req)
        return SimulationPage(year: year, outcome: outcome, context: req.pageContext).layout().page()
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser(.applicant)
        let year = try await ResidencyController.year(req, user: user)
        return RankListPage(
            state: try await req.rankLists.state(of: user, year: year), shares: try await RankListShare.shares(of: user, on: req.db), errors: ValidationReport(),
            context: req.pageContext
        ).layout().page()
    }

    struct MoveForm: Content {
        var program: String?
        var action: String?
        var position: String?
    }

    /// The move a form asks for, or what is wrong with it.
    static func move(_ form: MoveForm) throws -> (key: String, move: RankOrderList.Move) {
        guard let program = form.program, let id = UUID(uuidString: program) else { throw Abort(.badRequest, reason: "Say which program to move.") }
        let move: RankOrderList.Move
        switch form.action {
        case "add": move = .add
        case "remove": move = .remove
        case "up": move = .up
        case "down": move = .down
        case "to":
            guard let text = form.position, let position = Int(text.trimmingWhitespace()), position >= 1 else {
                throw ValidationReport([FieldError(field: "position", message: "Enter the position as a whole number from 1.")])
            }
            move = .to(position)
        default:
            throw Abort(.badRequest, reason: "Say add, remove, up, down or to.")
        }
        return (id.uuidString, move)
    }

    @Sendable func move(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let year = try await ResidencyController.year(req, user: user)
        let back = SiteRoute.rankList.path(query: [("year", "\(year)")])
        do {
            let (key, move) = try Self.move(try req.content.decode(MoveForm.self))
            try await req.rankLists.change(for: user, year: year) { list, open, _ throws(RankOrderList.Refusal) in
                guard open.contains(key) else { throw .notRanked }
                try list.apply(move, to: key)
            }
            return req.redirect(to: back, flash: Flash(kind: .success, message: "Rank order list saved."))
        } catch let report as ValidationReport {
            return req.redirect(to: back, flash: Flash(kind: .error, message: report.errors.map(\.message).joined(separator: " ")))
        }
    }

    struct SupplementalForm: Content {
        var advanced: String?
        var program: String?
        var action: String?
        var position: String?
    }

    /// Adds, removes or moves a program on the supplemental list of a ranked program.
    @Sendable func moveSupplemental(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let year = try await ResidencyController.year(req, user: user)
        let back = SiteRoute.rankList.path(query: [("year", "\(year)")])
        do {
            let form = try req.content.decode(SupplementalForm.self)
            guard let advanced = form.advanced.flatMap(UUID.init(uuidString:))?.uuidString else {
                throw Abort(.badRequest, reason: "Say which ranked program the supplemental list belongs to.")
            }
            let (key, move) = try Self.move(MoveForm(program: form.program, action: form.action, position: form.position))
            try await req.rankLists.changeSupplemental(for: user, year: year) { list, open, types throws(RankOrderList.SupplementalRefusal) in
                try list.applySupplemental(move, to: key, under: advanced, allowed: open, types: types)
            }
            return req.redirect(to: back, flash: Flash(kind: .success, message: "Supplemental list saved."))
        } catch let report as ValidationReport {
            return req.redirect(to: back, flash: Flash(kind: .error, message: report.errors.map(\.message).joined(separator: " ")))
        }
    }

    struct CertifyForm: Content {
        var name: String?
    }

    @Sendable func certify(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let year = try await ResidencyController.year(req, user: user)
        let form = try req.content.decode(CertifyForm.self)
        do {
            _ = try await req.rankLists.certify(user, year: year, typedName: form.name ?? "")
            return req.redirect(to: SiteRoute.rankList.path(query: [("year", "\(year)")]), flash: Flash(kind: .success, message: "Rank order list certified."))
        } catch let report as ValidationReport {
            return try await Self.refused(req, user, year: year, report, typed: ["name": form.name ?? ""])
        }
    }

    /// The rank list page again with the refusal over the form and what was typed in it (422).
    static func refused(_ req: Request, _ user: User, year: Int, _ report: ValidationReport, typed: [String: String]) async throws -> Response {
        try await RankListPage(
            state: try await req.rankLists.state(of: user, year: year), shares: try await RankListShare.shares(of: user, on: req.db), errors: report,
            typed: typed, context: req.pageContext
        ).layout()
            .page(status: .unprocessableEntity).encodeResponse(for: req)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let year = try await ResidencyController.year(req, user: user)
        return Response.csv(RankListStore.csv(try await req.rankLists.state(of: user, year: year)), fileName: "rank-order-list-\(year).csv")
    }
}
