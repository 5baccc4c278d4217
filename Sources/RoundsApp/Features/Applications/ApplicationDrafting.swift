import Fluent
import Foundation
import RoundsCore
import Vapor

/// What an applicant writes into an application.
struct ApplicationInput: Sendable {
    var statement: String
    var documentIDs: [UUID]
    var confirmedRequirements: Set<Requirement>
}

/// Creating and editing applications before they are submitted. Everything is checked before anything
/// is written; a draft and its documents are written in one transaction.
struct ApplicationDrafting {
    let db: any Database
    let now: Date
    let origin: String

    /// A session open for applications: published opportunity, verified site, deadline not passed.
    func openSession(_ id: UUID) async throws -> OpportunitySession {
        guard let session = try await OpportunitySession.query(on: self.db).filter(\.$id == id)
            .with(\.$opportunity, { $0.with(\.$site) { $0.with(\.$host) } }).first(),
            session.opportunity.status == .published, session.opportunity.site.isVerified
        else { throw Abort(.notFound, reason: "No such session open for applications.") }
        guard Day(self.now).ordinal <= session.deadlineDay else {
            throw Abort(.conflict, reason: "Applications for this session closed on \(Day(ordinal: session.deadlineDay).inWords).")
        }
        return session
    }

    /// Creates an application to `sessionID`, as a draft or submitted at once. Returns its id.
    func create(by applicant: User, sessionID: UUID, _ input: ApplicationInput, submit: Bool) async throws -> UUID {
        let session = try await self.openSession(sessionID)
        let applicantID = try applicant.requireID()
        let documents = try await self.ownDocuments(input.documentIDs, of: applicantID)
        let draft = ApplicationDraft(statement: input.statement, documentKinds: documents.map(\.documentKind), confirmedRequirements: input.confirmedRequirements)
        let requirements = Set<Requirement>(storedList: session.opportunity.requirements)
        try (submit ? draft.checkForSubmission(requirements: requirements) : draft.checkForSaving()).throwIfInvalid()
        try await Self.checkVisa(of: applicant, for: session.opportunity, now: self.now, on: self.db)
        if let existing = try await SessionApplication.live(of: applicantID, to: sessionID, on: self.db) {
            throw Abort(.conflict, reason: "You already have a live application for this session (\(existing.status.displayName.lowercased())).")
        }

        let application = SessionApplication(
            applicantID: applicantID, sessionID: try session.requireID(), status: submit ? .submitted : .draft,
            statement: input.statement.trimmingWhitespace(), confirmedRequirements: input.confirmedRequirements, now: self.now
        )
        do {
            application.$session.value = session
            application.$applicant.value = applicant
            try await self.db.transaction { db in
                try await ApplicationWorkflow(db: db, now: self.now, origin: self.origin).create(
                    application, through: submit ? [.draft, .submitted] : [.draft], loaded: LoadedApplication(application: application),
                    party: .applicant, actorID: applicantID, note: "", on: db
                )
                let id = try application.requireID()
                for document in documents { try await ApplicationDocument(applicationID: id, documentID: try document.requireID()).create(on: db) }
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two applies at once: the partial unique index let only one in.
            throw Abort(.conflict, reason: "You already have a live application for this session.")
        }
        return try application.requireID()
    }

    /// Replaces a draft's statement, documents and confirmations.
    func update(_ loaded: LoadedApplication, by applicant: User, _ input: ApplicationInput) async throws {
        guard loaded.status == .draft else { throw Abort(.conflict, reason: "Only a draft can be edited; this application is \(loaded.status.displayName.lowercased()).") }
        let documents = try await self.ownDocuments(input.documentIDs, of: try applicant.requireID())
        let draft = ApplicationDraft(statement: input.statement, documentKinds: documents.map(\.documentKind), confirmedRequirements: input.confirmedRequirements)
        try draft.checkForSaving().throwIfInvalid()
        let application = loaded.application
        let id = try application.requireID()
        application.statement = input.statement.trimmingWhitespace()
        application.confirmedRequirements = input.confirmedRequirements.storedList
        application.updatedAt = self.now
        try await self.db.transaction { db in
            try await application.save(on: db)
            try await ApplicationDocument.query(on: db).filter(\.$application.$id == id).delete()
            for document in documents { try await ApplicationDocument(applicationID: id, documentID: try document.requireID()).create(on: db) }
        }
    }

    /// The rules a draft must meet to be submitted, with its stored documents and confirmations.
    static func checkSubmittable(_ loaded: LoadedApplication, now: Date, on db: any Database) async throws {
        let kinds = try await ApplicationDocument.query(on: db).filter(\.$application.$id == loaded.application.requireID())
            .with(\.$document).all().map(\.document.documentKind)
        let draft = ApplicationDraft(
            statement: loaded.application.statement, documentKinds: kinds,
            confirmedRequirements: Set(storedList: loaded.application.confirmedRequirements)
        )
        try draft.checkForSubmission(requirements: Set(storedList: loaded.opportunity.requirements)).throwIfInvalid()
        try await Self.checkVisa(of: loaded.applicant, for: loaded.opportunity, now: now, on: db)
    }

    /// The law, not the host's preference: an applicant whose visa does not allow the opportunity (a
    /// visitor on a hands-on listing, say) cannot apply, whatever else the listing accepts.
    static func checkVisa(of applicant: User, for opportunity: Opportunity, now: Date, on db: any Database) async throws {
        guard let profile = try await ProfileStore.load(for: applicant, on: db) else { return }
        let year = Calendar.utc.component(.year, from: now)
        let result = Eligibility.evaluate(opportunity.eligibilityRules, for: profile, currentYear: year)
        if let visa = result.reasons.first(where: { $0.rule == .visa && !$0.isMet }) {
            // A validation refusal, so the application form comes back with the reason over what was typed.
            throw ValidationReport([FieldError(field: "visa", message: "Your visa does not allow this opportunity: \(visa.explanation)")])
        }
    }

    private func ownDocuments(_ ids: [UUID], of ownerID: UUID) async throws -> [Document] {
        let unique = Array(Set(ids))
        guard unique.count == ids.count else {
            throw ValidationReport([FieldError(field: "document_ids", message: "Each document can be attached once.")])
        }
        guard !unique.isEmpty else { return [] }
        let documents = try await Document.query(on: self.db).filter(\.$id ~~ unique).filter(\.$owner.$id == ownerID).all()
        guard documents.count == unique.count else {
            throw ValidationReport([FieldError(field: "document_ids", message: "Attach only documents from your own vault.")])
        }
        return documents
    }
}

extension Request {
    var applicationDrafting: ApplicationDrafting {
        ApplicationDrafting(db: self.db, now: self.now, origin: self.config.server.origin)
    }
}
