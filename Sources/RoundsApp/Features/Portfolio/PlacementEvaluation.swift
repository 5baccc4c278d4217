import Fluent
import Foundation
import RoundsCore
import Vapor

/// A host's evaluation of a completed placement on the six ACGME core competencies.
final class PlacementEvaluation: Model, @unchecked Sendable {
    static let schema = "placement_evaluations"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    /// Six scores 1–5 in `Competency.allCases` order, comma-separated.
    @Field(key: "scores") var scores: String
    @Field(key: "comments") var comments: String
    @Parent(key: "application_id") var application: SessionApplication
    @Parent(key: "host_id") var host: User

    init() {}
}
