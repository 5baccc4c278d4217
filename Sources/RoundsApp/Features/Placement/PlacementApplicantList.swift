import Fluent
import Foundation
import Vapor

/// An applicant's rank list; with a partner, a couple's list of pairs (the proposer's session first).
final class PlacementApplicantList: Model, @unchecked Sendable {
    static let schema = "placement_applicant_lists"

    @ID(key: .id) var id: UUID?
    @Field(key: "updated_at") var updatedAt: Date
    /// Session ids best first ("a,b"), or pairs for a couple ("a|b,a|-").
    @Field(key: "choices") var choices: String
    @Field(key: "partner_confirmed") var partnerConfirmed: Bool
    @Parent(key: "cycle_id") var cycle: PlacementCycle
    @Parent(key: "applicant_id") var applicant: User
    @OptionalParent(key: "partner_id") var partner: User?

    init() {}
}
