import Fluent
import Foundation
import RoundsCore
import Vapor

/// JSON shapes of the advising API; field names in snake_case as everywhere in `/api/v1`.
struct StatementVersionResponse: Content {
    /// What a review request names to send this version.
    var id: UUID
    var number: Int
    var text: String
    var note: String
    var words: Int
    var characters: Int
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, number, text, note, words, characters
        case createdAt = "created_at"
    }

    init(_ version: StatementVersion) throws {
        let counts = version.counts
        self.id = try version.requireID()
        self.number = version.number
        self.text = version.text
        self.note = version.note
        self.words = counts.words
        self.characters = counts.characters
        self.createdAt = version.createdAt
    }
}

struct StatementLimitResponse: Content {
    var characters: Int
    var source: String
    var confidence: String
    var checked: String
    var holdsFor: String?

    enum CodingKeys: String, CodingKey {
        case characters, source, confidence, checked
        case holdsFor = "holds_for"
    }

    init(_ service: StatementService) {
        let fact = service.limitSource
        self.characters = service.characterLimit
        self.source = fact.url
        self.confidence = fact.confidence
        self.checked = fact.checked
        self.holdsFor = fact.holdsFor
    }
}

struct StatementResponse: Content {
    var id: UUID
    var title: String
    var specialty: String
    var service: String
    var limit: StatementLimitResponse
    var updatedAt: Date
    /// Every version, oldest first (only the latest in lists).
    var versions: [StatementVersionResponse]

    enum CodingKeys: String, CodingKey {
        case id, title, specialty, service, limit, versions
        case updatedAt = "updated_at"
    }

    init(_ statement: PersonalStatement, versions: [StatementVersion]) throws {
        self.id = try statement.requireID()
        self.title = statement.title
        self.specialty = statement.specialty
        self.service = statement.service.rawValue
        self.limit = StatementLimitResponse(statement.service)
        self.updatedAt = statement.updatedAt
        self.versions = try versions.map(StatementVersionResponse.init)
    }
}

struct DiffResponse: Content {
    struct Change: Content {
        var kind: String
        var text: String
    }

    var from: Int
    var to: Int
    var addedWords: Int
    var removedWords: Int
    var changes: [Change]

    enum CodingKeys: String, CodingKey {
        case from, to, changes
        case addedWords = "added_words"
        case removedWords = "removed_words"
    }

    init(from: Int, to: Int, result: WordDiff.Result) {
        self.from = from
        self.to = to
        self.addedWords = result.addedWords
        self.removedWords = result.removedWords
        self.changes = result.changes.map { change in
            switch change {
            case .same(let text): Change(kind: "same", text: text)
            case .added(let text): Change(kind: "added", text: text)
            case .removed(let text): Change(kind: "removed", text: text)
            }
        }
    }
}

struct ReviewCommentResponse: Content {
    var id: UUID
    var start: Int
    var quote: String
    var body: String
    var replacement: String?
    var decision: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, start, quote, body, replacement, decision
        case createdAt = "created_at"
    }

    init(_ comment: ReviewComment) throws {
        self.id = try comment.requireID()
        self.start = comment.start
        self.quote = comment.quote
        self.body = comment.body
        self.replacement = comment.replacement
        self.decision = comment.decision.rawValue
        self.createdAt = comment.createdAt
    }
}

struct ReviewResponse: Content {
    var id: UUID
    var subject: String
    var title: String
    var status: String
    var applicant: String
    var advisor: String
    var createdAt: Date
    var updatedAt: Date
    /// The text as sent, the notes and the comments; left out of lists.
    var text: String?
    var message: String?
    var summary: String?
    var comments: [ReviewCommentResponse]?

    enum CodingKeys: String, CodingKey {
        case id, subject, title, status, applicant, advisor, text, message, summary, comments
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    init(_ review: Review, full: Bool) throws {
        self.id = try review.requireID()
        self.subject = review.subject.rawValue
        self.title = review.title
        self.status = review.status.rawValue
        self.applicant = review.applicant.displayName
        self.advisor = review.advisor.displayName
        self.createdAt = review.createdAt
        self.updatedAt = review.updatedAt
        if full {
            self.text = review.text
            self.message = review.message
            self.summary = review.summary
            self.comments = try review.comments.map(ReviewCommentResponse.init)
        }
    }
}

struct SlotResponse: Content {
    var id: UUID
    var kind: String
    var startsAt: Date
    var minutes: Int
    var timeZone: String
    var advisor: String
    /// A video link only for the advisor and the booker; "video call" for everyone else.
    var location: String
    var note: String
    var status: String
    var bookedBy: String?
    var cancelReason: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, minutes, advisor, location, note, status
        case startsAt = "starts_at"
        case timeZone = "time_zone"
        case bookedBy = "booked_by"
        case cancelReason = "cancel_reason"
    }

    init(_ slot: AdvisorSlot, for viewer: User) throws {
        let isAdvisor = slot.$advisor.id == viewer.id
        let isBooker = slot.$bookedBy.id == viewer.id
        self.id = try slot.requireID()
        self.kind = slot.kind.rawValue
        self.startsAt = slot.startsAt
        self.minutes = slot.minutes
        self.timeZone = slot.timeZone
        self.advisor = slot.$advisor.value?.displayName ?? viewer.displayName
        self.location = slot.isVideoLink && !isAdvisor && !isBooker ? "video call (link after booking)" : slot.location
        self.note = slot.note
        self.status = slot.isCancelled ? "cancelled" : slot.isBooked ? "booked" : "open"
        self.bookedBy = isAdvisor ? (slot.$bookedBy.value ?? nil).map { "\($0.displayName) <\($0.email)>" } : nil
        self.cancelReason = slot.cancelReason.flatMap { $0.isEmpty ? nil : $0 }
    }
}

struct SessionsResponse: Content {
    var policy: String
    var open: [SlotResponse]
    var bookings: [SlotResponse]
}
