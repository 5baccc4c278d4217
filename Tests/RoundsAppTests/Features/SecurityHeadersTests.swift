import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Crawls every registered route as each role and anonymous, and checks the security headers and cookie
/// attributes on every answer, errors included.
@Suite struct SecurityHeadersTests {
    static let cacheable: Set<String> = [SiteRoute.stylesheet.path, SiteRoute.favicon.path, SiteRoute.script.path]

    /// Every route with parameters filled in, as (method, path).
    static func crawlTargets(_ app: Application) -> [(HTTPMethod, String)] {
        app.routes.all.map { route in
            let path = route.path.map { component -> String in
                if case .parameter = component { return UUID().uuidString }
                return component.description
            }
            return (route.method, "/" + path.joined(separator: "/"))
        } + [(.GET, "/no/such/page"), (.GET, "/api/v1/no-such-thing"), (.OPTIONS, SiteRoute.signIn.path)]
    }

    static func checkHeaders(_ response: TestingHTTPResponse, _ label: String, behindTLS: Bool) {
        let headers = response.headers
        #expect(headers.first(name: "Content-Security-Policy") == SecurityHeadersMiddleware.contentSecurityPolicy, "\(label)")
        #expect(headers.first(name: "X-Content-Type-Options") == "nosniff", "\(label)")
        #expect(headers.first(name: "Referrer-Policy") == "same-origin", "\(label)")
        #expect(headers.first(name: "X-Frame-Options") == "DENY", "\(label)")
        let path = label.split(separator: " ").last.map(String.init) ?? ""
        if !Self.cacheable.contains(path) || response.status.code >= 300 {
            #expect(headers.first(name: .cacheControl) == "no-store", "\(label)")
        }
        #expect((headers.first(name: "Strict-Transport-Security") != nil) == behindTLS, "\(label)")
        for setCookie in headers[.setCookie] {
            let attributes = setCookie.lowercased()
            #expect(attributes.contains("httponly"), "\(label): \(setCookie)")
            #expect(attributes.contains("path=/"), "\(label): \(setCookie)")
            if setCookie.hasPrefix("rounds_session") || setCookie.hasPrefix("__Host-rounds_session") {
                #expect(attributes.contains("samesite=lax"), "\(label): \(setCookie)")
            }
            if setCookie.contains("rounds_csrf") {
                #expect(attributes.contains("samesite=strict"), "\(label): \(setCookie)")
            }
            if behindTLS {
                #expect(setCookie.hasPrefix("__Host-"), "\(label): \(setCookie)")
                #expect(attributes.contains("secure"), "\(label): \(setCookie)")
                #expect(!attributes.contains("domain="), "\(label): \(setCookie)")
            }
        }
    }

    @Test(arguments: [nil] + Role.allCases.map(Optional.some))
    func everyAnswerCarriesTheSecurityHeaders(role: Role?) async throws {
        try await withRoundsApp { app in
            var browser = Browser(app)
            var client = APIClient(app: app)
            if let role {
                (browser, client) = try await Factories.signedIn(app, email: "\(role.rawValue)@example.org", roles: [role])
            }
            for (method, path) in Self.crawlTargets(app) {
                let label = "\(role?.rawValue ?? "anonymous") \(method.rawValue) \(path)"
                let response: TestingHTTPResponse
                if path.hasPrefix("/api/") {
                    response = try await client.send(method, path)
                } else if method == .POST {
                    response = try await browser.post(path)
                } else {
                    response = try await browser.send(method, path, headers: [:], body: nil)
                }
                #expect(response.status.code < 500, "\(label)")
                Self.checkHeaders(response, label, behindTLS: false)
                // Signing out ends the session; sign in again so the rest of the crawl stays signed in.
                if path == SiteRoute.signOut.path, let role {
                    (browser, client) = try await Factories.signedIn(app, email: "\(role.rawValue)-\(UUID().uuidString.prefix(6))@example.org", roles: [role])
                }
            }
        }
    }

    @Test func behindTLSCookiesAreSecureWithTheHostPrefixAndHSTSIsSent() async throws {
        try await withRoundsApp(adjust: { $0.server.publicURL = "https://rounds.example.org" }) { app in
            let home = try await Browser(app).get(SiteRoute.home.path)
            Self.checkHeaders(home, "GET /", behindTLS: true)
            #expect(home.headers[.setCookie].contains { $0.hasPrefix("__Host-rounds_csrf=") })
            // Sign up with the TLS cookie names, sending the token from the __Host- cookie.
            let csrf = try #require(home.headers.setCookie?["__Host-rounds_csrf"]?.string)
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .cookie, value: "__Host-rounds_csrf=\(csrf)")
            headers.contentType = .urlEncodedForm
            let body = Browser.encode([
                ("display_name", "Tls User"), ("email", "tls@example.org"), ("password", Browser.password),
                ("role", "applicant"), ("csrf_token", csrf),
            ])
            let signUp = try await Browser(app).send(.POST, SiteRoute.signUp.path, headers: headers, body: body)
            #expect(signUp.status == .seeOther)
            Self.checkHeaders(signUp, "POST /sign-up", behindTLS: true)
            #expect(signUp.headers[.setCookie].contains { $0.hasPrefix("__Host-rounds_session=") })
        }
    }
}
