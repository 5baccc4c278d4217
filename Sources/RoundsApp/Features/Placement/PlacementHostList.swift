import Fluent
import Foundation
import Vapor

/// A host's rank list for one session of a cycle: applicant ids best first.
final class PlacementHostList: Model, @unchecked Sendable {
    static let schema = "placement_host_lists"

    @ID(key: .id) var id: UUID?
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "choices") var choices: String
    @Parent(key: "cycle_id") var cycle: PlacementCycle
    @Parent(key: "session_id") var session: OpportunitySession

    init() {}
}
