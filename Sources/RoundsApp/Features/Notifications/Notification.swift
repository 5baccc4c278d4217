import Fluent
import Vapor

/// An in-app message for one user, with a link to what it is about.
final class UserNotification: Model, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "link") var link: String
    @OptionalField(key: "read_at") var readAt: Date?
    @Parent(key: "user_id") var user: User

    init() {}

    init(userID: UUID, title: String, body: String, link: String, now: Date) {
        self.$user.id = userID
        self.title = title
        self.body = body
        self.link = link
        self.createdAt = now
    }
}

/// Tells a user about something in the app and by e-mail. Called inside the transaction of the change,
/// so the notice exists if and only if the change does.
enum Notifier {
    static func notify(
        _ user: User,
        title: String,
        body: String,
        link: String,
        origin: String,
        now: Date,
        on db: any Database
    ) async throws {
        try await UserNotification(userID: try user.requireID(), title: title, body: body, link: link, now: now).create(on: db)
        try await Outbox.enqueue(
            to: user.email,
            subject: "Rounds: \(title)",
            body: "\(body)\n\nOpen it in Rounds: \(origin)\(link)\n",
            now: now,
            on: db
        )
    }

    static func unreadCount(for userID: UUID, on db: any Database) async throws -> Int {
        try await UserNotification.query(on: db).filter(\.$user.$id == userID).filter(\.$readAt == nil).count()
    }
}
