import Fluent
import Foundation
import Vapor

final class PlacementCycleSession: Model, @unchecked Sendable {
    static let schema = "placement_cycle_sessions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "cycle_id") var cycle: PlacementCycle
    @Parent(key: "session_id") var session: OpportunitySession

    init() {}

    init(cycleID: UUID, sessionID: UUID) {
        self.$cycle.id = cycleID
        self.$session.id = sessionID
    }
}
