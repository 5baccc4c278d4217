import Foundation
import RoundsApp
import Vapor

/// `rounds-bench accept-race`: many applicants accept their offers for one session at the same moment,
/// spread over several running app instances that share one database. Passes when exactly `seats` are
/// accepted, every other answer is 409, and the seat counter agrees with the applications; then documents
/// uploaded through one instance must download unchanged through another.
enum AcceptRace {
    static func run(servers: [String], applicants: Int, seats: Int) async throws -> Bool {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"] else {
            say("accept-race needs DATABASE_URL: the database the servers use")
            return false
        }
        let app = try await Application.make(.development)
        app.logger.logLevel = .error
        do {
            try await configure(app, config: AppConfig(database: .postgres(url: url)))
            let (session, offers) = try await AcceptRaceSupport.prepare(app, applicants: applicants, seats: seats)
            say("prepared \(offers.count) open offers for one session of \(seats) seats; racing them over \(servers.joined(separator: ", "))")
            let clock = ContinuousClock()
            var statuses: [UInt] = []
            let elapsed = try await clock.measure {
                statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                    for (index, offer) in offers.enumerated() {
                        let server = servers[index % servers.count]
                        group.addTask {
                            var headers = HTTPHeaders()
                            headers.bearerAuthorization = BearerAuthorization(token: offer.token)
                            let uri = URI(string: "\(server)/api/v1/applications/\(offer.applicationID.uuidString)/actions/accept")
                            return try await app.client.post(uri, headers: headers).status.code
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            let counts = try await AcceptRaceSupport.counts(app, session: session)
            let ok = statuses.filter { $0 == 200 }.count
            let conflicts = statuses.filter { $0 == 409 }.count
            let other = Dictionary(grouping: statuses.filter { $0 != 200 && $0 != 409 }, by: { $0 }).mapValues(\.count)
            say("answers: \(ok) × 200, \(conflicts) × 409, others \(other) in \(elapsed)")
            say("database: \(counts.accepted) accepted applications, seats_taken = \(counts.seatsTaken)")
            let seatsHeld = ok == seats && conflicts == applicants - seats && counts.accepted == seats && counts.seatsTaken == seats
            let documentsTravel = try await DocumentRelay.run(app, servers: servers, tokens: offers.prefix(10).map(\.token))
            try await app.asyncShutdown()
            say(seatsHeld ? "PASS: exactly \(seats) seats taken" : "FAIL: overbooked, underbooked or errors")
            if !documentsTravel { say("FAIL: documents uploaded through one instance could not be read through another") }
            return seatsHeld && documentsTravel
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
