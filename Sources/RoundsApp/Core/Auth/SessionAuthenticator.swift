import Fluent
import Vapor

/// Signs in the browser whose session cookie names a live session; ends sessions that expired.
struct SessionAuthenticator: AsyncMiddleware {
    let cookie: SessionCookie
    let idleTimeout: TimeInterval
    let absoluteTimeout: TimeInterval

    /// `last_seen_at` is written at most this often, so reading pages is not a write per request.
    static let touchInterval: TimeInterval = 60

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard !request.isAPI, let token = request.cookies[self.cookie.name]?.string, !token.isEmpty else {
            return try await next.respond(to: request)
        }
        let now = request.now
        var mustClearCookie = true
        if let session = try await UserSession.query(on: request.db)
            .filter(\.$tokenHash == SecretToken.hash(token))
            .with(\.$user)
            .first()
        {
            if session.isExpired(now: now, idle: self.idleTimeout, absolute: self.absoluteTimeout) || session.user.isDisabled {
                try await session.delete(on: request.db)
            } else {
                if now.timeIntervalSince(session.lastSeenAt) >= Self.touchInterval {
                    session.lastSeenAt = now
                    try await session.save(on: request.db)
                }
                request.auth.login(session.user)
                request.currentSession = session
                mustClearCookie = false
            }
        }
        let response = try await next.respond(to: request)
        if mustClearCookie && response.cookies[self.cookie.name] == nil {
            response.cookies[self.cookie.name] = self.cookie.expired
        }
        return response
    }
}

/// Signs in API callers presenting `Authorization: Bearer rnd_…`.
struct APITokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        guard bearer.token.hasPrefix(APIToken.prefix), bearer.token.count < 200 else { return }
        guard let token = try await APIToken.query(on: request.db)
            .filter(\.$tokenHash == SecretToken.hash(bearer.token))
            .with(\.$user)
            .first(), !token.user.isDisabled
        else { return }
        let now = request.now
        if token.lastUsedAt.map({ now.timeIntervalSince($0) >= SessionAuthenticator.touchInterval }) ?? true {
            token.lastUsedAt = now
            try await token.save(on: request.db)
        }
        request.auth.login(token.user)
    }
}
