import Vapor

/// Carries a one-line message across a redirect in a short-lived cookie, read once.
struct FlashMiddleware: AsyncMiddleware {
    static let cookieName = "rounds_flash"
    static let maximumLength = 300

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let raw = request.cookies[Self.cookieName]?.string {
            request.incomingFlash = Self.decode(raw)
        }
        let response = try await next.respond(to: request)
        if let outgoing = request.outgoingFlash {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: Self.encode(outgoing),
                maxAge: 60,
                path: "/",
                isHTTPOnly: true,
                sameSite: .lax
            )
        } else if request.incomingFlash != nil, response.status.code < 300 || response.status.code >= 400 {
            response.cookies[Self.cookieName] = HTTPCookies.Value(string: "", maxAge: 0, path: "/")
        }
        return response
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
