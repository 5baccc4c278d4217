import Fluent
import Vapor

/// Counts the signed-in user's unread notifications for the navigation bar of HTML pages
/// (one indexed COUNT per page view; the API asks for it explicitly).
struct UnreadNotificationsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .GET, !request.isAPI, let userID = request.currentUser?.id {
            request.unreadNotifications = try await Notifier.unreadCount(for: userID, on: request.db)
        }
        return try await next.respond(to: request)
    }
}
