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
