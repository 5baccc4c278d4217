import Fluent
import Foundation
import RoundsCore
import SQLKit
import Vapor

/// The applicant's side of letters: ask a writer, remind, withdraw, read (unless waived), and assign
/// uploaded letters to programs. Every status change is a conditional update, so a writer acting at the
/// same moment cannot be overwritten.
struct LetterDesk {
    /// Far more than any application season needs; a cap so requests cannot be used to send mail at will.
    static let maximumRequestsPerApplicant = 40
    static let notYours = Abort(.notFound, reason: "No such letter request of yours.")

    let db: any Database
    let storage: any DocumentStore
    let now: Date
    let origin: String

    func letters(of applicant: User) async throws -> [LetterRequest] {
        try await LetterRequest.query(on: self.db)
            .filter(\.$applicant.$id == applicant.requireID())
            .sort(\.$createdAt, .descending)
            .all()
    }

    /// The applicant's own request, or 404: someone else's request is invisible, not forbidden.
    func letter(_ id: UUID, of applicant: User) async throws -> LetterRequest {
        guard let letter = try await LetterRequest.find(id, on: self.db), letter.$applicant.id == (try applicant.requireID()) else {
            throw Self.notYours
        }
        return letter
    }

    /// The applications a letter may point to: the applicant's accepted or completed placements.
    func placements(of applicant: User) async throws -> [SessionApplication] {
        try await SessionApplication.query(on: self.db)
            .filter(\.$applicant.$id == applicant.requireID())
            .filter(\.$status ~~ [ApplicationStatus.accepted, .completed])
            .with(\.$session) { $0.with(\.$opportunity) }
            .all()
    }

    /// Records the request (with the waiver, once and for all) and e-mails the writer their link.
    func request(by applicant: User, draft: LetterRequestDraft, applicationID: String?) async throws -> LetterRequest {
        let checked = try draft.check().get()
        let applicantID = try applicant.requireID()
        var placementID: UUID?
        if let raw = applicationID?.trimmingWhitespace(), !raw.isEmpty {
            let placements = try await self.placements(of: applicant)
            guard let id = UUID(uuidString: raw), placements.contains(where: { $0.id == id }) else {
                throw ValidationReport([FieldError(field: "application_id", message: "Choose one of your accepted or completed placements, or none.")])
            }
            placementID = id
        }
        let count = try await LetterRequest.query(on: self.db).filter(\.$applicant.$id == applicantID).count()
        guard count < Self.maximumRequestsPerApplicant else {
            throw Abort(.conflict, reason: "You have \(count) letter requests, the most Rounds keeps per applicant.")
        }
        let token = SecretToken()
        let letter = LetterRequest(applicantID: applicantID, applicationID: placementID, checked: checked, tokenHash: token.hash, now: self.now)
        try await self.db.transaction { db in
            try await letter.create(on: db)
            try await LetterMail.request(
                letter, applicantName: applicant.displayName, token: token.value, origin: self.origin, isReminder: false, now: self.now, on: db
            )
        }
        return letter
    }

    /// E-mails the writer again with a new link (the old one stops working) valid for another two months;
    /// this also renews an expired request.
    func remind(_ letter: LetterRequest, by applicant: User) async throws {
        guard letter.status.canRemind else {
            throw Abort(.conflict, reason: "This request is \(letter.status.displayName.lowercased()); there is nothing to remind the writer of.")
        }
        if let last = letter.remindedAt ?? Optional(letter.createdAt), self.now.timeIntervalSince(last) < LetterRequest.reminderSpacing {
            throw Abort(
                .tooManyRequests,
                reason: "The writer was e-mailed on \(DisplayFormat.dateTime(last)); you can send a reminder three days after that."
            )
        }
        let token = SecretToken()
        let expires = self.now.addingTimeInterval(LetterRequest.linkLifetime)
        let status = letter.status == .expired ? LetterStatus.requested : letter.status
        try await self.db.transaction { db in
            let changed = try await db.updateReturningCount(
                LetterRequest.schema,
                set: [
                    ("token_hash", token.hash), ("link_expires_at", expires), ("reminded_at", self.now),
                    ("status", status), ("updated_at", self.now),
                ],
                where: { $0.where("id", .equal, SQLBind(letter.id)).where("status", .equal, SQLBind(letter.status)) }
            )
            guard changed == 1 else { throw Self.changedMeanwhile }
            letter.tokenHash = token.hash
            letter.linkExpiresAt = expires
            letter.remindedAt = self.now
            letter.status = status
            try await LetterMail.request(
                letter, applicantName: applicant.displayName, token: token.value, origin: self.origin, isReminder: true, now: self.now, on: db
            )
        }
    }

    /// Withdraws a request the writer has not answered; the link stops working at once.
    func revoke(_ letter: LetterRequest) async throws {
        let open: [LetterStatus] = [.requested, .viewed, .expired]
        guard open.contains(letter.status) else {
            throw Abort(.conflict, reason: "This request is \(letter.status.displayName.lowercased()) and can no longer be withdrawn.")
        }
        let changed = try await self.db.updateReturningCount(
            LetterRequest.schema,
            set: [("status", LetterStatus.revoked), ("revoked_at", self.now), ("updated_at", self.now)],
            where: { $0.where("id", .equal, SQLBind(letter.id)).where("status", .in, open) }
        )
        guard changed == 1 else { throw Self.changedMeanwhile }
        letter.status = .revoked
        letter.revokedAt = self.now
    }

    /// The letter's bytes for its applicant, unless they waived the right to see it. Logged.
    func fileForApplicant(_ letter: LetterRequest, applicant: User) async throws -> (LetterRequest, Data) {
        guard letter.hasFile else { throw Abort(.conflict, reason: "No letter has been uploaded for this request yet.") }
        guard letter.applicantMayRead else {
            throw Abort(.forbidden, reason: "You waived your right to see this letter when you requested it, so Rounds never shows it to you.")
        }
        return (letter, try await self.read(letter, by: applicant, as: "applicant", program: nil))
    }

    func read(_ letter: LetterRequest, by reader: User, as role: String, program: UUID?) async throws -> Data {
        guard let key = letter.storageKey else { throw Abort(.conflict, reason: "No letter has been uploaded for this request yet.") }
        try await LetterRead(letterID: try letter.requireID(), readerID: try reader.requireID(), readerRole: role, programID: program, at: self.now)
            .create(on: self.db)
        return try await self.storage.read(key)
    }

    /// Requests whose link ran out before a letter came are marked expired (the sweep calls this).
    func expireOverdueLinks() async throws -> Int {
        try await self.db.updateReturningCount(
            LetterRequest.schema,
            set: [("status", LetterStatus.expired), ("updated_at", self.now)],
            where: {
                $0.where("status", .in, [LetterStatus.requested, .viewed])
                    .where("link_expires_at", .lessThanOrEqual, SQLBind(self.now))
            }
        )
    }

    static let changedMeanwhile = Abort(.conflict, reason: "The request changed meanwhile (the writer may have just answered); reload and try again.")
}

extension Request {
    var letterDesk: LetterDesk {
        LetterDesk(db: self.db, storage: self.documentStorage, now: self.now, origin: self.config.server.origin)
    }
}
