import Fluent
import Foundation
import MatchEngine
import RoundsCore
import Vapor

/// Running a cycle's match with the NRMP algorithm and publishing the result as offers.
extension PlacementCycles {
    struct RunSummary: Content {
        var matched: Int
        var unmatched: Int
        var couples: Int
        /// Couples left out because the partner has not confirmed, or a member is in another pair.
        var pairsLeftOut: Int
        var stable: Bool?

        enum CodingKeys: String, CodingKey {
            case matched, unmatched, couples, stable
            case pairsLeftOut = "pairs_left_out"
        }
    }

    /// Builds the instance from the lists (sessions are programs with their free seats), runs it and
    /// stores where everyone goes. May be run again until the cycle is published.
    func run(_ cycle: PlacementCycle) async throws -> RunSummary {
        try await RoundsMetrics.time(RoundsMetrics.matchRuns) { try await self.runTimed(cycle) }
    }

    private func runTimed(_ cycle: PlacementCycle) async throws -> RunSummary {
        guard cycle.status != .published else { throw Abort(.conflict, reason: "The cycle is published; its result is final.") }
        let cycleID = try cycle.requireID()
        let sessions = try await self.sessions(of: cycle)
        let lists = try await PlacementApplicantList.query(on: self.db).filter(\.$cycle.$id == cycleID).sort(\.$applicant.$id).all()

        var placed: Set<UUID> = []
        var couples: [MatchInstance.Couple] = []
        var pairsLeftOut = 0
        for list in lists {
            guard let partner = list.$partner.id else { continue }
            guard list.partnerConfirmed, !placed.contains(list.$applicant.id), !placed.contains(partner),
                case .couple(let pairs) = PlacementChoices(stored: list.choices, isCouple: true)
            else {
                pairsLeftOut += 1
                continue
            }
            placed.formUnion([list.$applicant.id, partner])
            couples.append(
                MatchInstance.Couple(
                    members: [list.$applicant.id.uuidString, partner.uuidString],
                    ranking: pairs.map { [$0.mine?.uuidString, $0.partners?.uuidString] }
                )
            )
        }
        var singles: [MatchInstance.Applicant] = []
        for list in lists where list.$partner.id == nil && !placed.contains(list.$applicant.id) {
            guard case .single(let choices) = PlacementChoices(stored: list.choices, isCouple: false) else { continue }
            placed.insert(list.$applicant.id)
            singles.append(MatchInstance.Applicant(id: list.$applicant.id.uuidString, ranking: choices.map(\.uuidString)))
        }
        var programs: [MatchInstance.Program] = []
        for session in sessions {
            let ranking = try await self.hostList(cycle, session: session).filter { placed.contains($0) }.map(\.uuidString)
            programs.append(MatchInstance.Program(id: try session.requireID().uuidString, capacity: max(0, session.seats - session.seatsTaken), ranking: ranking))
        }
        let result: MatchResult
        do {
            result = try Match.run(MatchInstance(programs: programs, applicants: singles, couples: couples))
        } catch {
            throw Abort(.conflict, reason: "The match could not finish: \(error). Ask the couples involved to change their lists, then run it again.")
        }
        let participants = placed
        try await self.db.transaction { db in
            try await PlacementResult.query(on: db).filter(\.$cycle.$id == cycleID).delete()
            for person in participants.sorted(by: { $0.uuidString < $1.uuidString }) {
                let session = result.assignments[person.uuidString].flatMap(UUID.init(uuidString:))
                try await PlacementResult(cycleID: cycleID, applicantID: person, sessionID: session).create(on: db)
            }
            cycle.status = PlacementCycle.Status.matched
            cycle.matchedAt = self.now
            try await cycle.save(on: db)
        }
        return RunSummary(
            matched: result.assignments.count, unmatched: placed.count - result.assignments.count, couples: couples.count,
            pairsLeftOut: pairsLeftOut, stable: result.isStable
        )
    }

    struct PublishSummary: Content {
        var offered: Int
        /// Matched applicants who already had a live application for their session (left as it was).
        var skipped: Int
    }

    /// Turns every match into an offer (open `offerDays` days) through the application workflow's records:
    /// an application in `offered`, a system event and the offer notice. All or nothing.
    func publish(_ cycle: PlacementCycle) async throws -> PublishSummary {
        guard cycle.status == .matched else { throw Abort(.conflict, reason: "Run the match before publishing (the cycle is \(cycle.status)).") }
        let cycleID = try cycle.requireID()
        let results = try await PlacementResult.query(on: self.db).filter(\.$cycle.$id == cycleID).filter(\.$session.$id != nil).all()
        let expiry = self.now.addingTimeInterval(Double(cycle.offerDays) * 86_400)
        let note = "Matched in the placement cycle \(cycle.name)."
        // What the offer notices name, loaded once for every result.
        let sessions = try await OpportunitySession.query(on: self.db).filter(\.$id ~~ Set(results.compactMap { $0.$session.id }))
            .with(\.$opportunity) { $0.with(\.$site) { $0.with(\.$host) } }.all()
            .reduce(into: [UUID: OpportunitySession]()) { $0[$1.id!] = $1 }
        let applicants = try await User.query(on: self.db).filter(\.$id ~~ Set(results.map { $0.$applicant.id })).all()
            .reduce(into: [UUID: User]()) { $0[$1.id!] = $1 }
        return try await self.db.transaction { db in
            var summary = PublishSummary(offered: 0, skipped: 0)
            for result in results {
                guard let sessionID = result.$session.id else { continue }
                if try await SessionApplication.live(of: result.$applicant.id, to: sessionID, on: db) != nil {
                    summary.skipped += 1
                    continue
                }
                let application = SessionApplication(
                    applicantID: result.$applicant.id, sessionID: sessionID, status: .offered, statement: note, offerExpiresAt: expiry, now: self.now
                )
                guard let session = sessions[sessionID], let applicant = applicants[result.$applicant.id] else { continue }
                application.$session.value = session
                application.$applicant.value = applicant
                // Created already offered: the match stands in for submission and review.
                try await ApplicationWorkflow(db: db, now: self.now, origin: self.origin).create(
                    application, through: [.offered], loaded: LoadedApplication(application: application), party: .system, actorID: nil, note: note, on: db
                )
                summary.offered += 1
            }
            cycle.status = PlacementCycle.Status.published
            cycle.publishedAt = self.now
            try await cycle.save(on: db)
            return summary
        }
    }
}
