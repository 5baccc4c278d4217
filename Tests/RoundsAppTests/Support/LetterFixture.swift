import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// An applicant, a program with an advisor reviewing it, and helpers to request, upload and assign letters.
/// The writer's link is read from the e-mail in the outbox, the only place it exists.
struct LetterFixture {
    static let pdf = Array("%PDF-1.4\n1 0 obj\n<</Type/Catalog>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n".utf8)

    let app: Application
    let applicant: User
    let client: APIClient
    let program: Program
    let reviewer: User
    let reviewerClient: APIClient

    var programID: UUID { self.program.id! }

    static func make(_ app: Application) async throws -> LetterFixture {
        let applicant = try await Factories.user(app, email: "amara@example.org", roles: [.applicant], name: "Amara Okafor")
        let reviewer = try await Factories.user(app, email: "reviewer@example.org", roles: [.advisor], name: "Program Reviewer")
        let program = Program(name: "Fictional Medical Center Internal Medicine", specialtyID: "internal-medicine", city: "Boston", state: "MA", now: Date())
        try await program.create(on: app.db)
        try await ProgramReviewer(programID: program.requireID(), userID: reviewer.requireID()).create(on: app.db)
        return LetterFixture(
            app: app, applicant: applicant, client: try await ApplicationFixture.client(app, for: applicant), program: program,
            reviewer: reviewer, reviewerClient: try await ApplicationFixture.client(app, for: reviewer)
        )
    }

    /// Requests a letter and returns its id and the token e-mailed to the writer.
    func request(_ client: APIClient? = nil, waiver: String, writerEmail: String = "writer@example-hospital.org") async throws -> (id: UUID, token: String) {
        let response = try await (client ?? self.client).send(
            .POST, APIRoute.letters.path,
            json: [
                "writer_name": "Dr. Maya Lindqvist", "writer_email": writerEmail, "writer_title": "Attending physician",
                "writer_institution": "Fictional General Hospital", "waiver": waiver, "message": "Thank you for the month on wards.",
            ]
        )
        #expect(response.status == .created, "\(response.body.string)")
        let id = try response.content.get(UUID.self, at: "id")
        return (id, try await self.latestToken(to: writerEmail))
    }

    /// The token in the newest e-mail to `writerEmail`.
    func latestToken(to writerEmail: String) async throws -> String {
        try await MailedLinks.token(self.app, to: writerEmail, path: SiteRoute.letterLink.path)
    }

    func upload(token: String, bytes: [UInt8] = Self.pdf, fileName: String = "letter.pdf") async throws -> TestingHTTPResponse {
        try await APIClient(app: self.app).upload(APIRoute.letterLinkUpload.path, fields: [("token", token)], fileName: fileName, bytes: bytes)
    }

    func assign(_ letter: UUID, to program: UUID? = nil, _ client: APIClient? = nil) async throws -> TestingHTTPResponse {
        try await (client ?? self.client).send(
            .POST, "\(APIRoute.letters.path)/\(letter.uuidString)/assignments", json: ["program_id": (program ?? self.programID).uuidString]
        )
    }

    /// Submits the application to `program` (the fixture's by default) from the letter's assignment.
    func apply(_ letter: UUID, to program: UUID? = nil, _ client: APIClient? = nil) async throws -> TestingHTTPResponse {
        try await (client ?? self.client).send(.POST, APIRoute.letterProgramApplication(LetterID(letter), program: ProgramID(program ?? self.programID)).path)
    }

    func unassign(_ letter: UUID, from program: UUID? = nil) async throws -> TestingHTTPResponse {
        try await self.client.send(.DELETE, APIRoute.letterAssignment(LetterID(letter), program: ProgramID(program ?? self.programID)).path)
    }

    /// A letter requested, uploaded and assigned to the fixture's program.
    func assigned(waiver: String) async throws -> (id: UUID, token: String) {
        let letter = try await self.request(waiver: waiver)
        #expect(try await self.upload(token: letter.token).status == .ok)
        #expect(try await self.assign(letter.id).status == .ok)
        return letter
    }
}

/// Links Rounds e-mails (letter writers, supervisors): read from the outbox, the only place they exist.
enum MailedLinks {
    /// The `token` of the link to `path` in the newest e-mail to `address`, after checking the link is
    /// one a mail client can follow (the origin as it is, then the path).
    static func token(_ app: Application, to address: String, path: String) async throws -> String {
        // Reminders and repeat requests come at least a day apart, so the newest mail is the last by time.
        let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == address).sort(\.$createdAt).all().last)
        let link = try #require(mail.body.split(whereSeparator: \.isWhitespace).first { $0.contains(path + "?token=") })
        #expect(link.hasPrefix(app.config.server.origin + path + "?token="), "\(link)")
        return try #require(URLComponents(string: String(link))?.queryItems?.first { $0.name == "token" }?.value)
    }
}
