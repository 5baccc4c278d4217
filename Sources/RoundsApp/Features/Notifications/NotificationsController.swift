import Fluent
import Vapor

struct NotificationResponse: Content {
    var id: UUID
    var title: String
    var body: String
    var link: String
    var createdAt: Date
    var readAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, title, body, link
        case createdAt = "created_at"
        case readAt = "read_at"
    }

    init(_ notification: UserNotification) throws {
        self.id = try notification.requireID()
        self.title = notification.title
        self.body = notification.body
        self.link = notification.link
        self.createdAt = notification.createdAt
        self.readAt = notification.readAt
    }
}

struct NotificationListResponse: Content {
    var unread: Int
    var items: [NotificationResponse]
}

enum NotificationQueries {
    static let pageSize = 100

    static func list(for user: User, on db: any Database) async throws -> NotificationListResponse {
        let userID = try user.requireID()
        let items = try await UserNotification.query(on: db).filter(\.$user.$id == userID).sort(\.$createdAt, .descending).sort(\.$id)
            .limit(Self.pageSize).all()
        return NotificationListResponse(unread: try await Notifier.unreadCount(for: userID, on: db), items: try items.map(NotificationResponse.init))
    }

    static func markAllRead(for user: User, now: Date, on db: any Database) async throws {
        try await UserNotification.query(on: db).filter(\.$user.$id == user.requireID()).filter(\.$readAt == nil).set(\.$readAt, to: now).update()
    }
}

/// The signed-in user's notifications, in HTML.
struct NotificationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(SignInRequired())
        signedIn.get(SiteRoute.notifications, use: self.index)
        signedIn.post(SiteRoute.readNotifications, use: self.read)
    }

    @Sendable func index(req: Request) async throws -> HTMLPage {
        let list = try await NotificationQueries.list(for: try req.requireUser(), on: req.db)
        return NotificationPages.list(list, context: req.pageContext).page()
    }

    @Sendable func read(req: Request) async throws -> Response {
        try await NotificationQueries.markAllRead(for: try req.requireUser(), now: req.now, on: req.db)
        return req.redirect(to: SiteRoute.notifications.path, flash: Flash(kind: .success, message: "All marked as read."))
    }
}

extension API {
    struct NotificationsController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let signedIn = routes.grouped(SignInRequired())
            signedIn.get(APIRoute.notifications, use: self.index)
            signedIn.post(APIRoute.readNotifications, use: self.read)
        }

        @Sendable func index(req: Request) async throws -> NotificationListResponse {
            try await NotificationQueries.list(for: try req.requireUser(), on: req.db)
        }

        @Sendable func read(req: Request) async throws -> NotificationListResponse {
            let user = try req.requireUser()
            try await NotificationQueries.markAllRead(for: user, now: req.now, on: req.db)
            return try await NotificationQueries.list(for: user, on: req.db)
        }
    }
}
