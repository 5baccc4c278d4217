import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// A cookie-keeping client for the HTML side: it sends the CSRF token with every form, as a page would.
final class Browser {
    let app: Application
    private(set) var cookies: [String: String] = [:]

    init(_ app: Application) {
        self.app = app
    }

    var csrfToken: String? { self.cookies["rounds_csrf"] }
    var sessionToken: String? { self.cookies["rounds_session"] }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await self.send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a form. The CSRF token is added unless `csrf` says otherwise (nil omits it).
    @discardableResult
    func post(
        _ path: String,
        form: [(String, String)] = [],
        csrf: String? = "auto",
        headers: HTTPHeaders = [:]
    ) async throws -> TestingHTTPResponse {
        var fields = form
        if csrf == "auto" {
            if self.csrfToken == nil { try await self.get(SiteRoute.home.path) }
            fields.append(("csrf_token", self.csrfToken ?? ""))
        } else if let csrf {
            fields.append(("csrf_token", csrf))
        }
        var headers = headers
        headers.contentType = .urlEncodedForm
        return try await self.send(.POST, path, headers: headers, body: Self.encode(fields))
    }

    /// Posts a multipart form with one file, as a file input does; the CSRF token goes in as a field.
    @discardableResult
    func upload(_ path: String, fields: [(String, String)], fileName: String, bytes: [UInt8]) async throws -> TestingHTTPResponse {
        if self.csrfToken == nil { try await self.get(SiteRoute.home.path) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: Multipart.contentType)
        let body = Multipart.body(fields: fields + [("csrf_token", self.csrfToken ?? "")], fileName: fileName, bytes: bytes)
        return try await self.send(.POST, path, headers: headers, buffer: body)
    }

    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: String?) async throws -> TestingHTTPResponse {
        var buffer = ByteBuffer()
        if let body { buffer.writeString(body) }
        return try await self.send(method, path, headers: headers, buffer: buffer)
    }

    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, buffer: ByteBuffer) async throws -> TestingHTTPResponse {
        var headers = headers
        if !self.cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: self.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await self.app.testing().performTest(
            request: TestingHTTPRequest(method: method, url: URI(path: path), headers: headers, body: buffer)
        )
        for (name, value) in response.headers.setCookie?.all ?? [:] {
            if value.string.isEmpty || (value.expires.map { $0 < Date(timeIntervalSince1970: 1) } ?? false) || value.maxAge == 0 {
                self.cookies[name] = nil
            } else {
                self.cookies[name] = value.string
            }
        }
        return response
    }

    static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map {
            "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }

    // MARK: - Journeys

    static let password = "correct horse battery staple"

    @discardableResult
    func signUp(
        email: String = "amara@example.org",
        name: String = "Amara Okafor",
        role: String = "applicant",
        password: String = Browser.password
    ) async throws -> TestingHTTPResponse {
        try await self.post(
            SiteRoute.signUp.path,
            form: [("display_name", name), ("email", email), ("password", password), ("role", role)]
        )
    }

    @discardableResult
    func signIn(email: String, password: String = Browser.password) async throws -> TestingHTTPResponse {
        try await self.post(SiteRoute.signIn.path, form: [("email", email), ("password", password)])
    }
}

extension TestingHTTPResponse {
    var text: String { self.body.string }
    var location: String? { self.headers.first(name: .location) }
}
