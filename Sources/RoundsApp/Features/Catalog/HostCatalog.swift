import Fluent
import RoundsCore
import Vapor

/// The host's side of the catalog, over a database: only a site's own host may change it, and every
/// change bumps the catalog version in the same transaction so every instance's search sees it.
struct HostCatalog {
    let db: any Database
    let host: User
    let today: Day
    var now = Date()

    func sites() async throws -> [Site] {
        try await Site.query(on: self.db).filter(\.$host.$id == self.host.requireID()).with(\.$opportunities).sort(\.$name).all()
    }

    /// Every session of the host's opportunities, soonest first (for the inbox filter).
    func sessions() async throws -> [OpportunitySession] {
        try await OpportunitySession.query(on: self.db)
            .join(Opportunity.self, on: \OpportunitySession.$opportunity.$id == \Opportunity.$id)
            .join(Site.self, on: \Opportunity.$site.$id == \Site.$id)
            .filter(Site.self, \.$host.$id == self.host.requireID())
            .with(\.$opportunity)
            .sort(\.$startDay)
            .all()
    }

    /// The host's own site, or nil (another host's site is as good as absent).
    func site(_ id: UUID) async throws -> Site? {
        try await Site.query(on: self.db).filter(\.$id == id).filter(\.$host.$id == self.host.requireID()).first()
    }

    func opportunity(_ id: UUID) async throws -> Opportunity? {
        guard let opportunity = try await Opportunity.query(on: self.db).filter(\.$id == id).with(\.$site).with(\.$sessions).first(),
            opportunity.site.$host.id == (try self.host.requireID())
        else { return nil }
        return opportunity
    }

    func createSite(_ draft: SiteDraft) async throws -> Site {
        let checked = try draft.parse(stateOfZIP: { ZIPCodes.directory.place($0)?.state }).get()
        let coordinate = ZIPCodes.directory.place(checked.zip)!.coordinate
        let site = Site(
            hostID: try self.host.requireID(), name: checked.name, kind: checked.kind, street: checked.street, city: checked.city,
            state: checked.state, zip: checked.zip, coordinate: coordinate, website: checked.website, isVerified: false
        )
        try await site.create(on: self.db)
        return site
    }

    func createOpportunity(at site: Site, _ draft: OpportunityDraft) async throws -> Opportunity {
        let checked = try draft.parse().get()
        let opportunity = Opportunity()
        opportunity.$site.id = try site.requireID()
        opportunity.apply(checked)
        opportunity.status = OpportunityStatus.draft
        try await opportunity.create(on: self.db)  // a draft: not in search yet
        return opportunity
    }

    func update(_ opportunity: Opportunity, _ draft: OpportunityDraft) async throws {
        opportunity.apply(try draft.parse().get())
        try await CatalogVersion.changing(on: self.db, touching: [.opportunity(try opportunity.requireID())]) { db in try await opportunity.save(on: db) }
    }

    /// Publishing needs at least one session still open for applications.
    func setStatus(_ opportunity: Opportunity, to status: OpportunityStatus) async throws {
        if status == .published && !opportunity.sessions.contains(where: { $0.deadlineDay >= self.today.ordinal }) {
            throw Abort(.unprocessableEntity, reason: "Add a session that is still open for applications before publishing.")
        }
        if status == .published && opportunity.status != .published { opportunity.listedAt = self.now }
        opportunity.status = status
        try await CatalogVersion.changing(on: self.db, touching: [.opportunity(try opportunity.requireID())]) { db in try await opportunity.save(on: db) }
    }

    /// Turns questions before applying on or off (not part of search, so the catalog version stays).
    func setQuestions(_ accepts: Bool, on opportunity: Opportunity) async throws {
        opportunity.acceptsQuestions = accepts
        try await opportunity.save(on: self.db)
    }

    /// The form's and the API's value for the question setting.
    static func questionSetting(_ raw: String?) throws -> Bool {
        switch raw {
        case "true": return true
        case "false": return false
        default: throw ValidationReport([FieldError(field: "accepts_questions", message: "Choose whether applicants may ask questions: true or false.")])
        }
    }

    func addSession(to opportunity: Opportunity, _ draft: SessionDraft) async throws {
        let checked = try draft.parse(today: self.today).get()
        let session = OpportunitySession(
            opportunityID: try opportunity.requireID(), start: checked.start, end: checked.end, deadline: checked.deadline, seats: checked.seats
        )
        try await CatalogVersion.changing(on: self.db, touching: [.opportunity(try opportunity.requireID())]) { db in try await session.create(on: db) }
    }

    /// Deletes one of the host's sessions; returns its opportunity's id, or nil when it is not theirs.
    func deleteSession(_ id: UUID) async throws -> UUID? {
        guard let session = try await OpportunitySession.query(on: self.db).filter(\.$id == id).with(\.$opportunity).first(),
            try await self.opportunity(session.opportunity.requireID()) != nil
        else { return nil }
        let opportunityID = session.$opportunity.id
        let applications = try await SessionApplication.query(on: self.db).filter(\.$session.$id == id).count()
        let cycles = try await PlacementCycleSession.query(on: self.db).filter(\.$session.$id == id).count()
        guard applications == 0, cycles == 0 else {
            throw Abort(
                .conflict,
                reason: "People have applied to this session or it is part of a placement cycle, so it stays; archive the opportunity to stop new applications."
            )
        }
        try await CatalogVersion.changing(on: self.db, touching: [.opportunity(opportunityID)]) { db in try await session.delete(on: db) }
        return opportunityID
    }
}

extension Request {
    func hostCatalog() throws -> HostCatalog {
        HostCatalog(db: self.db, host: try self.requireUser(.host), today: self.today, now: self.now)
    }
}
