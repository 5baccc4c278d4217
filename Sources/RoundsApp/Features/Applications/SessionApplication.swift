import Fluent
import RoundsCore
import Vapor

/// An applicant's application to one session. Its status only changes through `ApplicationWorkflow`.
final class SessionApplication: Model, @unchecked Sendable {
    static let schema = "applications"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    // data fields
    @Field(key: "status") var status: ApplicationStatus
    @Field(key: "statement") var statement: String
    /// Comma-separated `Requirement` raw values the applicant confirmed.
    @Field(key: "confirmed_requirements") var confirmedRequirements: String
    @OptionalField(key: "offer_expires_at") var offerExpiresAt: Date?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    /// When it joined the waitlist; the earliest is offered the next free seat.
    @OptionalField(key: "waitlisted_at") var waitlistedAt: Date?

    // relationships
    @Parent(key: "applicant_id") var applicant: User
    @Parent(key: "session_id") var session: OpportunitySession
    @Siblings(through: ApplicationDocument.self, from: \.$application, to: \.$document) var documents: [Document]
    @Children(for: \.$application) var events: [ApplicationEvent]

    init() {}

    /// A new application in `status` (draft, submitted, or offered when a placement cycle or a fixture
    /// makes it); `submitted_at` is set for everything past a draft.
    init(
        applicantID: UUID, sessionID: UUID, status: ApplicationStatus, statement: String, confirmedRequirements: Set<Requirement> = [],
        offerExpiresAt: Date? = nil, now: Date
    ) {
        self.$applicant.id = applicantID
        self.$session.id = sessionID
        self.status = status
        self.statement = statement
        self.confirmedRequirements = confirmedRequirements.storedList
        self.offerExpiresAt = offerExpiresAt
        self.submittedAt = status == .draft ? nil : now
        self.createdAt = now
        self.updatedAt = now
    }

    /// The applicant's live application to the session, if any (at most one exists: a partial unique index).
    static func live(of applicantID: UUID, to sessionID: UUID, on db: any Database) async throws -> SessionApplication? {
        try await SessionApplication.query(on: db).filter(\.$applicant.$id == applicantID).filter(\.$session.$id == sessionID)
            .filter(\.$status ~~ ApplicationStatus.live).first()
    }
}

final class ApplicationDocument: Model, @unchecked Sendable {
    static let schema = "application_documents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: SessionApplication
    @Parent(key: "document_id") var document: Document

    init() {}

    init(applicationID: UUID, documentID: UUID) {
        self.$application.id = applicationID
        self.$document.id = documentID
    }
}

/// One change of an application's status: who, when, from, to, and the note given.
final class ApplicationEvent: Model, @unchecked Sendable {
    static let schema = "application_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    /// 0, 1, 2, … within the application: the order of events recorded in the same instant.
    @Field(key: "position") var position: Int
    @Field(key: "party") var party: ApplicationParty
    @OptionalField(key: "from_status") var fromStatus: ApplicationStatus?
    @Field(key: "to_status") var toStatus: ApplicationStatus
    @Field(key: "note") var note: String
    @Parent(key: "application_id") var application: SessionApplication
    @OptionalParent(key: "actor_id") var actor: User?

    init() {}

    init(applicationID: UUID, actorID: UUID?, party: ApplicationParty, from: ApplicationStatus?, to: ApplicationStatus, note: String, at: Date) {
        self.$application.id = applicationID
        self.position = 0
        self.$actor.id = actorID
        self.party = party
        self.fromStatus = from
        self.toStatus = to
        self.note = note
        self.at = at
    }

    /// Records the event after the application's last one. Only the transaction that won the status
    /// compare-and-set gets here, so positions do not collide (and a unique index would refuse it if they did).
    func record(on db: any Database) async throws {
        self.position = try await ApplicationEvent.query(on: db).filter(\.$application.$id == self.$application.id).count()
        try await self.create(on: db)
    }
}
