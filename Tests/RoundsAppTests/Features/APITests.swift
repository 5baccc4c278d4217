import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

@Suite struct APITests {
    @Test func aTokenIdentifiesItsOwnerUntilRevoked() async throws {
        try await withRoundsApp { app in
            let client = try await APIClient.signedUp(app)
            let me = try await client.send(.GET, APIRoute.me.path)
            #expect(me.status == .ok)
            #expect(try me.content.get(String.self, at: "email") == "amara@example.org")
            #expect(try me.content.get([String].self, at: "roles") == ["applicant"])

            let list = try await client.send(.GET, APIRoute.tokens.path)
            let tokens = try list.content.decode([API.AccountsController.TokenResponse].self)
            #expect(tokens.count == 1)
            #expect(tokens[0].token == nil)
            #expect(try await APIToken.query(on: app.db).first()?.tokenHash != client.token)

            let revoked = try await client.send(.DELETE, "\(APIRoute.tokens.path)/\(tokens[0].id.uuidString)")
            #expect(revoked.status == .noContent)
            #expect(try await client.send(.GET, APIRoute.me.path).status == .unauthorized)
        }
    }

    @Test func wrongCredentialsGetNoToken() async throws {
        try await withRoundsApp { app in
            try await Browser(app).signUp(email: "amara@example.org")
            let response = try await APIClient(app: app).send(
                .POST, APIRoute.tokens.path, json: ["email": "amara@example.org", "password": "wrong password!", "name": "x"]
            )
            #expect(response.status == .unauthorized)
            #expect(try response.content.get(Bool.self, at: "error"))
            #expect(try await APIToken.query(on: app.db).count() == 0)
        }
    }

    @Test func nobodyCanRevokeAnotherUsersToken() async throws {
        try await withRoundsApp { app in
            let owner = try await APIClient.signedUp(app, email: "owner@example.org")
            let other = try await APIClient.signedUp(app, email: "other@example.org")
            let ownerTokenID = try #require(
                try await APIToken.query(on: app.db).join(User.self, on: \APIToken.$user.$id == \User.$id)
                    .filter(User.self, \.$emailNormalized == "owner@example.org").first()?.id
            )
            let response = try await other.send(.DELETE, "\(APIRoute.tokens.path)/\(ownerTokenID.uuidString)")
            #expect(response.status == .notFound)
            #expect(try await owner.send(.GET, APIRoute.me.path).status == .ok)
        }
    }

    @Test func theProfileRoundTripsAndBadInputNamesTheField() async throws {
        try await withRoundsApp { app in
            let client = try await APIClient.signedUp(app)
            #expect(try await client.send(.GET, APIRoute.profile.path).status == .notFound)
            let body: [String: any Sendable] = [
                "track": "img_student", "medical_school": "Cairo University", "school_country": "Egypt",
                "graduation_year": 2027, "visa_status": "needs_visa", "specialties": ["neurology"],
            ]
            let saved = try await client.send(.PUT, APIRoute.profile.path, json: body)
            #expect(saved.status == .ok)
            #expect(try saved.content.get(String.self, at: "step1") == "not_taken")
            let read = try await client.send(.GET, APIRoute.profile.path)
            #expect(try read.content.get([String].self, at: "specialties") == ["neurology"])

            let bad = try await client.send(.PUT, APIRoute.profile.path, json: ["track": "img_graduate", "visa_status": "b1_b2"])
            #expect(bad.status == .unprocessableEntity)
            let fields = try bad.content.get([String: String].self, at: "fields")
            #expect(fields["medical_school"] == "Name your medical school.")
            #expect(fields["graduation_year"] == "Enter the year you graduated.")
            #expect(try await client.send(.GET, APIRoute.profile.path).content.get(String.self, at: "track") == "img_student")
        }
    }

    /// Found by schemathesis in CI: "õ🏻" is one Character but two code points, so a limit checked
    /// with `count` let through text longer than the document's `maxLength` (which counts code points).
    @Test func textLimitsCountCodePointsAsTheDocumentDoes() async throws {
        try await withRoundsApp { app in
            let client = try await APIClient.signedUp(app)
            let limit = ApplicantProfileInput.maximumCountryLength
            let country = String(repeating: "o\u{1F3FB}", count: limit / 2) + "o"
            #expect(country.count <= limit && country.unicodeScalars.count == limit + 1)
            let body: [String: any Sendable] = [
                "track": "img_student", "medical_school": "Cairo University", "school_country": country,
                "graduation_year": 2027, "visa_status": "needs_visa",
            ]
            let refused = try await client.send(.PUT, APIRoute.profile.path, json: body)
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.content.get([String: String].self, at: "fields")["school_country"] == "Use at most \(limit) characters.")
            #expect(try await client.send(.GET, APIRoute.profile.path).status == .notFound)
        }
    }

    @Test func malformedBodiesGet400AndWrongContentTypes415() async throws {
        try await withRoundsApp { app in
            let client = try await APIClient.signedUp(app)
            let malformed = try await client.send(.PUT, APIRoute.profile.path, raw: "{\"track\": ")
            #expect(malformed.status == .badRequest)
            let wrongType = try await client.send(.PUT, APIRoute.profile.path, json: ["track": 7, "visa_status": "b1_b2"])
            #expect(wrongType.status == .badRequest)
            #expect(try wrongType.content.get(String.self, at: "reason").contains("track"))
            let xml = try await client.send(.PUT, APIRoute.profile.path, raw: "<profile/>", contentType: .xml)
            #expect(xml.status == .unsupportedMediaType)
        }
    }

    @Test func anUnknownMethodOnAKnownPathIs405WithAllow() async throws {
        try await withRoundsApp { app in
            let client = try await APIClient.signedUp(app)
            let trace = try await client.send(.init(rawValue: "TRACE"), APIRoute.profile.path)
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers.first(name: .allow) == "GET, PUT")
            #expect(try trace.content.get(Bool.self, at: "error"))
            #expect(try await client.send(.PATCH, APIRoute.me.path).status == .methodNotAllowed)
            #expect(try await client.send(.GET, "/api/v1/nothing-here").status == .notFound)
            let page = try await Browser(app).send(.OPTIONS, SiteRoute.signIn.path, headers: [:], body: nil)
            #expect(page.status == .methodNotAllowed)
            #expect(page.headers.first(name: .allow) == "GET, POST")
        }
    }

    @Test func everyAPIRouteIsInTheOpenAPIDocument() async throws {
        try await withRoundsApp { app in
            let served = Set(
                app.routes.all
                    .filter { $0.path.first?.description == "api" }
                    .map { route in
                        let path = route.path.map { component -> String in
                            if case .parameter(let name) = component { return "{\(name)}" }
                            return component.description
                        }
                        return "\(route.method.rawValue) /\(path.joined(separator: "/"))"
                    }
            )
            let documented = OpenAPIDocument.operations.union(["GET /api/v1/openapi.json"])
            #expect(served == documented)
            let response = try await Browser(app).get(APIRoute.openAPI.path)
            #expect(response.status == .ok)
            #expect(try response.content.get(String.self, at: "openapi") == "3.1.0")
        }
    }
}
