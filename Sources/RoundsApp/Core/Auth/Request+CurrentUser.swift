import RoundsCore
import Vapor

extension Request {
    private struct CurrentSessionKey: StorageKey {
        typealias Value = UserSession
    }

    /// The signed-in user, from a session cookie (HTML) or a bearer token (API).
    var currentUser: User? { self.auth.get(User.self) }

    /// The browser session behind this request, when it came with a valid session cookie.
    var currentSession: UserSession? {
        get { self.storage[CurrentSessionKey.self] }
        set { self.storage[CurrentSessionKey.self] = newValue }
    }

    /// The signed-in user, or 401.
    func requireUser() throws -> User {
        guard let user = self.currentUser else { throw Abort(.unauthorized, reason: "Sign in first.") }
        return user
    }

    /// The signed-in user holding `role`, or 401/403.
    func requireUser(_ role: Role) throws -> User {
        let user = try self.requireUser()
        guard user.has(role) else {
            throw Abort(.forbidden, reason: "This needs the \(role.displayName.lowercased()) role.")
        }
        return user
    }

    /// Whether this request is for the JSON API (answers in JSON, authenticated by bearer token).
    var isAPI: Bool { APIRoute.contains(path: self.url.path) }
}
