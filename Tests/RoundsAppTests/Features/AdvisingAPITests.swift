import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// The advising API (issue 22): the same rules as the pages, over JSON, and the newsletter's API.
@Suite struct AdvisingAPITests {
    static let text = AdvisingTests.second

    @Test func aStatementIsWrittenReviewedAndImprovedOverJSON() async throws {
        try await withRoundsApp { app in
            let (_, applicant) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            let (_, advisor) = try await Factories.signedIn(app, email: "dana@example.org", roles: [.advisor])
            let body: [String: any Sendable] = ["title": "FM", "specialty": "family-medicine", "service": "eras", "text": AdvisingTests.first]
            let created = try await applicant.send(.POST, APIRoute.statements.path, json: body)
            #expect(created.status == .created)
            let statement = try created.content.decode(StatementResponse.self)
            #expect(statement.limit.characters == 28_000 && statement.limit.confidence == "primary" && statement.versions.map(\.number) == [1])
            let path = APIRoute.statement(StatementID(rawValue: statement.id)).path
            var next = body
            next["text"] = Self.text
            #expect(try await applicant.send(.POST, path + "/versions", json: next).status == .created)
            let diff = try await applicant.send(.GET, path + "/diff?from=1&to=2").content.decode(DiffResponse.self)
            #expect(diff.addedWords == 3 && diff.removedWords == 1 && diff.changes.contains { $0.kind == "added" && $0.text == "clinic in Ohio. " })
            #expect(try await applicant.send(.GET, path + "/diff?from=1&to=7").status == .notFound)
            #expect(try await applicant.send(.GET, path + "/diff?from=one").status == .badRequest)
            #expect(try await applicant.send(.GET, path + "/diff?from=%2B1&to=2").status == .badRequest)
            var guarded = body
            guarded["text"] = "I met Mr. Alvarez, MRN 4471823, on 03/14/2025."
            let refused = try await applicant.send(.POST, path + "/versions", json: guarded)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("patient identifiers"))
            #expect(try await applicant.send(.POST, path + "/versions", json: ["title": 5]).status == .badRequest)

            let full = try await applicant.send(.GET, path).content.decode(StatementResponse.self)
            // The schema's 254 characters count the address as sent, blank space included.
            let padded = "dana@example.org" + String(repeating: " ", count: 250)
            let paddedRequest = try await applicant.send(.POST, APIRoute.reviews.path, json: ["subject": "statement", "version": full.versions[1].id.uuidString, "advisor_email": padded])
            #expect(paddedRequest.status == .unprocessableEntity)
            let request = try await applicant.send(
                .POST, APIRoute.reviews.path, json: ["subject": "statement", "version": full.versions[1].id.uuidString, "advisor_email": "dana@example.org"])
            #expect(request.status == .created)
            let review = try request.content.decode(ReviewResponse.self)
            #expect(review.status == "requested" && review.text == Self.text)
            #expect(try await applicant.send(.POST, APIRoute.reviews.path, json: ["subject": "statement", "version": "not-a-uuid", "advisor_email": "dana@example.org"]).status == .unprocessableEntity)
            let reviewPath = APIRoute.review(ReviewID(rawValue: review.id)).path
            #expect(try await advisor.send(.POST, reviewPath + "/actions/start").status == .ok)
            let comment = try await advisor.send(.POST, reviewPath + "/comments", json: ["quote": "taught me patience", "body": "Show it.", "replacement": "taught me to listen"])
            #expect(comment.status == .created)
            let commentID = try comment.content.decode(ReviewCommentResponse.self).id
            #expect(try await advisor.send(.POST, reviewPath + "/comments", json: ["quote": "rural", "near": 33, "body": "Where?"]).status == .created)
            let returned = try await advisor.send(.POST, reviewPath + "/actions/return", json: ["summary": "Good bones."]).content.decode(ReviewResponse.self)
            #expect(returned.status == "returned" && returned.summary == "Good bones." && returned.comments?.count == 2)

            let decided = try await applicant.send(.POST, reviewPath + "/decisions", json: ["decisions": [["comment": commentID.uuidString, "decision": "accepted"]]])
            #expect(decided.status == .ok)
            let version = try #require(try decided.content.decode(API.AdvisingController.DecisionsResponse.self).version)
            #expect(version.number == 3 && version.text.contains("taught me to listen"))
            #expect(try await applicant.send(.POST, reviewPath + "/actions/close").status == .ok)
            #expect(try await advisor.send(.GET, APIRoute.reviews.path).content.decode([ReviewResponse].self).first?.text == nil)
        }
    }

    @Test func racingBookingsOverJSONTakeTheSlotOnce() async throws {
        try await withRoundsApp { app in
            let (_, advisor) = try await Factories.signedIn(app, email: "dana@example.org", roles: [.advisor])
            let slotBody: [String: any Sendable] = [
                "kind": "strategy-call", "date": "2026-10-05", "time": "09:30", "time_zone": "America/Chicago", "minutes": 30, "location": "https://meet.example.org/x",
            ]
            let published = try await advisor.send(.POST, APIRoute.advisorSlots.path, json: slotBody)
            #expect(published.status == .created)
            let slot = try published.content.decode(SlotResponse.self)
            #expect(slot.status == "open" && slot.location == "https://meet.example.org/x")
            var bad = slotBody
            bad["minutes"] = 500
            #expect(try await advisor.send(.POST, APIRoute.advisorSlots.path, json: bad).status == .unprocessableEntity)

            var clients: [APIClient] = []
            for index in 0..<16 {
                clients.append(try await Factories.signedIn(app, email: "racer\(index)@example.org", roles: [.applicant]).1)
            }
            let seen = try await clients[0].send(.GET, APIRoute.advisingSlots.path).content.decode(SessionsResponse.self)
            #expect(seen.open.map(\.id) == [slot.id] && seen.open[0].location == "video call (link after booking)")
            let path = APIRoute.slotBooking(AdvisorSlotID(rawValue: slot.id)).path
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for client in clients {
                    group.addTask { try await client.send(.POST, path).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1 && statuses.filter { $0 == .conflict }.count == 15)
            let mine = try await advisor.send(.GET, APIRoute.advisorSlots.path).content.decode([SlotResponse].self)
            #expect(mine.first?.status == "booked" && mine.first?.bookedBy?.contains("@example.org") == true)
        }
    }

    @Test func theNewsletterAPIAnswersAlikeForAnyAddress() async throws {
        try await withRoundsApp { app in
            let client = APIClient(app: app)
            let first = try await client.send(.POST, APIRoute.newsletterSubscriptions.path, json: ["email": "reader@example.org"])
            #expect(first.status == .accepted)
            let again = try await client.send(.POST, APIRoute.newsletterSubscriptions.path, json: ["email": "reader@example.org"])
            #expect(again.status == .accepted && again.body.string == first.body.string)
            #expect(try await client.send(.POST, APIRoute.newsletterSubscriptions.path, json: ["email": "not an address"]).status == .unprocessableEntity)
            #expect(try await client.send(.POST, APIRoute.newsletterSubscriptions.path, json: ["email": String(repeating: "a", count: 250) + "@example.org"]).status == .unprocessableEntity)
            // The limit counts the address as sent: a plausible one padded past 254 characters is refused too.
            #expect(try await client.send(.POST, APIRoute.newsletterSubscriptions.path, json: ["email": "padded@example.org" + String(repeating: " ", count: 250)]).status == .unprocessableEntity)
            #expect(try await client.send(.GET, APIRoute.newsletterIssues.path).content.decode([API.NewsletterController.IssueSummary].self).isEmpty)
            #expect(try await client.send(.GET, "/api/v1/newsletter/issues/\(UUID())").status == .notFound)
        }
    }
}
