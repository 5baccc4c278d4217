import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Who may read letters, on HTML and on the API, including the direct file URLs. Amara waived her
/// right to see her letter W; Bola kept hers for letter K; both letters are assigned to one program
/// that one advisor reviews. The writers' links are carried the only way they can be: as the token.
@Suite struct LetterAccessTests {
    enum Actor: String, CaseIterable, CustomTestStringConvertible {
        case anonymous, writerLink, otherWritersLink, waivingApplicant, nonWaivingApplicant, otherApplicant, host, advisor, reviewer, admin
        var testDescription: String { self.rawValue }
    }

    enum Operation: String, CaseIterable {
        case readWaivedLetter, readKeptLetter, viewWaivedRequest, reviewerReadsWaived, reviewerReadsKept, programLetterList
    }

    enum Outcome: Equatable { case allowed, signInFirst, forbidden, notFound }

    /// The rules, written out: every actor against every operation.
    static let expected: [Actor: [Operation: Outcome]] = {
        let signIn = Dictionary(uniqueKeysWithValues: Operation.allCases.map { ($0, Outcome.signInFirst) })
        let reviewerRoutesForbidden: [Operation: Outcome] = [.reviewerReadsWaived: .forbidden, .reviewerReadsKept: .forbidden, .programLetterList: .forbidden]
        let applicantRoutesForbidden: [Operation: Outcome] = [.readWaivedLetter: .forbidden, .readKeptLetter: .forbidden, .viewWaivedRequest: .forbidden]
        return [
            .anonymous: signIn,
            .writerLink: signIn,
            .otherWritersLink: signIn,
            // She waived: her own letter is never shown to her, though her request is.
            .waivingApplicant: [.readWaivedLetter: .forbidden, .readKeptLetter: .notFound, .viewWaivedRequest: .allowed].merging(reviewerRoutesForbidden) { $1 },
            .nonWaivingApplicant: [.readWaivedLetter: .notFound, .readKeptLetter: .allowed, .viewWaivedRequest: .notFound].merging(reviewerRoutesForbidden) { $1 },
            .otherApplicant: [.readWaivedLetter: .notFound, .readKeptLetter: .notFound, .viewWaivedRequest: .notFound].merging(reviewerRoutesForbidden) { $1 },
            .host: applicantRoutesForbidden.merging(reviewerRoutesForbidden) { $1 },
            // An advisor who does not review the program does not learn that it has letters.
            .advisor: applicantRoutesForbidden.merging([.reviewerReadsWaived: .notFound, .reviewerReadsKept: .notFound, .programLetterList: .notFound]) { $1 },
            .reviewer: applicantRoutesForbidden.merging([.reviewerReadsWaived: .allowed, .reviewerReadsKept: .allowed, .programLetterList: .allowed]) { $1 },
            // Admins see the read log, not letters.
            .admin: applicantRoutesForbidden.merging(reviewerRoutesForbidden) { $1 },
        ]
    }()

    struct World {
        var fixture: LetterFixture
        var waived: (id: UUID, token: String)
        var kept: (id: UUID, token: String)
        var bola: APIClient

        func paths(_ operation: Operation) -> (html: String, api: String) {
            let program = self.fixture.programID.uuidString
            switch operation {
            case .readWaivedLetter: return (SiteRoute.letterFile(LetterID(self.waived.id)).path, "\(APIRoute.letters.path)/\(self.waived.id.uuidString)/file")
            case .readKeptLetter: return (SiteRoute.letterFile(LetterID(self.kept.id)).path, "\(APIRoute.letters.path)/\(self.kept.id.uuidString)/file")
            case .viewWaivedRequest: return (SiteRoute.letter(LetterID(self.waived.id)).path, "\(APIRoute.letters.path)/\(self.waived.id.uuidString)")
            case .reviewerReadsWaived:
                return (SiteRoute.reviewerLetterFile(program: ProgramID(self.fixture.programID), letter: LetterID(self.waived.id)).path, "\(APIRoute.programs.path)/\(program)/letters/\(self.waived.id.uuidString)")
            case .reviewerReadsKept:
                return (SiteRoute.reviewerLetterFile(program: ProgramID(self.fixture.programID), letter: LetterID(self.kept.id)).path, "\(APIRoute.programs.path)/\(program)/letters/\(self.kept.id.uuidString)")
            case .programLetterList: return (SiteRoute.reviewerProgram(ProgramID(self.fixture.programID)).path, "\(APIRoute.programs.path)/\(program)/letters")
            }
        }
    }

    static func world(_ app: Application) async throws -> World {
        let fixture = try await LetterFixture.make(app)
        let waived = try await fixture.assigned(waiver: "waive")
        let bolaUser = try await Factories.user(app, email: "bola@example.org", roles: [.applicant], name: "Bola Adeyemi")
        let bola = try await ApplicationFixture.client(app, for: bolaUser)
        let kept = try await fixture.request(bola, waiver: "keep", writerEmail: "other-writer@example.org")
        #expect(try await fixture.upload(token: kept.token).status == .ok)
        #expect(try await fixture.assign(kept.id, bola).status == .ok)
        // Both apply to the program: its reviewers see letters with the application.
        #expect(try await fixture.apply(waived.id).status == .ok)
        #expect(try await fixture.apply(kept.id, bola).status == .ok)
        return World(fixture: fixture, waived: waived, kept: kept, bola: bola)
    }

    /// A browser and API client acting as `actor`; writers carry their token, as their link does.
    static func clients(_ actor: Actor, _ world: World, _ app: Application) async throws -> (Browser, APIClient, token: String?) {
        switch actor {
        case .anonymous: return (Browser(app), APIClient(app: app), nil)
        case .writerLink: return (Browser(app), APIClient(app: app), world.waived.token)
        case .otherWritersLink: return (Browser(app), APIClient(app: app), world.kept.token)
        case .waivingApplicant: return (try await Factories.browser(app, signedInAs: "amara@example.org"), world.fixture.client, nil)
        case .nonWaivingApplicant: return (try await Factories.browser(app, signedInAs: "bola@example.org"), world.bola, nil)
        case .reviewer: return (try await Factories.browser(app, signedInAs: "reviewer@example.org"), world.fixture.reviewerClient, nil)
        case .otherApplicant, .host, .advisor, .admin:
            let role: Role = switch actor {
            case .host: .host
            case .advisor: .advisor
            case .admin: .admin
            default: .applicant
            }
            let (browser, client) = try await Factories.signedIn(app, email: "\(actor.rawValue)@example.org", roles: [role])
            return (browser, client, nil)
        }
    }

    static func outcome(_ response: TestingHTTPResponse) -> Outcome? {
        switch response.status {
        case .ok: .allowed
        case .unauthorized: .signInFirst
        case .seeOther where response.location?.hasPrefix(SiteRoute.signIn.path) == true: .signInFirst
        case .forbidden: .forbidden
        case .notFound: .notFound
        default: nil
        }
    }

    @Test(arguments: Actor.allCases)
    func everyActorReadsExactlyWhatTheRulesAllow(actor: Actor) async throws {
        try await withRoundsApp { app in
            let world = try await Self.world(app)
            let (browser, client, token) = try await Self.clients(actor, world, app)
            for operation in Operation.allCases {
                let (html, api) = world.paths(operation)
                let query = token.map { [("token", $0)] } ?? []
                let page = try await browser.get(html.appendingQuery(query))
                let json = try await client.send(.GET, api.appendingQuery(query))
                let expected = Self.expected[actor]?[operation]
                #expect(Self.outcome(page) == expected, "HTML \(actor) \(operation): \(page.status)")
                #expect(Self.outcome(json) == expected, "API \(actor) \(operation): \(json.status)")
                if expected != .allowed {
                    #expect(!page.body.string.contains("%PDF") && !json.body.string.contains("%PDF"), "\(actor) \(operation) got letter bytes")
                }
            }
            // Only allowed reads are on record, each once per surface.
            let allowedReads = Operation.allCases.filter {
                Self.expected[actor]?[$0] == .allowed && [.readKeptLetter, .reviewerReadsWaived, .reviewerReadsKept].contains($0)
            }
            #expect(try await LetterRead.query(on: app.db).count() == allowedReads.count * 2)
        }
    }

    @Test func writerLinksShowTheirOwnRequestAndNeverALetter() async throws {
        try await withRoundsApp { app in
            let world = try await Self.world(app)
            for (token, applicant, other) in [(world.waived.token, "Amara Okafor", "Bola Adeyemi"), (world.kept.token, "Bola Adeyemi", "Amara Okafor")] {
                let page = try await Browser(app).get(SiteRoute.letterLink.path(query: [("token", token)]))
                #expect(page.status == .ok)
                #expect(page.body.string.contains(applicant) && !page.body.string.contains(other))
                #expect(!page.body.string.contains("%PDF") && !page.body.string.contains("/file"))
                let json = try await APIClient(app: app).send(.GET, APIRoute.letterLink.path(query: [("token", token)]))
                #expect(try json.content.get(String.self, at: "applicant_name") == applicant)
                #expect(!json.body.string.contains("%PDF"))
            }
            // A link only ever touches its own request: the other writer's upload changes letter K alone.
            let before = try #require(try await LetterRequest.find(world.waived.id, on: app.db)).sha256
            try await LetterRequest.query(on: app.db).filter(\.$id == world.kept.id).set(\.$appliedCount, to: 0).update()
            #expect(try await world.fixture.upload(token: world.kept.token, bytes: LetterFixture.pdf + [0x0A]).status == .ok)
            #expect(try #require(try await LetterRequest.find(world.waived.id, on: app.db)).sha256 == before)
        }
    }
}
