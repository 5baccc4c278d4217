import Fluent
import Foundation
import RoundsCore
import SQLKit
import Vapor

/// Who asks for a change, as the workflow sees it.
enum WorkflowActor {
    case user(User)
    case system
}

/// Every change of an application's status: checked by `ApplicationTransitions`, written with a
/// compare-and-set on the old status, seats and waitlist adjusted, the event recorded and the other
/// side notified, all in one transaction.
struct ApplicationWorkflow {
    let db: any Database
    let now: Date
    let origin: String

    struct Change: Sendable {
        var action: ApplicationAction
        var note = ""
        var expiresInDays: Int?
    }

    /// A note given with an action, trimmed; refused past the length the forms and the API document allow.
    static func checkedNote(_ raw: String) throws -> String {
        // The limit holds for the note as sent (as the API schema says), not only once trimmed.
        guard raw.textLength <= ApplicationTransitions.maximumNoteLength else {
            throw ValidationReport([
                FieldError(field: "note", message: "A note is at most \(ApplicationTransitions.maximumNoteLength) characters; this one has \(raw.textLength).")
            ])
        }
        return raw.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Creates `application` inside the caller's transaction `db`, through the statuses `path` (nil, then
    /// each status it passed, ending at its own): one event per step and the notice of the last, exactly
    /// as a change of an existing application records them. `loaded` gives what the notice names.
    func create(
        _ application: SessionApplication, through path: [ApplicationStatus], loaded: LoadedApplication,
        party: ApplicationParty, actorID: UUID?, note: String, on db: any Database
    ) async throws {
        precondition(path.last == application.status, "the path ends at the application's status")
        try await application.create(on: db)
        let id = try application.requireID()
        var from: ApplicationStatus?
        for to in path {
            try await ApplicationEvent(applicationID: id, actorID: actorID, party: party, from: from, to: to, note: note, at: self.now).record(on: db)
            from = to
        }
        let previous = path.count > 1 ? path[path.count - 2] : nil
        try await ApplicationNotices(origin: self.origin, now: self.now).changed(loaded, from: previous, to: application.status, note: note, on: db)
    }

    /// Performs `request` on the application `id` for `actor`. Answers 404 when the actor cannot see it.
    @discardableResult
    func perform(_ request: Change, on id: UUID, by actor: WorkflowActor) async throws -> LoadedApplication {
        guard let loaded = try await LoadedApplication.load(id, on: self.db) else { throw Self.notFound }
        let party: ApplicationParty
        let actorID: UUID?
        switch actor {
        case .system:
            party = .system
            actorID = nil
        case .user(let user):
            let parties = loaded.parties(of: user)
            guard !parties.isEmpty else { throw Self.notFound }
            // Someone hosting their own application acts as whichever side can take this action.
            party = parties.first { ApplicationTransitions.actions(for: $0, from: loaded.status).contains(request.action) } ?? parties[0]
            actorID = user.id
        }
        let note = try Self.checkedNote(request.note)
        let proposedExpiry = request.expiresInDays.map { self.now.addingTimeInterval(Double($0) * 86_400) }
        let context = TransitionContext(
            now: self.now, offerExpiresAt: loaded.application.offerExpiresAt, proposedExpiry: proposedExpiry,
            deadline: Day(ordinal: loaded.session.deadlineDay), sessionEnd: Day(ordinal: loaded.session.endDay), note: note
        )
        let from = loaded.status
        let to: ApplicationStatus
        switch ApplicationTransitions.target(from: from, action: request.action, by: party, context: context) {
        case .success(let target): to = target
        case .failure(let refusal): throw refusal.abort
        }
        if request.action == .submit {
            try await ApplicationDrafting.checkSubmittable(loaded, now: self.now, on: self.db)
        }

        try await self.db.transaction { db in
            let offerExpiry = to == .offered ? proposedExpiry : nil
            try await self.move(loaded, from: from, to: to, offerExpiry: offerExpiry, on: db)
            if request.action == .accept, !(try await SeatLedger.take(session: loaded.session.requireID(), on: db)) {
                let taken = loaded.session.seats == 1 ? "The only seat of this session is taken" : "All \(loaded.session.seats) seats of this session are taken"
                throw Abort(.conflict, reason: "\(taken); the host can waitlist you.")
            }
            if request.action == .accept { loaded.session.seatsTaken += 1 }
            try await ApplicationEvent(
                applicationID: try loaded.application.requireID(), actorID: actorID, party: party, from: from, to: to, note: note, at: self.now
            ).record(on: db)
            try await ApplicationNotices(origin: self.origin, now: self.now).changed(loaded, from: from, to: to, note: note, on: db)
            if to == .completed {
                try await PlacementExperience.record(loaded, now: self.now, on: db)
            }
            if from == .accepted && (to == .withdrawn || to == .cancelled) {
                try await SeatLedger.release(session: loaded.session.requireID(), on: db)
                loaded.session.seatsTaken -= 1
                try await self.offerFreedSeat(of: loaded.session, on: db)
            }
        }
        return loaded
    }

    /// The status write itself: only if the application is still in `from`, so of two concurrent changes
    /// exactly one wins and the other is told to reload.
    private func move(_ loaded: LoadedApplication, from: ApplicationStatus, to: ApplicationStatus, offerExpiry: Date?, on db: any Database) async throws {
        guard try await self.compareAndSet(loaded, from: from, to: to, offerExpiry: offerExpiry, on: db) else {
            throw Abort(.conflict, reason: "This application changed while you were looking at it; reload the page and try again.")
        }
    }

    /// `UPDATE … SET status = to … WHERE id = ? AND status = from`; false when another change came first.
    /// On success the loaded application holds exactly what was written, so notices and answers need no
    /// read back (a failed transaction throws, and its caller never sees these values).
    private func compareAndSet(_ loaded: LoadedApplication, from: ApplicationStatus, to: ApplicationStatus, offerExpiry: Date?, on db: any Database)
        async throws -> Bool
    {
        var assignments: [(String, any Encodable & Sendable)] = [("status", to), ("updated_at", self.now)]
        if let offerExpiry { assignments.append(("offer_expires_at", offerExpiry)) }
        if to == .submitted { assignments.append(("submitted_at", self.now)) }
        if to == .waitlisted { assignments.append(("waitlisted_at", self.now)) }
        let application = loaded.application
        let id = try application.requireID()
        let written = try await db.updateReturningCount(SessionApplication.schema, set: assignments) {
            $0.where("id", .equal, SQLBind(id)).where("status", .equal, SQLBind(from))
        }
        guard written == 1 else { return false }
        application.status = to
        application.updatedAt = self.now
        if let offerExpiry { application.offerExpiresAt = offerExpiry }
        if to == .submitted { application.submittedAt = self.now }
        if to == .waitlisted { application.waitlistedAt = self.now }
        return true
    }

    /// Offers a freed seat to the applicant waitlisted longest, if any (skipping one another request
    /// promoted at the same moment).
    private func offerFreedSeat(of session: OpportunitySession, on db: any Database) async throws {
        let waiting = try await LoadedApplication.query(on: db)
            .filter(\.$session.$id == session.requireID())
            .filter(\.$status == ApplicationStatus.waitlisted)
            .sort(\.$waitlistedAt).sort(\.$id)
            .limit(5)
            .all()
            .map(LoadedApplication.init)
        let expiry = self.now.addingTimeInterval(Double(ApplicationTransitions.promotionOfferDays) * 86_400)
        for candidate in waiting {
            guard try await self.compareAndSet(candidate, from: .waitlisted, to: .offered, offerExpiry: expiry, on: db) else { continue }
            let note = "A seat became free; offered from the waitlist."
            try await ApplicationEvent(
                applicationID: try candidate.application.requireID(), actorID: nil, party: .system, from: .waitlisted, to: .offered, note: note, at: self.now
            ).record(on: db)
            try await ApplicationNotices(origin: self.origin, now: self.now).changed(candidate, from: .waitlisted, to: .offered, note: note, on: db)
            return
        }
    }

    /// Expires every offer whose time ran out; run periodically by each instance (the compare-and-set
    /// makes two instances sweeping together harmless). Returns how many expired.
    @discardableResult
    func expireOverdueOffers() async throws -> Int {
        let overdue = try await SessionApplication.query(on: self.db)
            .filter(\.$status == ApplicationStatus.offered)
            .filter(\.$offerExpiresAt <= self.now)
            .all(\.$id)
        return try await self.performAsSystem(.expire, on: overdue)
    }

    /// Marks accepted places completed once their session has ended; run with the expiry sweep.
    @discardableResult
    func completeFinishedPlacements() async throws -> Int {
        let finished = try await SessionApplication.query(on: self.db)
            .join(OpportunitySession.self, on: \SessionApplication.$session.$id == \OpportunitySession.$id)
            .filter(\.$status == ApplicationStatus.accepted)
            .filter(OpportunitySession.self, \.$endDay < Day(self.now).ordinal)
            .all(\.$id)
        return try await self.performAsSystem(.complete, on: finished)
    }

    /// Performs `action` for Rounds itself on each application; one that changed a moment ago (409) is
    /// skipped. Returns how many changed.
    private func performAsSystem(_ action: ApplicationAction, on ids: [UUID]) async throws -> Int {
        var changed = 0
        for id in ids {
            do {
                try await self.perform(Change(action: action), on: id, by: .system)
                changed += 1
            } catch let abort as any AbortError where abort.status == .conflict {
                continue
            }
        }
        return changed
    }

    static let notFound = Abort(.notFound, reason: "No such application of yours.")
}

extension Request {
    var applicationWorkflow: ApplicationWorkflow {
        ApplicationWorkflow(db: self.db, now: self.now, origin: self.config.server.origin)
    }
}
