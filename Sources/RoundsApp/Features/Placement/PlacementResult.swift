import Fluent
import Foundation
import Vapor

/// Where the last run placed an applicant (no session: unmatched).
final class PlacementResult: Model, @unchecked Sendable {
    static let schema = "placement_results"

    @ID(key: .id) var id: UUID?
    @Parent(key: "cycle_id") var cycle: PlacementCycle
    @Parent(key: "applicant_id") var applicant: User
    @OptionalParent(key: "session_id") var session: OpportunitySession?

    init() {}

    init(cycleID: UUID, applicantID: UUID, sessionID: UUID?) {
        self.$cycle.id = cycleID
        self.$applicant.id = applicantID
        self.$session.id = sessionID
    }
}
