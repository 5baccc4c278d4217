import RoundsCore
import Vapor

/// What every page needs besides its own content: who is signed in, the form token, a flash message.
struct PageContext: Sendable {
    struct Viewer: Sendable {
        var displayName: String
        var roles: Set<Role>
        var unreadNotifications = 0
    }

    var viewer: Viewer?
    var csrfToken: String
    var flash: Flash?
    /// The page's own path, so the navigation can mark where the reader is.
    var path = ""

    static let anonymous = PageContext(viewer: nil, csrfToken: "", flash: nil)
}

/// A one-time message shown at the top of the next page (after a redirect).
struct Flash: Sendable, Equatable {
    enum Kind: String, Sendable { case success, error }
    var kind: Kind
    var message: String
}

extension Request {
    var pageContext: PageContext {
        PageContext(
            viewer: self.currentUser.map {
                PageContext.Viewer(displayName: $0.displayName, roles: $0.roles, unreadNotifications: self.unreadNotifications ?? 0)
            },
            csrfToken: self.csrfToken ?? "",
            flash: self.incomingFlash,
            path: self.url.path
        )
    }
}

extension Request {
    private struct UnreadNotificationsKey: StorageKey { typealias Value = Int }

    /// Set by `UnreadNotificationsMiddleware` for signed-in page views.
    var unreadNotifications: Int? {
        get { self.storage[UnreadNotificationsKey.self] }
        set { self.storage[UnreadNotificationsKey.self] = newValue }
    }
}
