import Fluent
import Foundation
import RoundsCore
import Vapor

/// A procedure or case seen, assisted or performed during an experience.
final class ProcedureLog: Model, @unchecked Sendable {
    static let schema = "procedure_logs"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "procedure") var procedure: String
    @Field(key: "role") var role: String
    @Field(key: "count") var count: Int
    @Parent(key: "experience_id") var experience: Experience

    init() {}
}
