import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Never more accepted than seats, whatever the concurrency. CI runs the same race against two app
/// processes sharing one PostgreSQL database (`scripts/two-instance-test`).
@Suite struct SeatConcurrencyTests {
    static let applicants = 200
    static let seats = 5

    @Test func twoHundredConcurrentAcceptsFillFiveSeatsExactly() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app, seats: Self.seats)
            var offers: [(UUID, APIClient)] = []
            let now = app.services.clock.now()
            for index in 0..<Self.applicants {
                let (user, client) = try await fixture.applicant("applicant\(index)@example.org")
                let application = SessionApplication(
                    applicantID: try user.requireID(), sessionID: fixture.sessionID, status: .offered, statement: ApplicationFixture.statement,
                    offerExpiresAt: now.addingTimeInterval(86_400), now: now
                )
                try await application.create(on: app.db)
                offers.append((try application.requireID(), client))
            }

            let answers = try await withThrowingTaskGroup(of: (HTTPStatus, String).self) { group in
                for (id, client) in offers {
                    group.addTask {
                        let response = try await fixture.act(client, .accept, on: id)
                        return (response.status, response.body.string)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            #expect(answers.filter { $0.0 == .ok }.count == Self.seats)
            let refused = answers.filter { $0.0 == .conflict }
            #expect(refused.count == Self.applicants - Self.seats)
            #expect(refused.allSatisfy { $0.1.contains("All 5 seats of this session are taken") })
            #expect(try await SessionApplication.query(on: app.db).filter(\.$status == .accepted).count() == Self.seats)
            #expect(try await fixture.seatsTaken() == Self.seats)
            // A refused accept leaves no trace: still offered, no event.
            #expect(try await SessionApplication.query(on: app.db).filter(\.$status == .offered).count() == Self.applicants - Self.seats)
            #expect(try await ApplicationEvent.query(on: app.db).count() == Self.seats)
        }
    }
}
