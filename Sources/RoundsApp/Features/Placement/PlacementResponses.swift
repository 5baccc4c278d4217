import Fluent
import Foundation
import RoundsCore
import Vapor

/// A cycle as the API shows it: its sessions, and what the caller may see of the lists and the result.
struct PlacementCycleResponse: Content {
    struct SessionPart: Content {
        var id: UUID
        var title: String
        var siteName: String
        var start: String
        var end: String
        var seats: Int
        var eligible: Bool?
        /// The rules the viewer's profile does not meet, in words, when not eligible.
        var notEligibleBecause: [String]?

        enum CodingKeys: String, CodingKey {
            case id, title, start, end, seats, eligible
            case siteName = "site_name"
            case notEligibleBecause = "not_eligible_because"
        }
    }

    struct ListPart: Content {
        var sessionIDs: [UUID]?
        var partnerID: UUID?
        var pairs: [[UUID?]]?
        var partnerConfirmed: Bool

        enum CodingKeys: String, CodingKey {
            case pairs
            case sessionIDs = "session_ids"
            case partnerID = "partner_id"
            case partnerConfirmed = "partner_confirmed"
        }
    }

    struct ResultPart: Content {
        var applicantID: UUID
        var applicantName: String
        var sessionID: UUID?

        enum CodingKeys: String, CodingKey {
            case applicantID = "applicant_id"
            case applicantName = "applicant_name"
            case sessionID = "session_id"
        }
    }

    var id: UUID
    var name: String
    var status: PlacementCycle.Status
    var offerDays: Int
    var sessions: [SessionPart]
    var myList: ListPart?
    var results: [ResultPart]?

    enum CodingKeys: String, CodingKey {
        case id, name, status, sessions, results
        case offerDays = "offer_days"
        case myList = "my_list"
    }
}

extension PlacementCycles {
    /// The cycle for `viewer`: applicants see their eligibility and their list; the owning advisor sees
    /// the result once the match has run.
    func response(_ cycle: PlacementCycle, for viewer: User) async throws -> PlacementCycleResponse {
        let sessions = try await self.sessions(of: cycle)
        let profile = viewer.has(.applicant) ? try await ProfileStore.load(for: viewer, on: self.db) : nil
        let year = Calendar.utc.component(.year, from: self.now)
        var myList: PlacementCycleResponse.ListPart?
        if viewer.has(.applicant), let list = try await self.applicantList(cycle, of: viewer) {
            switch PlacementChoices(stored: list.choices, isCouple: list.$partner.id != nil) {
            case .single(let ids): myList = .init(sessionIDs: ids, partnerID: nil, pairs: nil, partnerConfirmed: false)
            case .couple(let pairs):
                myList = .init(sessionIDs: nil, partnerID: list.$partner.id, pairs: pairs.map { [$0.mine, $0.partners] }, partnerConfirmed: list.partnerConfirmed)
            case nil: myList = nil
            }
        }
        var results: [PlacementCycleResponse.ResultPart]?
        if cycle.$advisor.id == viewer.id, cycle.status != .open {
            results = try await PlacementResult.query(on: self.db).filter(\.$cycle.$id == cycle.requireID()).with(\.$applicant).all()
                .map { .init(applicantID: $0.$applicant.id, applicantName: $0.applicant.displayName, sessionID: $0.$session.id) }
                .sorted { $0.applicantName < $1.applicantName }
        }
        return PlacementCycleResponse(
            id: try cycle.requireID(), name: cycle.name, status: cycle.status, offerDays: cycle.offerDays,
            sessions: try sessions.map { session in
                let eligibility = profile.map { Eligibility.evaluate(session.opportunity.eligibilityRules, for: $0, currentYear: year) }
                return .init(
                    id: try session.requireID(), title: session.opportunity.title, siteName: session.opportunity.site.name,
                    start: Day(ordinal: session.startDay).iso, end: Day(ordinal: session.endDay).iso, seats: session.seats - session.seatsTaken,
                    eligible: eligibility?.isEligible,
                    notEligibleBecause: eligibility.flatMap { $0.isEligible ? nil : $0.reasons.filter { !$0.isMet }.map(\.explanation) }
                )
            },
            myList: myList, results: results
        )
    }

    /// Cycles `viewer` takes part in: the advisor's own; for applicants and hosts, the open ones.
    func visibleCycles(for viewer: User) async throws -> [PlacementCycle] {
        if viewer.has(.advisor) {
            return try await PlacementCycle.query(on: self.db).filter(\.$advisor.$id == viewer.requireID()).sort(\.$createdAt, .descending).all()
        }
        return try await PlacementCycle.query(on: self.db).filter(\.$status != PlacementCycle.Status.published).sort(\.$createdAt, .descending).all()
    }

    /// The advisor's own cycle, or 404 (another advisor's cycle is invisible).
    func ownCycle(_ id: UUID, advisor: User) async throws -> PlacementCycle {
        let cycle = try await self.cycle(id)
        guard cycle.$advisor.id == advisor.id else { throw Abort(.notFound, reason: "No such placement cycle of yours.") }
        return cycle
    }
}
