import Fluent
import Foundation
import RoundsCore
import SQLKit
import Tagged
import Vapor

/// The writer's side: whoever holds the link may see the request, upload the letter (and replace it until
/// the applicant assigns it) or decline. The link is the writer's only credential (see `LinkTokens`).
struct LetterLink {
    static let unknown = Abort(.notFound, reason: "This letter link is not valid. Check that the whole link was copied from the e-mail.")
    static let maximumDeclineNoteLength = 1_000

    let db: any Database
    let storage: any DocumentStore
    let now: Date
    let origin: String
    let badLinks: RateLimit

    /// The request a token stands for, whatever its state, with its applicant; 404 when unknown.
    func request(token: String, ip: String) async throws -> LetterRequest {
        let links = LinkTokens(db: self.db, now: self.now, rule: self.badLinks)
        let letter = try await links.find(token, ip: ip) { hash in
            try await LetterRequest.query(on: self.db).filter(\.$tokenHash == hash).with(\.$applicant).first()
        }
        guard let letter else { throw Self.unknown }
        return letter
    }

    /// The request if its link still works; a clear 410 when it is known but over.
    func usable(token: String, ip: String) async throws -> LetterRequest {
        let letter = try await self.request(token: token, ip: ip)
        guard letter.linkWorks(now: self.now) else { throw Self.gone(letter) }
        return letter
    }

    static func gone(_ letter: LetterRequest) -> Abort {
        let reason: String
        switch letter.status {
        case .revoked: reason = "The applicant withdrew this request, so the link no longer works."
        case .declined: reason = "You declined this request. Thank you for answering."
        default: reason = "This link expired on \(DisplayFormat.date(letter.linkExpiresAt)). The applicant can send you a new one."
        }
        return Abort(.gone, reason: reason)
    }

    /// Opening the link marks the request viewed, once.
    func open(token: String, ip: String) async throws -> LetterRequest {
        let letter = try await self.usable(token: token, ip: ip)
        if letter.status == .requested {
            let changed = try await self.db.updateReturningCount(
                LetterRequest.schema,
                set: [("status", LetterStatus.viewed), ("viewed_at", self.now), ("updated_at", self.now)],
                where: { $0.where("id", .equal, SQLBind(letter.id)).where("status", .equal, LetterStatus.requested) }
            )
            if changed == 1 {
                letter.status = .viewed
                letter.viewedAt = self.now
            }
        }
        return letter
    }

    /// Stores the letter (checked first; nothing is kept when a check fails) and tells the applicant.
    /// A replacement swaps the file in the same conditional update and removes the old one afterwards.
    func upload(token: String, fileName: String, bytes: [UInt8], ip: String) async throws -> LetterRequest {
        let letter = try await self.usable(token: token, ip: ip)
        let checked = try LetterFile.check(fileName: fileName, bytes: bytes).get()
        guard letter.appliedCount == 0 else { throw Self.locked }
        let key = try await self.storage.write(bytes)
        let previous = letter.storageKey
        do {
            try await self.db.transaction { db in
                let changed = try await db.updateReturningCount(
                    LetterRequest.schema,
                    set: [
                        ("status", LetterStatus.uploaded), ("uploaded_at", self.now), ("updated_at", self.now),
                        ("storage_key", key), ("file_name", checked.fileName), ("byte_count", bytes.count),
                        ("sha256", SecretToken.hexSHA256(Data(bytes))),
                    ],
                    where: {
                        $0.where("id", .equal, SQLBind(letter.id))
                            .where("token_hash", .equal, letter.tokenHash)
                            .where("status", .in, [LetterStatus.requested, .viewed, .uploaded])
                            .where("link_expires_at", .greaterThan, SQLBind(self.now))
                            .where("applied_count", .equal, 0)
                    }
                )
                guard changed == 1 else { throw Self.locked }
                let wasReplacement = previous != nil
                try await Notifier.notify(
                    letter.applicant,
                    title: wasReplacement ? "\(letter.writerName) replaced your letter" : "\(letter.writerName) uploaded your letter",
                    body: letter.waived
                        ? "The letter is in Rounds. You waived your right to see it; you can assign it to programs."
                        : "The letter is in Rounds. You can read it and assign it to programs.",
                    link: SiteRoute.letter(try letter.requireTypedID()).path,
                    origin: self.origin,
                    now: self.now,
                    on: db
                )
            }
        } catch {
            try? await self.storage.delete(key)
            throw error
        }
        if let previous { try? await self.storage.delete(previous) }
        letter.status = .uploaded
        letter.storageKey = key
        letter.fileName = checked.fileName
        letter.byteCount = bytes.count
        letter.uploadedAt = self.now
        return letter
    }

    /// The writer says no, with an optional note for the applicant. Only before a letter is uploaded.
    func decline(token: String, note: String, ip: String) async throws -> LetterRequest {
        let letter = try await self.usable(token: token, ip: ip)
        guard note.textLength <= Self.maximumDeclineNoteLength else {
            throw ValidationReport([FieldError(field: "note", message: "The note is longer than \(Self.maximumDeclineNoteLength) characters.")])
        }
        guard letter.status != .uploaded else {
            throw Abort(.conflict, reason: "You already uploaded a letter for this request; it cannot be declined now.")
        }
        let note = note.trimmingWhitespace()
        try await self.db.transaction { db in
            let changed = try await db.updateReturningCount(
                LetterRequest.schema,
                set: [("status", LetterStatus.declined), ("declined_at", self.now), ("decline_note", note), ("updated_at", self.now)],
                where: {
                    $0.where("id", .equal, SQLBind(letter.id))
                        .where("token_hash", .equal, letter.tokenHash)
                        .where("status", .in, [LetterStatus.requested, .viewed])
                }
            )
            guard changed == 1 else { throw LetterDesk.changedMeanwhile }
            try await Notifier.notify(
                letter.applicant,
                title: "\(letter.writerName) declined your letter request",
                body: note.isEmpty ? "They left no note." : "Their note: \(note)",
                link: SiteRoute.letter(try letter.requireTypedID()).path,
                origin: self.origin,
                now: self.now,
                on: db
            )
        }
        letter.status = .declined
        letter.declineNote = note
        return letter
    }

    static let locked = Abort(
        .conflict,
        reason: "The applicant has applied to a program with this letter, or the request changed, so it can no longer be replaced."
    )
}

extension Request {
    var letterLink: LetterLink {
        LetterLink(
            db: self.db, storage: self.documentStorage, now: self.now, origin: self.config.server.origin,
            badLinks: self.config.rateLimits.badLinksPerIP
        )
    }
}
