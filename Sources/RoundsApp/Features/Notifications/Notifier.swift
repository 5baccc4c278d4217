import Fluent
import Vapor

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
