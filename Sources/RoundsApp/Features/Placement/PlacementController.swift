import Fluent
import RoundsCore
import Tagged
import Vapor

/// Placement cycles in HTML. Rank lists are entered as numbers beside each choice (1 = first), so the
/// pages work without JavaScript.
struct PlacementController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let advisors = routes.grouped(SignInRequired(roles: [.advisor]))
        advisors.get(SiteRoute.advisorCycles, use: self.advisorIndex)
        advisors.post(SiteRoute.advisorCycles, use: self.create)
        advisors.get(SiteRoute.advisorCycle(.key), use: self.advisorShow)
        advisors.post(SiteRoute.runCycle(.key), use: self.run)
        advisors.post(SiteRoute.publishCycle(.key), use: self.publish)
        let participants = routes.grouped(SignInRequired(roles: [.applicant, .host]))
        participants.get(SiteRoute.cycles, use: self.index)
        participants.get(SiteRoute.placementCycle(.key), use: self.show)
        let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
        applicants.post(SiteRoute.cycleList(.key), use: self.saveList)
        applicants.post(SiteRoute.cyclePairs(.key), use: self.savePairs)
        applicants.post(SiteRoute.confirmPartner(.key), use: self.confirm)
        let hosts = routes.grouped(SignInRequired(roles: [.host]))
        hosts.get(SiteRoute.hostCycleSession(.key, .key), use: self.hostSession)
        hosts.post(SiteRoute.hostCycleSession(.key, .key), use: self.saveHostList)
    }

    struct CreateForm: Content {
        var name: String?
        var offerDays: String?
        var sessionIDs: [String]?

        enum CodingKeys: String, CodingKey {
            case name
            case offerDays = "offer_days"
            case sessionIDs = "session_ids"
        }
    }

    @Sendable func advisorIndex(req: Request) async throws -> HTMLPage {
        try await self.advisorIndexPage(req, draft: nil, errors: ValidationReport())
    }

    /// `draft` is a refused form, shown again as typed.
    private func advisorIndexPage(_ req: Request, draft: CreateForm?, errors: ValidationReport) async throws -> HTMLPage {
        let advisor = try req.requireUser(.advisor)
        let cycles = try await req.placementCycles.visibleCycles(for: advisor)
        let open = try await OpportunitySession.query(on: req.db)
            .join(Opportunity.self, on: \OpportunitySession.$opportunity.$id == \Opportunity.$id)
            .filter(Opportunity.self, \.$status == OpportunityStatus.published)
            .filter(\.$deadlineDay >= req.today.ordinal)
            .with(\.$opportunity) { $0.with(\.$site) }
            .sort(\.$startDay).limit(PlacementCycles.maximumSessions).all()
        let query = req.searchWords
        return PlacementPages.advisorIndex(cycles, openSessions: open, query: query, draft: draft, errors: errors, context: req.pageContext)
            .page(status: errors.isValid ? .ok : .unprocessableEntity)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let advisor = try req.requireUser(.advisor)
        let form = try req.content.decode(CreateForm.self)
        do {
            let cycle = try await req.placementCycles.create(
                by: advisor, name: form.name ?? "", sessionIDs: (form.sessionIDs ?? []).compactMap(UUID.init(uuidString:)),
                offerDays: Int(form.offerDays ?? "") ?? 0
            )
            return req.redirect(to: SiteRoute.advisorCycle(try cycle.requireTypedID()).path, flash: Flash(kind: .success, message: "Cycle opened. Applicants and hosts can rank now."))
        } catch let report as ValidationReport {
            return try await self.advisorIndexPage(req, draft: form, errors: report).encodeResponse(for: req)
        }
    }

    @Sendable func advisorShow(req: Request) async throws -> HTMLPage {
        let advisor = try req.requireUser(.advisor)
        let cycle = try await req.placementCycles.ownCycle(try req.placementCycleID(), advisor: advisor)
        let response = try await req.placementCycles.response(cycle, for: advisor)
        let lists = try await PlacementApplicantList.query(on: req.db).filter(\.$cycle.$id == cycle.requireID()).count()
        let hostLists = try await PlacementHostList.query(on: req.db).filter(\.$cycle.$id == cycle.requireID()).count()
        return PlacementPages.advisorCycle(response, applicantLists: lists, hostLists: hostLists, context: req.pageContext).page()
    }

    @Sendable func run(req: Request) async throws -> Response {
        let advisor = try req.requireUser(.advisor)
        let cycle = try await req.placementCycles.ownCycle(try req.placementCycleID(), advisor: advisor)
        let summary = try await req.placementCycles.run(cycle)
        let message = "Matched \(summary.matched), unmatched \(summary.unmatched)" + (summary.pairsLeftOut > 0 ? "; \(summary.pairsLeftOut) unconfirmed pair(s) left out." : ".")
        return req.redirect(to: SiteRoute.advisorCycle(try cycle.requireTypedID()).path, flash: Flash(kind: .success, message: message))
    }

    @Sendable func publish(req: Request) async throws -> Response {
        let advisor = try req.requireUser(.advisor)
        let cycle = try await req.placementCycles.ownCycle(try req.placementCycleID(), advisor: advisor)
        let summary = try await req.placementCycles.publish(cycle)
        let message = "Published: \(summary.offered) offer(s) made" + (summary.skipped > 0 ? ", \(summary.skipped) already had a live application." : ".")
        return req.redirect(to: SiteRoute.advisorCycle(try cycle.requireTypedID()).path, flash: Flash(kind: .success, message: message))
    }

    @Sendable func index(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser()
        return PlacementPages.participantIndex(try await req.placementCycles.visibleCycles(for: user), context: req.pageContext).page()
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        try await self.showPage(req, errors: ValidationReport())
    }

    /// `typed` holds a refused submission's fields, shown again as typed.
    private func showPage(_ req: Request, errors: ValidationReport, typed: [String: String]? = nil) async throws -> HTMLPage {
        let user = try req.requireUser()
        let cycle = try await req.placementCycle()
        let response = try await req.placementCycles.response(cycle, for: user)
        let namedBy = user.has(.applicant)
            ? try await PlacementApplicantList.query(on: req.db).filter(\.$cycle.$id == cycle.requireID()).filter(\.$partner.$id == user.requireID()).with(\.$applicant).first()
            : nil
        var partnerEmail: String?
        if let partnerID = response.myList?.partnerID { partnerEmail = try await User.find(partnerID, on: req.db)?.email }
        let hostSessions = user.has(.host) ? try await req.placementCycles.sessions(of: cycle).filter { $0.opportunity.site.$host.id == user.id } : []
        return PlacementPages.cycle(
            response, isApplicant: user.has(.applicant), namedBy: namedBy, partnerEmail: partnerEmail, hostSessions: hostSessions, typed: typed, errors: errors,
            context: req.pageContext
        ).page(status: errors.isValid ? .ok : .unprocessableEntity)
    }

    @Sendable func saveList(req: Request) async throws -> Response {
        let applicant = try req.requireUser(.applicant)
        let cycle = try await req.placementCycle()
        let fields = try req.content.decode([String: String].self)
        do {
            let ranked = try Self.ranked(fields).get()
            try await req.placementCycles.saveApplicantList(cycle, by: applicant, choices: .single(ranked), partnerEmail: nil)
        } catch let report as ValidationReport {
            return try await self.showPage(req, errors: report, typed: fields).encodeResponse(for: req)
        }
        return req.redirect(to: SiteRoute.placementCycle(try cycle.requireTypedID()).path, flash: Flash(kind: .success, message: "Your rank list is saved."))
    }

    /// A couple's pairs from the page's rows; the partner is told and confirms on the same page.
    @Sendable func savePairs(req: Request) async throws -> Response {
        let applicant = try req.requireUser(.applicant)
        let cycle = try await req.placementCycle()
        let fields = try req.content.decode([String: String].self)
        do {
            let rows = (0..<PlacementChoices.maximumLength).compactMap { index -> PairRows.Row? in
                guard let rank = fields["pair_rank_\(index)"] else { return nil }
                return PairRows.Row(rank: rank, mine: fields["pair_mine_\(index)"] ?? "", partners: fields["pair_partner_\(index)"] ?? "")
            }
            let pairs = try PairRows.pairs(rows).get()
            try await req.placementCycles.saveApplicantList(cycle, by: applicant, choices: .couple(pairs), partnerEmail: fields["partner_email"])
        } catch let report as ValidationReport {
            return try await self.showPage(req, errors: report, typed: fields).encodeResponse(for: req)
        }
        return req.redirect(
            to: SiteRoute.placementCycle(try cycle.requireTypedID()).path,
            flash: Flash(kind: .success, message: "Your pairs are saved. Your partner has been asked to confirm them.")
        )
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        let applicant = try req.requireUser(.applicant)
        let cycle = try await req.placementCycle()
        try await req.placementCycles.confirmPartnership(cycle, by: applicant)
        return req.redirect(to: SiteRoute.placementCycle(try cycle.requireTypedID()).path, flash: Flash(kind: .success, message: "You will be matched as a pair."))
    }

    @Sendable func hostSession(req: Request) async throws -> HTMLPage {
        try await self.hostSessionPage(req, errors: ValidationReport())
    }

    private func hostSessionPage(_ req: Request, errors: ValidationReport) async throws -> HTMLPage {
        let host = try req.requireUser(.host)
        let cycle = try await req.placementCycle()
        let session = try await req.placementCycles.hostSession(cycle, try req.placementSessionID(), host: host)
        let applicants = try await req.placementCycles.applicants(ranking: session, in: cycle)
        let ranking = try await req.placementCycles.hostList(cycle, session: session)
        return PlacementPages.hostSession(cycle, session: session, applicants: applicants, ranking: ranking, errors: errors, context: req.pageContext)
            .page(status: errors.isValid ? .ok : .unprocessableEntity)
    }

    @Sendable func saveHostList(req: Request) async throws -> Response {
        let host = try req.requireUser(.host)
        let cycle = try await req.placementCycle()
        let session = try await req.placementCycles.hostSession(cycle, try req.placementSessionID(), host: host)
        do {
            let ranked = try Self.ranked(try req.content.decode([String: String].self)).get()
            try await req.placementCycles.saveHostList(cycle, session: session, applicantIDs: ranked)
        } catch let report as ValidationReport {
            return try await self.hostSessionPage(req, errors: report).encodeResponse(for: req)
        }
        return req.redirect(
            to: SiteRoute.hostCycleSession(try cycle.requireTypedID(), try session.requireTypedID()).path, flash: Flash(kind: .success, message: "Your rank list is saved.")
        )
    }

    /// Fields `rank_<id>` with a number, ordered by that number; blank ones are not ranked, and a
    /// number that is not a rank (a word, 0, past the last choice, given twice) refuses the form.
    static func ranked(_ fields: [String: String]) -> Result<[UUID], ValidationReport> {
        let entries = fields.compactMap { key, value -> (id: UUID, typed: String)? in
            guard key.hasPrefix("rank_"), let id = UUID(uuidString: String(key.dropFirst(5))) else { return nil }
            return (id, value)
        }
        return RankNumbers.order(entries.sorted { $0.id.uuidString < $1.id.uuidString })
    }
}
