import Fluent
import Foundation
import SQLKit
import RoundsCore
import Tagged
import Vapor

/// Review requests between an applicant and an advisor. Each side sees only the reviews it is party
/// to; every change of state is one conditional update, so a double click or two tabs change it once.
struct ReviewDesk {
    let db: any Database
    let now: Date
    let origin: String

    static let notFound = Abort(.notFound, reason: "No such review.")
    static let messageLimit = 1_000
    static let summaryLimit = 4_000

    struct RequestForm: Content {
        var subject: String?
        /// The statement version, for a statement review.
        var version: String?
        var advisor_email: String?
        var message: String?
    }

    /// What the applicant sends: a statement version as it is, the other subjects as text made now.
    struct Sent {
        var subject: ReviewSubject
        var title: String
        var text: String
        var version: StatementVersion?
    }

    /// Files a request with the advisor whose e-mail is given; refused (ValidationReport) field by field.
    func request(_ form: RequestForm, by applicant: User, sending load: (ReviewSubject, UUID?) async throws -> Sent) async throws -> Review {
        var errors: [FieldError] = []
        let subject = form.subject.flatMap(ReviewSubject.init(rawValue:))
        if subject == nil { errors.append(FieldError(field: "subject", message: "Choose what to send for review.")) }
        let message = StatementDraft.normalized(form.message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if (form.message ?? "").textLength > Self.messageLimit {
            errors.append(FieldError(field: "message", message: "The note to the advisor is at most \(Self.messageLimit) characters."))
        }
        // The address's limit counts it as sent (as the API schema says), as RankListShare does.
        let email = form.advisor_email ?? ""
        let advisor = email.textLength <= EmailAddress.maximumLength ? try await User.find(email: email, on: self.db) : nil
        if advisor?.has(.advisor) != true {
            errors.append(FieldError(field: "advisor_email", message: "No advisor in Rounds has that e-mail address."))
        } else if advisor?.id == applicant.id {
            errors.append(FieldError(field: "advisor_email", message: "That is your own account."))
        }
        let version = (form.version ?? "").isEmpty ? nil : form.version.flatMap { UUID(uuidString: $0) }
        if !(form.version ?? "").isEmpty, version == nil {
            errors.append(FieldError(field: "version", message: "The version is the id of one of your statement's versions."))
        }
        var sent: Sent?
        if let subject, errors.allSatisfy({ $0.field != "version" }) {
            do {
                sent = try await load(subject, version)
            } catch let report as ValidationReport {
                errors += report.errors
            }
        }
        guard errors.isEmpty, let advisor, let sent else { throw ValidationReport(errors) }
        let review = Review()
        review.$applicant.id = try applicant.requireID()
        review.$advisor.id = try advisor.requireID()
        review.subject = sent.subject
        review.$statementVersion.id = sent.version?.id
        review.title = sent.title
        review.text = sent.text
        review.message = message
        review.summary = ""
        review.status = .requested
        review.createdAt = self.now
        review.updatedAt = self.now
        try await self.db.transaction { db in
            try await review.create(on: db)
            try await Notifier.notify(
                advisor, title: "Review requested: \(sent.title)",
                body: "\(applicant.displayName) asks you to review their \(sent.subject.label.lowercased())." + (message.isEmpty ? "" : " Their note: \(message)"),
                link: SiteRoute.review(try review.requireTypedID()).path, origin: self.origin, now: self.now, on: db)
        }
        review.$applicant.value = applicant
        review.$advisor.value = advisor
        return review
    }

    /// The reviews the user asked for (applicant) or was asked for (advisor), open ones first.
    func reviews(of user: User) async throws -> [Review] {
        let id = try user.requireID()
        let reviews = try await Review.query(on: self.db)
            .group(.or) { $0.filter(\.$applicant.$id == id).filter(\.$advisor.$id == id) }
            .field(\.$id).field(\.$applicant.$id).field(\.$advisor.$id).field(\.$subject).field(\.$title).field(\.$status).field(\.$createdAt).field(\.$updatedAt)
            .with(\.$applicant).with(\.$advisor)
            .sort(\.$updatedAt, .descending).all()
        return reviews.sorted { ($0.status == .closed ? 1 : 0) < ($1.status == .closed ? 1 : 0) }
    }

    /// A review the user is party to, with its comments in text order (404 for anyone else).
    func review(_ id: ReviewID?, for user: User) async throws -> Review {
        let userID = try user.requireID()
        guard let id, let review = try await Review.query(on: self.db).filter(\.$id == id.rawValue)
            .group(.or, { $0.filter(\.$applicant.$id == userID).filter(\.$advisor.$id == userID) })
            .with(\.$applicant).with(\.$advisor).with(\.$comments).with(\.$statementVersion).first()
        else { throw Self.notFound }
        review.$comments.value = review.comments.sorted { ($0.start, $0.createdAt) < ($1.start, $1.createdAt) }
        return review
    }

    /// The advisor's comment on a passage, while the review is in their hands.
    func comment(_ draft: ReviewCommentDraft, on review: Review, by advisor: User) async throws -> ReviewComment {
        try Self.require(advisor, isAdvisorOf: review)
        guard review.status == .inReview else {
            throw Abort(.conflict, reason: review.status == .requested ? "Start the review before commenting." : "The review was returned; comments are closed.")
        }
        let checked = try draft.check(against: review.text, subject: review.subject).get()
        let comment = ReviewComment(reviewID: try review.requireID(), comment: checked, now: self.now)
        try await comment.create(on: self.db)
        return comment
    }

    func deleteComment(_ id: ReviewCommentID?, on review: Review, by advisor: User) async throws {
        try Self.require(advisor, isAdvisorOf: review)
        guard review.status == .inReview else { throw Abort(.conflict, reason: "Comments can be removed only while the review is in progress.") }
        guard let comment = review.comments.first(where: { $0.id == id?.rawValue }) else { throw Abort(.notFound, reason: "No such comment.") }
        try await comment.delete(on: self.db)
    }

    /// Moves the review on, if the action is the user's to take and applies now; tells the other side.
    func act(_ action: ReviewAction, on review: Review, by user: User, summary: String? = nil) async throws {
        switch action.actor {
        case .advisor: try Self.require(user, isAdvisorOf: review)
        case .applicant:
            guard review.$applicant.id == user.id else { throw Abort(.forbidden, reason: "Only the applicant who asked for the review can \(action.rawValue) it.") }
        }
        guard let next = action.next(from: review.status) else { throw Abort(.conflict, reason: action.refusal(from: review.status)) }
        let raw = summary ?? ""
        let summary = StatementDraft.normalized(raw).trimmingCharacters(in: .whitespacesAndNewlines)
        // The limit holds for the note as sent (as the API schema says), not only once trimmed.
        guard raw.textLength <= Self.summaryLimit else {
            throw ValidationReport([FieldError(field: "summary", message: "The overall note is at most \(Self.summaryLimit.formatted(.number)) characters.")])
        }
        let from = review.status
        let reviewID = try review.requireID()
        try await self.db.transaction { db in
            var set: [(String, any Encodable & Sendable)] = [("status", next.rawValue), ("updated_at", self.now)]
            if action == .return { set.append(("summary", summary)) }
            let changed = try await db.updateReturningCount(Review.schema, set: set) {
                $0.where("id", .equal, reviewID).where("status", .equal, from.rawValue)
            }
            guard changed == 1 else { throw Abort(.conflict, reason: "The review changed meanwhile; reload it.") }
            review.status = next
            if action == .return { review.summary = summary }
            let link = SiteRoute.review(try review.requireTypedID()).path
            switch action {
            case .start:
                try await Notifier.notify(review.applicant, title: "Review started: \(review.title)", body: "\(review.advisor.displayName) has started reviewing it.", link: link, origin: self.origin, now: self.now, on: db)
            case .return:
                try await Notifier.notify(
                    review.applicant, title: "Review returned: \(review.title)",
                    body: "\(review.advisor.displayName) returned the review with \(review.comments.count) comment(s). Accept or reject each suggestion.",
                    link: link, origin: self.origin, now: self.now, on: db)
            case .close, .withdraw:
                try await Notifier.notify(
                    review.advisor, title: "Review \(action == .close ? "closed" : "withdrawn"): \(review.title)",
                    body: "\(review.applicant.displayName) \(action == .close ? "closed" : "withdrew") it.", link: link, origin: self.origin, now: self.now, on: db)
            }
        }
    }

    static func require(_ user: User, isAdvisorOf review: Review) throws {
        guard review.$advisor.id == user.id else { throw Abort(.forbidden, reason: "Only the advisor asked for this review can do that.") }
    }
}

extension Request {
    var reviews: ReviewDesk { ReviewDesk(db: self.db, now: self.now, origin: self.application.config.server.origin) }
}
