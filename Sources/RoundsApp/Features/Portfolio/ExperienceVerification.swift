import Fluent
import Foundation
import RoundsCore
import Vapor

/// A request to a supervisor to confirm an experience, by a single-use link. Only the token's hash is kept.
final class ExperienceVerification: Model, @unchecked Sendable {
    static let schema = "experience_verifications"
    static let lifetime: TimeInterval = 30 * 24 * 60 * 60

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "supervisor_email") var supervisorEmail: String
    @OptionalField(key: "used_at") var usedAt: Date?
    /// "confirmed", "corrected" or "declined" once answered.
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "verifier_name") var verifierName: String?
    @OptionalField(key: "hours") var hours: Int?
    @OptionalField(key: "note") var note: String?
    @Parent(key: "experience_id") var experience: Experience

    init() {}

    init(experienceID: UUID, tokenHash: String, supervisorEmail: String, now: Date) {
        self.$experience.id = experienceID
        self.tokenHash = tokenHash
        self.supervisorEmail = supervisorEmail
        self.createdAt = now
        self.expiresAt = now.addingTimeInterval(Self.lifetime)
    }

    func isUsable(now: Date) -> Bool { self.usedAt == nil && now < self.expiresAt }
}
