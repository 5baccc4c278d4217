import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Calls the JSON API with a bearer token, as a script would.
struct APIClient {
    let app: Application
    var token: String?

    /// Signs up through the HTML flow (optionally with extra roles) and creates a token through the API.
    static func signedUp(
        _ app: Application,
        email: String = "amara@example.org",
        role: String = "applicant"
    ) async throws -> APIClient {
        try await Browser(app).signUp(email: email, role: role)
        let response = try await APIClient(app: app).send(
            .POST,
            APIRoute.tokens.path,
            json: ["email": email, "password": Browser.password, "name": "tests"]
        )
        #expect(response.status == .created)
        let token = try response.content.get(String.self, at: "token")
        return APIClient(app: app, token: token)
    }

    /// Uploads a file as multipart/form-data, as a script with curl -F would.
    func upload(_ path: String, fields: [(String, String)], fileName: String, bytes: [UInt8]) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        headers.replaceOrAdd(name: .contentType, value: Multipart.contentType)
        let body = Multipart.body(fields: fields, fileName: fileName, bytes: bytes)
        return try await self.app.testing().performTest(
            request: TestingHTTPRequest(method: .POST, url: URI(path: path), headers: headers, body: body)
        )
    }

    /// Sends `bytes` exactly as given with the caller's headers (and the bearer token), for malformed bodies.
    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, bytes: [UInt8]) async throws -> TestingHTTPResponse {
        var headers = headers
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var body = ByteBuffer()
        body.writeBytes(bytes)
        return try await self.app.testing().performTest(
            request: TestingHTTPRequest(method: method, url: URI(path: path), headers: headers, body: body)
        )
    }

    func send(
        _ method: HTTPMethod,
        _ path: String,
        json: [String: any Sendable]? = nil,
        raw: String? = nil,
        contentType: HTTPMediaType = .json
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var body = ByteBuffer()
        if let json {
            body.writeBytes(try JSONSerialization.data(withJSONObject: json))
            headers.contentType = contentType
        } else if let raw {
            body.writeString(raw)
            headers.contentType = contentType
        }
        return try await self.app.testing().performTest(
            request: TestingHTTPRequest(method: method, url: URI(path: path), headers: headers, body: body)
        )
    }
}

/// A multipart/form-data body with form fields and one file named `file`, as a browser or curl -F sends.
enum Multipart {
    static let boundary = "----rounds-test-boundary"
    static let contentType = "multipart/form-data; boundary=\(boundary)"

    static func body(fields: [(String, String)], fileName: String, bytes: [UInt8]) -> ByteBuffer {
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n")
        body.writeString("Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        return body
    }
}
