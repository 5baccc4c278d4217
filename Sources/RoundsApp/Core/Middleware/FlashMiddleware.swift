import Vapor

/// Carries a one-line message across a redirect in a short-lived cookie, read once.
struct FlashMiddleware: AsyncMiddleware {
    static let maximumLength = 300
    let isSecure: Bool

    var cookieName: String { self.isSecure ? "__Host-rounds_flash" : "rounds_flash" }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let raw = request.cookies[self.cookieName]?.string {
            request.incomingFlash = Self.decode(raw)
        }
        let response = try await next.respond(to: request)
        if let outgoing = request.outgoingFlash {
            response.cookies[self.cookieName] = self.cookie(Self.encode(outgoing), maxAge: 60)
        } else if request.incomingFlash != nil, response.status.code < 300 || response.status.code >= 400 {
            response.cookies[self.cookieName] = self.cookie("", maxAge: 0)
        }
        return response
    }

    private func cookie(_ value: String, maxAge: Int) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, maxAge: maxAge, path: "/", isSecure: self.isSecure, isHTTPOnly: true, sameSite: .lax)
    }

    static func encode(_ flash: Flash) -> String {
        Data("\(flash.kind.rawValue)|\(flash.message)".utf8).base64URLEncodedString()
    }

    static func decode(_ raw: String) -> Flash? {
        var base64 = raw.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard raw.count <= 600, let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
            let bar = text.firstIndex(of: "|"), let kind = Flash.Kind(rawValue: String(text[..<bar]))
        else { return nil }
        return Flash(kind: kind, message: String(text[text.index(after: bar)...].prefix(Self.maximumLength)))
    }
}

extension Request {
    private struct IncomingFlashKey: StorageKey { typealias Value = Flash }
    private struct OutgoingFlashKey: StorageKey { typealias Value = Flash }

    var incomingFlash: Flash? {
        get { self.storage[IncomingFlashKey.self] }
        set { self.storage[IncomingFlashKey.self] = newValue }
    }

    var outgoingFlash: Flash? { self.storage[OutgoingFlashKey.self] }

    /// Redirects with a message for the next page.
    func redirect(to path: String, flash: Flash) -> Response {
        self.storage[OutgoingFlashKey.self] = flash
        return self.redirect(to: path)
    }
}
