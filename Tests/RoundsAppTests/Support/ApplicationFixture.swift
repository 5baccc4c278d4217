import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// A published opportunity with one open session, its host, and helpers to make applicants apply.
struct ApplicationFixture {
    static let pdf = Array("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8)
    static let statement = "I am an IMG preparing for internal medicine residency and want to learn US inpatient workflows."

    let app: Application
    let opportunity: Opportunity
    let session: OpportunitySession
    let hostUser: User
    let host: APIClient

    var sessionID: UUID { self.session.id! }

    static func make(_ app: Application, seats: Int = 3, requirements: Set<Requirement> = [], title: String = "Hospitalist Observership") async throws
        -> ApplicationFixture
    {
        let opportunity = try await CatalogTests.listing(app, title: title, zip: "10016", requirements: requirements, seats: seats)
        let session = try #require(try await OpportunitySession.query(on: app.db).filter(\.$opportunity.$id == opportunity.requireID()).first())
        let site = try #require(try await Site.find(opportunity.$site.id, on: app.db))
        let hostUser = try #require(try await User.find(site.$host.id, on: app.db))
        return ApplicationFixture(
            app: app, opportunity: opportunity, session: session, hostUser: hostUser, host: try await Self.client(app, for: hostUser)
        )
    }

    static func client(_ app: Application, for user: User) async throws -> APIClient {
        let created = try await APITokens.create(for: user, name: "tests", on: app.db, now: app.services.clock.now())
        return APIClient(app: app, token: created.secret)
    }

    func applicant(_ email: String) async throws -> (User, APIClient) {
        let user = try await Factories.user(self.app, email: email, roles: [.applicant], name: "Applicant \(email.prefix(while: { $0 != "@" }))")
        return (user, try await Self.client(self.app, for: user))
    }

    func upload(_ client: APIClient, kind: DocumentKind = .cv, fileName: String = "cv.pdf", bytes: [UInt8] = Self.pdf) async throws -> UUID {
        let response = try await client.upload(APIRoute.documents.path, fields: [("kind", kind.rawValue)], fileName: fileName, bytes: bytes)
        #expect(response.status == .created, "\(response.body.string)")
        return try response.content.get(UUID.self, at: "id")
    }

    @discardableResult
    func apply(_ client: APIClient, documents: [UUID] = [], confirmed: [String] = [], submit: Bool = true, session: UUID? = nil)
        async throws -> TestingHTTPResponse
    {
        try await client.send(
            .POST, APIRoute.applications.path,
            json: [
                "session_id": (session ?? self.sessionID).uuidString, "statement": Self.statement,
                "document_ids": documents.map(\.uuidString), "confirmed_requirements": confirmed, "submit": submit,
            ]
        )
    }

    /// Applies and returns the new application's id.
    func submitted(_ client: APIClient) async throws -> UUID {
        let response = try await self.apply(client)
        #expect(response.status == .created, "\(response.body.string)")
        return try response.content.get(UUID.self, at: "id")
    }

    @discardableResult
    func act(_ client: APIClient, _ action: ApplicationAction, on id: UUID, json: [String: any Sendable]? = nil) async throws -> TestingHTTPResponse {
        try await client.send(.POST, "\(APIRoute.applications.path)/\(id.uuidString)/actions/\(action.rawValue)", json: json)
    }

    /// Submitted, reviewed and offered (7 days) through the API.
    func offered(_ client: APIClient) async throws -> UUID {
        let id = try await self.submitted(client)
        #expect(try await self.act(self.host, .review, on: id).status == .ok)
        let offer = try await self.act(self.host, .offer, on: id, json: ["expires_in_days": 7])
        #expect(offer.status == .ok, "\(offer.body.string)")
        return id
    }

    func status(of id: UUID) async throws -> ApplicationStatus? {
        try await SessionApplication.find(id, on: self.app.db)?.status
    }

    func seatsTaken() async throws -> Int {
        try await OpportunitySession.find(self.sessionID, on: self.app.db)?.seatsTaken ?? -1
    }
}
