import Fluent
import Vapor

/// An e-mail waiting to be delivered. Writing here inside the caller's transaction means a message
/// is sent if and only if the change that caused it was committed.
final class OutboxMessage: Model, @unchecked Sendable {
    static let schema = "outbox_messages"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    // data fields
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    /// List mail's one-click unsubscribe address, sent as List-Unsubscribe headers (RFC 8058).
    @OptionalField(key: "list_unsubscribe") var listUnsubscribe: String?

    init() {}

    init(recipient: String, subject: String, body: String, listUnsubscribe: String? = nil, now: Date) {
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.listUnsubscribe = listUnsubscribe
        self.createdAt = now
        self.attempts = 0
        self.nextAttemptAt = now
    }
}

/// Queues e-mail in the outbox table; delivery happens elsewhere, with retries.
enum Outbox {
    static func enqueue(
        to recipient: String,
        subject: String,
        body: String,
        listUnsubscribe: String? = nil,
        now: Date,
        on db: any Database
    ) async throws {
        try await OutboxMessage(recipient: recipient, subject: subject, body: body, listUnsubscribe: listUnsubscribe, now: now).create(on: db)
    }
}
