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
