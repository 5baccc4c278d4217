import Fluent
import RoundsCore
import Vapor

/// An application as the API shows it to its applicant or host: with the session, the documents, the
/// actions the caller may take now, and (in detail) its history.
struct ApplicationResponse: Content {
    struct SessionPart: Content {
        var id: UUID
        var start: String
        var end: String
        var seats: Int
        var seatsTaken: Int
        var applicationDeadline: String

        enum CodingKeys: String, CodingKey {
            case id, start, end, seats
            case seatsTaken = "seats_taken"
            case applicationDeadline = "application_deadline"
        }
    }

    struct OpportunityPart: Content {
        var id: UUID
        var title: String
        var siteName: String
        var requirements: [String]

        enum CodingKeys: String, CodingKey {
            case id, title, requirements
            case siteName = "site_name"
        }
    }

    struct ApplicantPart: Content {
        var id: UUID
        var displayName: String

        enum CodingKeys: String, CodingKey {
            case id
            case displayName = "display_name"
        }
    }

    struct Event: Content {
        var at: Date
        var party: ApplicationParty
        var from: ApplicationStatus?
        var to: ApplicationStatus
        var note: String
    }

    var id: UUID
    var status: ApplicationStatus
    var statement: String
    var confirmedRequirements: [String]
    var documents: [DocumentResponse]
    var offerExpiresAt: Date?
    var submittedAt: Date?
    var createdAt: Date
    var updatedAt: Date
    var session: SessionPart
    var opportunity: OpportunityPart
    var applicant: ApplicantPart
    var actions: [String]
    var history: [Event]?

    enum CodingKeys: String, CodingKey {
        case id, status, statement, documents, session, opportunity, applicant, actions, history
        case confirmedRequirements = "confirmed_requirements"
        case offerExpiresAt = "offer_expires_at"
        case submittedAt = "submitted_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// `documents` and `events` are loaded by the caller; events only for the detail view.
    init(_ loaded: LoadedApplication, viewer: User, documents: [Document], events: [ApplicationEvent]?) throws {
        let application = loaded.application
        self.id = try application.requireID()
        self.status = application.status
        self.statement = application.statement
        self.confirmedRequirements = Set<Requirement>(storedList: application.confirmedRequirements).map(\.rawValue).sorted()
        self.documents = try documents.map(DocumentResponse.init)
        self.offerExpiresAt = application.offerExpiresAt
        self.submittedAt = application.submittedAt
        self.createdAt = application.createdAt
        self.updatedAt = application.updatedAt
        let session = loaded.session
        self.session = SessionPart(
            id: try session.requireID(), start: Day(ordinal: session.startDay).iso, end: Day(ordinal: session.endDay).iso, seats: session.seats,
            seatsTaken: session.seatsTaken, applicationDeadline: Day(ordinal: session.deadlineDay).iso
        )
        self.opportunity = OpportunityPart(
            id: try loaded.opportunity.requireID(), title: loaded.opportunity.title, siteName: loaded.site.name,
            requirements: Set<Requirement>(storedList: loaded.opportunity.requirements).map(\.rawValue).sorted()
        )
        self.applicant = ApplicantPart(id: try loaded.applicant.requireID(), displayName: loaded.applicant.displayName)
        self.actions = loaded.parties(of: viewer).flatMap { ApplicationTransitions.actions(for: $0, from: loaded.status) }.map(\.rawValue)
        self.history = events?.map { Event(at: $0.at, party: $0.party, from: $0.fromStatus, to: $0.toStatus, note: $0.note) }
    }
}

enum ApplicationQueries {
    /// The documents attached to each application, by application id.
    static func documents(of ids: [UUID], on db: any Database) async throws -> [UUID: [Document]] {
        guard !ids.isEmpty else { return [:] }
        let links = try await ApplicationDocument.query(on: db).filter(\.$application.$id ~~ ids).with(\.$document).all()
        return Dictionary(grouping: links, by: { $0.$application.id }).mapValues { $0.map(\.document).sorted { $0.createdAt < $1.createdAt } }
    }

    static func events(of id: UUID, on db: any Database) async throws -> [ApplicationEvent] {
        try await ApplicationEvent.query(on: db).filter(\.$application.$id == id).sort(\.$position).all()
    }

    /// The applicant's own applications, newest first.
    static func mine(_ applicant: User, on db: any Database) async throws -> [LoadedApplication] {
        try await LoadedApplication.query(on: db).filter(\.$applicant.$id == applicant.requireID()).sort(\.$createdAt, .descending).all()
            .map(LoadedApplication.init)
    }

    /// Submitted applications to the host's sessions, optionally for one session and status, oldest first.
    static func inbox(_ host: User, session: UUID?, status: ApplicationStatus?, on db: any Database) async throws -> [LoadedApplication] {
        var query = try Self.submitted(to: host, query: LoadedApplication.query(on: db))
        if let session { query = query.filter(\.$session.$id == session) }
        if let status { query = query.filter(\.$status == status) }
        return try await query.sort(\.$submittedAt).sort(\.$id).limit(500).all().map(LoadedApplication.init)
    }

    /// `query` narrowed to applications submitted to `host`'s sessions (drafts are the applicant's own).
    static func submitted(to host: User, query: QueryBuilder<SessionApplication>) throws -> QueryBuilder<SessionApplication> {
        let hostID = try host.requireID()
        return query
            .join(OpportunitySession.self, on: \SessionApplication.$session.$id == \OpportunitySession.$id)
            .join(Opportunity.self, on: \OpportunitySession.$opportunity.$id == \Opportunity.$id)
            .join(Site.self, on: \Opportunity.$site.$id == \Site.$id)
            .filter(Site.self, \.$host.$id == hostID)
            .filter(\.$status != ApplicationStatus.draft)
    }

    /// How many applications submitted to `host` are in one of `statuses`.
    static func count(submittedTo host: User, in statuses: [ApplicationStatus], on db: any Database) async throws -> Int {
        try await Self.submitted(to: host, query: SessionApplication.query(on: db)).filter(\.$status ~~ statuses).count()
    }

    /// The API answer for one application, in detail.
    static func detail(_ loaded: LoadedApplication, viewer: User, on db: any Database) async throws -> ApplicationResponse {
        let id = try loaded.application.requireID()
        let documents = try await Self.documents(of: [id], on: db)[id] ?? []
        return try ApplicationResponse(loaded, viewer: viewer, documents: documents, events: try await Self.events(of: id, on: db))
    }

    static func summaries(_ list: [LoadedApplication], viewer: User, on db: any Database) async throws -> [ApplicationResponse] {
        let documents = try await Self.documents(of: list.map { try $0.application.requireID() }, on: db)
        return try list.map { try ApplicationResponse($0, viewer: viewer, documents: documents[$0.application.id!] ?? [], events: nil) }
    }
}
