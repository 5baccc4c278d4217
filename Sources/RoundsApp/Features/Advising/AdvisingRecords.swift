import Fluent
import Foundation
import RoundsCore

/// An applicant's personal statement for one specialty and service; its text lives in its versions.
final class PersonalStatement: Model, @unchecked Sendable {
    static let schema = "statements"

    @ID(key: .id) var id: UUID?
    @Parent(key: "owner_id") var owner: User
    @Field(key: "title") var title: String
    @Field(key: "specialty") var specialty: String
    @Field(key: "service") var service: StatementService
    @Children(for: \.$statement) var versions: [StatementVersion]
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(ownerID: UUID, now: Date) {
        self.$owner.id = ownerID
        self.createdAt = now
        self.updatedAt = now
    }

    var specialtyName: String { Specialties.rotation.find(self.specialty)?.name ?? self.specialty }
}

/// One saved text of a statement, numbered from 1; never changed after it is saved.
final class StatementVersion: Model, @unchecked Sendable {
    static let schema = "statement_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "statement_id") var statement: PersonalStatement
    @Field(key: "number") var number: Int
    @Field(key: "text") var text: String
    @Field(key: "note") var note: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(statementID: UUID, number: Int, text: String, note: String, now: Date) {
        self.$statement.id = statementID
        self.number = number
        self.text = text
        self.note = note
        self.createdAt = now
    }

    var counts: StatementCounts { StatementCounts(self.text) }
}

/// A request to an advisor to review one thing the applicant sent: its text is kept as sent.
final class Review: Model, @unchecked Sendable {
    static let schema = "reviews"

    @ID(key: .id) var id: UUID?
    @Parent(key: "applicant_id") var applicant: User
    @Parent(key: "advisor_id") var advisor: User
    @Field(key: "subject") var subject: ReviewSubject
    @OptionalParent(key: "statement_version_id") var statementVersion: StatementVersion?
    @Field(key: "title") var title: String
    @Field(key: "text") var text: String
    /// The applicant's note to the advisor.
    @Field(key: "message") var message: String
    /// The advisor's overall note, sent when the review is returned.
    @Field(key: "summary") var summary: String
    @Field(key: "status") var status: ReviewStatus
    @Children(for: \.$review) var comments: [ReviewComment]
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// An advisor's comment on a passage of the reviewed text, perhaps with a suggested replacement.
final class ReviewComment: Model, @unchecked Sendable {
    static let schema = "review_comments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "review_id") var review: Review
    @Field(key: "start") var start: Int
    @Field(key: "quote") var quote: String
    @Field(key: "body") var body: String
    @OptionalField(key: "replacement") var replacement: String?
    @Field(key: "decision") var decision: SuggestionDecision
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(reviewID: UUID, comment: ReviewCommentDraft.Checked, now: Date) {
        self.$review.id = reviewID
        self.start = comment.anchor.start
        self.quote = comment.anchor.quote
        self.body = comment.body
        self.replacement = comment.replacement
        self.decision = .pending
        self.createdAt = now
    }

    var anchor: TextAnchor { TextAnchor(start: self.start, quote: self.quote) }
    var isSuggestion: Bool { self.replacement != nil }
}

/// An advisor's calendar feed: only the secret's hash is kept; the address is shown once when made.
final class AdvisorCalendar: Model, @unchecked Sendable {
    static let schema = "advisor_calendars"

    @ID(key: .id) var id: UUID?
    @Parent(key: "advisor_id") var advisor: User
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
