import Fluent
import Foundation
import RoundsCore
import SQLKit
import Tagged
import Vapor

/// Supervisors confirm experiences through a single-purpose link: a random token stored hashed, valid 30
/// days, spent by the first answer. Wrong tokens count against the bad-link limit (`LinkTokens`).
struct ExperienceVerifications {
    static let unknown = Abort(.notFound, reason: "This verification link is not valid. Check that the whole link was copied from the e-mail.")

    let db: any Database
    let now: Date
    let origin: String
    let badLinks: RateLimit

    var store: PortfolioStore { PortfolioStore(db: self.db, now: self.now) }

    /// E-mails the supervisor a link; an earlier unanswered link for the experience stops working.
    func request(for loaded: LoadedExperience, by owner: User) async throws {
        let experience = loaded.experience
        guard !experience.supervisorName.isEmpty, EmailAddress.isPlausible(experience.supervisorEmail) else {
            throw ValidationReport([FieldError(field: "supervisor_email", message: "Add the supervisor's name and e-mail to the experience first.")])
        }
        guard loaded.completedHours > 0 else {
            throw Abort(.conflict, reason: "There are no completed hours to verify yet; log hours or enter completed hours first.")
        }
        let experienceID = try experience.requireID()
        if let last = try await ExperienceVerification.query(on: self.db).filter(\.$experience.$id == experienceID).sort(\.$createdAt, .descending).first(),
            self.now.timeIntervalSince(last.createdAt) < 24 * 60 * 60
        {
            throw Abort(.tooManyRequests, reason: "A verification request went to the supervisor in the last day; give them time to answer.")
        }
        let token = SecretToken()
        try await self.db.transaction { db in
            try await db.sql.update(ExperienceVerification.schema)
                .set(SQLIdentifier("expires_at"), to: SQLBind(self.now))
                .where("experience_id", .equal, SQLBind(experienceID)).where("used_at", .is, SQLLiteral.null)
                .run()
            try await ExperienceVerification(experienceID: experienceID, tokenHash: token.hash, supervisorEmail: experience.supervisorEmail, now: self.now)
                .create(on: db)
            let link = self.origin + SiteRoute.verifyExperience.path(query: [("token", token.value)])
            try await Outbox.enqueue(
                to: experience.supervisorEmail,
                subject: "Please confirm \(owner.displayName)'s experience at \(experience.organization)",
                body: """
                    Dear \(experience.supervisorName),

                    \(owner.displayName) lists you as the supervisor of their experience "\(experience.title)" at \
                    \(experience.organization), with \(loaded.completedHours) completed hours, and asks you to confirm it.

                    Open this link to confirm, correct the hours, or decline. It works once, until \
                    \(DisplayFormat.date(self.now.addingTimeInterval(ExperienceVerification.lifetime))), and needs no account:

                    \(link)

                    If you do not know \(owner.displayName), ignore this message.
                    """,
                now: self.now,
                on: db
            )
        }
    }

    /// The verification a token stands for, with its experience and applicant, if it can still be answered.
    func open(token: String, ip: String) async throws -> (ExperienceVerification, LoadedExperience, User) {
        let links = LinkTokens(db: self.db, now: self.now, rule: self.badLinks)
        let found = try await links.find(token, ip: ip) { hash in
            try await ExperienceVerification.query(on: self.db).filter(\.$tokenHash == hash).with(\.$experience).first()
        }
        guard let verification = found else { throw Self.unknown }
        if verification.usedAt != nil {
            throw Abort(.gone, reason: "This link was already used: each verification link answers once. Thank you.")
        }
        guard verification.isUsable(now: self.now) else {
            throw Abort(.gone, reason: "This link expired or was replaced by a newer one. The applicant can send a new request.")
        }
        let loaded = try await self.store.load(verification.experience)
        guard let owner = try await User.find(verification.experience.$owner.id, on: self.db) else { throw Self.unknown }
        return (verification, loaded, owner)
    }

    /// Records the answer, once: the link is spent by a conditional update in the same transaction that
    /// marks the experience verified (or not), so a second answer cannot land.
    func answer(token: String, _ draft: VerificationAnswerDraft, ip: String) async throws -> VerificationAnswerDraft.Checked {
        let (verification, loaded, owner) = try await self.open(token: token, ip: ip)
        let checked = try draft.check(completedHours: loaded.completedHours).get()
        let experience = loaded.experience
        try await self.db.transaction { db in
            let spent = try await db.updateReturningCount(
                ExperienceVerification.schema,
                set: [
                    ("used_at", self.now), ("outcome", checked.outcome.rawValue), ("verifier_name", checked.typedName),
                    ("hours", checked.hours), ("note", checked.note),
                ],
                where: { $0.where("id", .equal, SQLBind(verification.id)).where("used_at", .is, SQLLiteral.null) }
            )
            guard spent == 1 else { throw Abort(.gone, reason: "This link was already used: each verification link answers once. Thank you.") }
            if checked.outcome != .declined {
                experience.verifiedBy = checked.typedName
                experience.verifiedAt = self.now
                experience.verifiedHours = checked.hours
                experience.verifiedDigest = loaded.lockedDigest
                try await experience.save(on: db)
            }
            let title: String
            switch checked.outcome {
            case .confirmed: title = "\(checked.typedName) confirmed \(experience.title)"
            case .corrected: title = "\(checked.typedName) confirmed \(counted(checked.hours ?? 0, "hour")) of \(experience.title)"
            case .declined: title = "\(checked.typedName) declined to confirm \(experience.title)"
            }
            try await Notifier.notify(
                owner, title: title, body: checked.note.isEmpty ? "No note." : "Their note: \(checked.note)",
                link: SiteRoute.experience(try experience.requireTypedID()).path, origin: self.origin, now: self.now, on: db
            )
        }
        return checked
    }
}

extension Request {
    var experienceVerifications: ExperienceVerifications {
        ExperienceVerifications(db: self.db, now: self.now, origin: self.config.server.origin, badLinks: self.config.rateLimits.badLinksPerIP)
    }
}
