import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 13, defects 2 and 7: every operation that reads a body answers 4xx to one it cannot read (a
/// broken multipart body sent to a JSON operation answered 500), and a JSON operation sent another media
/// type answers 415, as docs/SECURITY.md says.
@Suite struct MalformedBodyTests {
    struct Body: Sendable, CustomStringConvertible {
        var label: String
        var contentType: String?
        var bytes: [UInt8]
        /// A JSON operation must answer 415 to this media type.
        var isWrongMediaType: Bool

        var description: String { self.label }
    }

    static let bodies: [Body] = [
        Body(label: "multipart closing delimiter only", contentType: "multipart/form-data; boundary=x", bytes: Array("--x--".utf8), isWrongMediaType: true),
        Body(
            label: "multipart with a UTF-8 header name", contentType: "multipart/form-data; boundary=x",
            bytes: Array("--x\r\nCont\u{e9}nt: y\r\n\r\nz\r\n--x--\r\n".utf8), isWrongMediaType: true
        ),
        Body(label: "multipart without a boundary", contentType: "multipart/form-data", bytes: Array("--x--".utf8), isWrongMediaType: true),
        Body(label: "multipart, empty boundary", contentType: "multipart/form-data; boundary=", bytes: Array("----".utf8), isWrongMediaType: true),
        Body(label: "plain text", contentType: "text/plain", bytes: Array("hello".utf8), isWrongMediaType: true),
        Body(label: "a form", contentType: "application/x-www-form-urlencoded", bytes: Array("a=1&b=%ZZ&c[=".utf8), isWrongMediaType: true),
        Body(label: "no content type", contentType: nil, bytes: Array("{}".utf8), isWrongMediaType: true),
        Body(label: "truncated JSON", contentType: "application/json", bytes: Array(#"{"name": "#.utf8), isWrongMediaType: false),
        Body(label: "JSON nested 5,000 deep", contentType: "application/json", bytes: Array((String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)).utf8), isWrongMediaType: false),
        Body(label: "JSON with huge numbers", contentType: "application/json", bytes: Array(#"{"graduation_year": 1e400, "hours": 99999999999999999999999999, "offer_days": -99999999999999999999}"#.utf8), isWrongMediaType: false),
        Body(label: "JSON that is not UTF-8", contentType: "application/json", bytes: [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D], isWrongMediaType: false),
        Body(label: "JSON array", contentType: "application/json", bytes: Array("[1, 2, 3]".utf8), isWrongMediaType: false),
        Body(label: "JSON null", contentType: "application/json", bytes: Array("null".utf8), isWrongMediaType: false),
    ]

    /// Every API route that takes a body, with its parameters filled in.
    static func targets(_ app: Application) -> [(HTTPMethod, String)] {
        app.routes.all.compactMap { route in
            guard [.POST, .PUT, .PATCH, .DELETE].contains(route.method), route.path.first?.description == "api" else { return nil }
            let path = "/" + route.path.map { component -> String in
                if case .parameter = component { return UUID().uuidString }
                return component.description
            }.joined(separator: "/")
            return (route.method, path)
        }
    }

    @Test(arguments: [nil, Role.applicant, .host, .advisor, .admin])
    func noOperationAnswers5xxToABodyItCannotRead(role: Role?) async throws {
        try await withRoundsApp { app in
            var client = APIClient(app: app)
            if let role { client = try await Factories.signedIn(app, email: "\(role.rawValue)@example.org", roles: [role]).1 }
            let targets = Self.targets(app)
            #expect(targets.count > 30)
            for (method, path) in targets {
                for body in Self.bodies {
                    var headers = HTTPHeaders()
                    if let contentType = body.contentType { headers.replaceOrAdd(name: .contentType, value: contentType) }
                    let response = try await client.send(method, path, headers: headers, bytes: body.bytes)
                    let label = "\(role?.rawValue ?? "anonymous") \(method) \(path) with \(body)"
                    // Operations that read no body (mark all read, delete) may succeed; none may fail on our side.
                    #expect(response.status.code < 500, "\(label): \(response.status) \(response.body.string)")
                    if response.status.code >= 400 {
                        #expect(response.headers.contentType?.subType == "json", "\(label)")
                        #expect((try? response.content.get(Bool.self, at: "error")) == true, "\(label)")
                    }
                }
            }
        }
    }

    @Test func aJSONOperationSentAnotherMediaTypeAnswers415() async throws {
        try await withRoundsApp { app in
            try await Factories.user(app, email: "amara@example.org", roles: [.applicant])
            let client = APIClient(app: app)
            for body in Self.bodies where body.isWrongMediaType {
                var headers = HTTPHeaders()
                if let contentType = body.contentType { headers.replaceOrAdd(name: .contentType, value: contentType) }
                let response = try await client.send(.POST, APIRoute.tokens.path, headers: headers, bytes: body.bytes)
                #expect(response.status == .unsupportedMediaType, "\(body): \(response.body.string)")
            }
            // The issue's reproduction: a broken multipart body to the sign-in token operation.
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=x")
            let reproduced = try await client.send(.POST, APIRoute.tokens.path, headers: headers, bytes: Array("--x--".utf8))
            #expect(reproduced.status == .unsupportedMediaType)
            // JSON with a charset parameter is still JSON.
            var json = HTTPHeaders()
            json.replaceOrAdd(name: .contentType, value: "application/json; charset=utf-8")
            let body = #"{"email":"amara@example.org","password":"\#(Browser.password)","name":"cli"}"#
            #expect(try await client.send(.POST, APIRoute.tokens.path, headers: json, bytes: Array(body.utf8)).status == .created)
        }
    }

    @Test func htmlFormsAnswer400ToABrokenBody() async throws {
        try await withRoundsApp { app in
            let browser = Browser(app)
            try await browser.get(SiteRoute.home.path)
            for body in Self.bodies where body.contentType?.hasPrefix("multipart") == true || body.contentType?.hasPrefix("application/x-www") == true {
                var headers = HTTPHeaders()
                if let contentType = body.contentType { headers.replaceOrAdd(name: .contentType, value: contentType) }
                var buffer = ByteBuffer()
                buffer.writeBytes(body.bytes)
                let response = try await browser.send(.POST, SiteRoute.signIn.path, headers: headers, buffer: buffer)
                #expect((400..<500).contains(response.status.code), "\(body): \(response.status)")
            }
        }
    }
}

/// Text with a NUL character is refused, never stored (SQLite cut such a title down to nothing).
@Suite struct NULCharacterTests {
    @Test func jsonAndFormBodiesWithNULAreRefused() async throws {
        try await withRoundsApp { app in
            let client = try await APIClient.signedUp(app)
            let json = try await client.send(.POST, APIRoute.residencyPrograms.path(query: [("year", "2027")]), raw: #"{"name":"\u0000Fictional","specialty":"Internal Medicine"}"#)
            #expect(json.status == .badRequest)
            #expect(json.text.contains("NUL character"))
            let browser = Browser(app)
            _ = try await browser.signIn(email: "amara@example.org")
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            _ = try await browser.get(SiteRoute.home.path)
            let form = try await browser.send(
                .POST, SiteRoute.residencyPrograms.path(query: [("year", "2027")]), headers: headers,
                body: "name=%00Fictional&specialty=Internal+Medicine&csrf_token=\(browser.csrfToken ?? "")")
            // Refused before the handler: the CSRF check cannot read a form it refuses to decode (403).
            #expect([.badRequest, .forbidden].contains(form.status))
            #expect(try await ResidencyProgram.query(on: app.db).count() == 0)
            // The same texts without the NUL are taken.
            #expect(try await client.send(.POST, APIRoute.residencyPrograms.path(query: [("year", "2027")]), json: ["name": "Fictional", "specialty": "Internal Medicine"]).status == .created)
        }
    }
}
