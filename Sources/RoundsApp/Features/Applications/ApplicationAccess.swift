import Fluent
import RoundsCore
import Tagged
import Vapor

/// An application with everything deciding who may see and change it: its session, opportunity, site
/// (whose host reviews it) and applicant.
struct LoadedApplication {
    let application: SessionApplication

    var session: OpportunitySession { self.application.session }
    var opportunity: Opportunity { self.application.session.opportunity }
    var site: Site { self.opportunity.site }
    var host: User { self.site.host }
    var applicant: User { self.application.applicant }
    var status: ApplicationStatus { self.application.status }

    /// The parties `user` can act as: the owner is the applicant; the site's host is the host, once the
    /// application has been submitted (drafts are the applicant's own business).
    func parties(of user: User) -> [ApplicationParty] {
        var parties: [ApplicationParty] = []
        if self.application.$applicant.id == user.id { parties.append(.applicant) }
        if self.site.$host.id == user.id && user.has(.host) && self.status != .draft { parties.append(.host) }
        return parties
    }

    static func load(_ id: UUID, on db: any Database) async throws -> LoadedApplication? {
        try await Self.query(on: db).filter(\.$id == id).first().map(LoadedApplication.init)
    }

    /// Applications with their session, opportunity, site, host and applicant loaded.
    static func query(on db: any Database) -> QueryBuilder<SessionApplication> {
        SessionApplication.query(on: db)
            .with(\.$applicant)
            .with(\.$session) { session in
                session.with(\.$opportunity) { opportunity in opportunity.with(\.$site) { site in site.with(\.$host) } }
            }
    }

    /// The application if `user` may see it (as applicant or host); nil otherwise, which callers answer
    /// with 404 so other people's applications are indistinguishable from missing ones.
    static func visible(_ id: UUID, to user: User, on db: any Database) async throws -> LoadedApplication? {
        guard let loaded = try await Self.load(id, on: db), !loaded.parties(of: user).isEmpty else { return nil }
        return loaded
    }
}

extension LoadedApplication {
    /// The application the route's `applicationID` names, if `user` may see it; 404 otherwise.
    static func visible(_ req: Request, to user: User) async throws -> LoadedApplication {
        guard let id = req.parameters.get(ApplicationID.self)?.rawValue, let loaded = try await Self.visible(id, to: user, on: req.db) else {
            throw ApplicationWorkflow.notFound
        }
        return loaded
    }
}

extension TransitionRefusal {
    /// The HTTP answer to a refused transition.
    var abort: any Error {
        switch self {
        case .notYours: Abort(.forbidden, reason: self.message)
        case .reasonRequired: ValidationReport([FieldError(field: "note", message: self.message)])
        case .expiryRequired: ValidationReport([FieldError(field: "expires_in_days", message: self.message)])
        case .notFrom, .deadlinePassed, .offerExpired, .offerStillOpen, .sessionNotEnded: Abort(.conflict, reason: self.message)
        }
    }
}
