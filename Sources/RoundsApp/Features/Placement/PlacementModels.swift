import Fluent
import Foundation
import Vapor

/// A placement cycle: sessions an advisor puts into one match. Open (lists may change) → matched (a
/// result to review; may be run again) → published (offers made; final).
final class PlacementCycle: Model, @unchecked Sendable {
    static let schema = "placement_cycles"

    enum Status: String, Codable, Sendable {
        case open, matched, published
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "name") var name: String
    @Field(key: "status") var status: Status
    /// How long the offers made at publication stay open.
    @Field(key: "offer_days") var offerDays: Int
    @OptionalField(key: "matched_at") var matchedAt: Date?
    @OptionalField(key: "published_at") var publishedAt: Date?
    @Parent(key: "advisor_id") var advisor: User

    init() {}
}

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
