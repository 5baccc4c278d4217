import Fluent
import Foundation
import RoundsCore
import SQLKit
import Tagged
import Vapor

/// The newsletter's rules: double opt-in, unsubscribe at once by a token from any issue, and issues
/// composed from guides, sent through the outbox to confirmed subscribers only, each its own message.
struct Newsletter {
    let db: any Database
    let now: Date
    let origin: String

    /// How long a confirmation link works.
    static let confirmationLifetime: TimeInterval = 48 * 60 * 60
    static let subjectLimit = 120
    static let introLimit = 5_000
    static let maximumGuides = 10
    static let expired = Abort(.notFound, reason: "This link has expired or was already used. Sign up again to get a new one.")

    /// Asks `email` to confirm. Says nothing about whether the address was on the list: the caller shows
    /// the same page either way. A confirmed address gets no mail; a pending or unsubscribed one a new link.
    func subscribe(_ raw: String) async throws {
        let email = EmailAddress.normalize(raw)
        // The limit holds for the address as sent (as the API schema says), not only once trimmed.
        guard EmailAddress.isPlausible(email), raw.textLength <= EmailAddress.maximumLength else {
            throw ValidationReport([FieldError(field: "email", message: "Enter an e-mail address, like name@example.org.")])
        }
        let token = SecretToken()
        do {
            try await self.askToConfirm(email, token: token)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The same address signed up at the same moment: that sign-up sent the link.
        }
    }

    private func askToConfirm(_ email: String, token: SecretToken) async throws {
        try await self.db.transaction { db in
            let subscriber = try await NewsletterSubscriber.query(on: db).filter(\.$email == email).first() ?? NewsletterSubscriber(email: email, now: self.now)
            guard subscriber.status != .confirmed else { return }
            subscriber.status = .pending
            subscriber.confirmTokenHash = token.hash
            subscriber.confirmExpiresAt = self.now.addingTimeInterval(Self.confirmationLifetime)
            try await subscriber.save(on: db)
            try await Outbox.enqueue(to: email, subject: "Confirm your Rounds newsletter subscription", body: NewsletterMail.confirmation(link: self.confirmLink(token.value)), now: self.now, on: db)
        }
    }

    func confirmLink(_ token: String) -> String {
        self.origin + SiteRoute.newsletterConfirm.path(query: [("token", token)])
    }

    func unsubscribeLink(_ token: String) -> String {
        self.origin + SiteRoute.newsletterUnsubscribe.path(query: [("token", token)])
    }

    /// The pending subscriber a confirmation token names, if the link still works.
    func pending(token: String?) async throws -> NewsletterSubscriber {
        guard let token, !token.isEmpty, token.count < 200,
            let subscriber = try await NewsletterSubscriber.query(on: self.db).filter(\.$confirmTokenHash == SecretToken.hash(token)).first(),
            subscriber.status == .pending, let expires = subscriber.confirmExpiresAt, self.now < expires
        else { throw Self.expired }
        return subscriber
    }

    /// Confirms once: the token is cleared, so the link does not work again.
    func confirm(token: String?) async throws {
        let subscriber = try await self.pending(token: token)
        subscriber.status = .confirmed
        subscriber.confirmedAt = self.now
        subscriber.confirmTokenHash = nil
        subscriber.confirmExpiresAt = nil
        try await subscriber.save(on: self.db)
    }

    /// The subscriber an issue's unsubscribe token names.
    func subscriber(unsubscribeToken token: String?) async throws -> NewsletterSubscriber {
        guard let token, !token.isEmpty, token.count < 200,
            let delivery = try await NewsletterDelivery.query(on: self.db).filter(\.$unsubscribeTokenHash == SecretToken.hash(token)).with(\.$subscriber).first()
        else { throw Abort(.notFound, reason: "This unsubscribe link is not one Rounds sent.") }
        return delivery.subscriber
    }

    /// Unsubscribes at once; using the link again changes nothing.
    func unsubscribe(token: String?) async throws {
        let subscriber = try await self.subscriber(unsubscribeToken: token)
        guard subscriber.status != .unsubscribed else { return }
        subscriber.status = .unsubscribed
        subscriber.unsubscribedAt = self.now
        subscriber.confirmTokenHash = nil
        subscriber.confirmExpiresAt = nil
        try await subscriber.save(on: self.db)
    }

    struct Counts: Sendable {
        var confirmed = 0
        var pending = 0
        var unsubscribed = 0
    }

    /// Sent issues, newest first: the public archive.
    func sentIssues() async throws -> [NewsletterIssue] {
        try await NewsletterIssue.query(on: self.db).filter(\.$status == .sent).sort(\.$sentAt, .descending).all()
    }

    /// A sent issue (404 for a draft or none).
    func sentIssue(_ id: NewsletterIssueID?) async throws -> NewsletterIssue {
        guard let id, let issue = try await NewsletterIssue.query(on: self.db).filter(\.$id == id.rawValue).filter(\.$status == .sent).first() else {
            throw Abort(.notFound, reason: "No such issue.")
        }
        return issue
    }

    /// How many addresses are in each state; the admin pages show counts, never addresses.
    func counts() async throws -> Counts {
        func count(_ status: NewsletterSubscriber.Status) async throws -> Int {
            try await NewsletterSubscriber.query(on: self.db).filter(\.$status == status).count()
        }
        return Counts(confirmed: try await count(.confirmed), pending: try await count(.pending), unsubscribed: try await count(.unsubscribed))
    }

    struct IssueDraft: Sendable {
        var subject: String
        var intro: String
        var guideIDs: [String]
    }

    /// Checks an issue: a subject, an introduction, and one to ten published guides.
    func check(_ draft: IssueDraft) async throws -> (subject: String, intro: String, guides: [UUID]) {
        var errors: [FieldError] = []
        let subject = draft.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        if subject.isEmpty || draft.subject.textLength > Self.subjectLimit || subject.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            errors.append(FieldError(field: "subject", message: "Give the issue a subject of 1 to \(Self.subjectLimit) characters on one line."))
        }
        if draft.intro.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || draft.intro.textLength > Self.introLimit {
            errors.append(FieldError(field: "intro", message: "Write an introduction of at most \(Self.introLimit.formatted(.number)) characters."))
        }
        let published = Set(try await GuideLibrary(db: self.db, now: self.now).listed().compactMap(\.id))
        var guides: [UUID] = []
        for raw in draft.guideIDs {
            guard let id = UUID(uuidString: raw), published.contains(id) else {
                errors.append(FieldError(field: "guides", message: "Choose published guides from the list."))
                break
            }
            if !guides.contains(id) { guides.append(id) }
        }
        if guides.isEmpty || guides.count > Self.maximumGuides, !errors.contains(where: { $0.field == "guides" }) {
            errors.append(FieldError(field: "guides", message: "Choose 1 to \(Self.maximumGuides) guides for the issue."))
        }
        try ValidationReport(errors).throwIfInvalid()
        return (subject, draft.intro, guides)
    }

    /// Writes a draft issue (new, or changing a draft that was not sent).
    @discardableResult
    func save(_ draft: IssueDraft, as existing: NewsletterIssue?) async throws -> NewsletterIssue {
        let checked = try await self.check(draft)
        let issue = existing ?? NewsletterIssue(now: self.now)
        guard issue.status == .draft else { throw Abort(.conflict, reason: "This issue was sent; it cannot change.") }
        issue.subject = checked.subject
        issue.intro = checked.intro
        issue.guideList = checked.guides.map(\.uuidString).joined(separator: ",")
        try await issue.save(on: self.db)
        return issue
    }

    /// The issue's guides, in its order, that are still published.
    func guides(of issue: NewsletterIssue) async throws -> [Guide] {
        let byID = Dictionary(uniqueKeysWithValues: try await GuideLibrary(db: self.db, now: self.now).published().compactMap { guide in guide.id.map { ($0, guide) } })
        return issue.guideIDs.compactMap { byID[$0] }
    }

    /// Sends a draft to every confirmed subscriber, in one transaction: the issue is claimed (draft to
    /// sent, so two clicks send once), then each subscriber gets a delivery with its own unsubscribe
    /// token and a message in the outbox, which delivers them in batches with retries.
    func send(_ issue: NewsletterIssue, by admin: User) async throws -> Int {
        let guides = try await self.guides(of: issue)
        guard !guides.isEmpty else { throw Abort(.conflict, reason: "None of this issue's guides is published any more; choose others.") }
        let id = try issue.requireID()
        return try await self.db.transaction { db in
            let claimed = try await db.updateReturningCount(
                NewsletterIssue.schema, set: [("status", NewsletterIssue.Status.sent.rawValue), ("sent_at", self.now)],
                where: { $0.where("id", .equal, SQLBind(id)).where("status", .equal, SQLBind(NewsletterIssue.Status.draft.rawValue)) })
            guard claimed == 1 else { throw Abort(.conflict, reason: "This issue was already sent.") }
            let subscribers = try await NewsletterSubscriber.query(on: db).filter(\.$status == .confirmed).sort(\.$createdAt).all()
            for subscriber in subscribers {
                let token = SecretToken()
                try await NewsletterDelivery(issue: id, subscriber: try subscriber.requireID(), tokenHash: token.hash, now: self.now).create(on: db)
                let link = self.unsubscribeLink(token.value)
                try await Outbox.enqueue(
                    to: subscriber.email, subject: issue.subject,
                    body: NewsletterMail.issue(issue, guides: guides, origin: self.origin, unsubscribe: link), listUnsubscribe: link, now: self.now, on: db)
            }
            try await NewsletterIssue.query(on: db).filter(\.$id == id).set(\.$recipients, to: subscribers.count).update()
            try await AdminAction.record(
                "newsletter.send", by: admin, subject: "newsletter issue “\(issue.subject)”", subjectID: id, reason: "\(subscribers.count) recipients", now: self.now, on: db)
            return subscribers.count
        }
    }
}

extension Request {
    /// A sign-up from the page or the API: counted against the address's limit (as account sign-ups
    /// are) before the address is even checked, then `Newsletter.subscribe`.
    func subscribeToNewsletter(_ email: String) async throws {
        try await RateLimiter(db: self.db, now: self.now)
            .hit("newsletter:ip:\(self.clientIP)", rule: self.application.config.rateLimits.signUpsPerIP).enforce("newsletter sign-ups")
        try await self.newsletter.subscribe(email)
    }

    var newsletter: Newsletter { Newsletter(db: self.db, now: self.now, origin: self.application.config.server.origin) }
}
