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

    /// The applicant's live applications to any of `sessionIDs` (one per session at most).
    static func live(of applicantID: UUID, to sessionIDs: [UUID], on db: any Database) async throws -> [SessionApplication] {
        guard !sessionIDs.isEmpty else { return [] }
        return try await SessionApplication.query(on: db).filter(\.$applicant.$id == applicantID).filter(\.$session.$id ~~ sessionIDs)
            .filter(\.$status ~~ ApplicationStatus.live).all()
    }
}
