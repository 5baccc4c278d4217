import Fluent
import Foundation
import RoundsCore
import Vapor

/// One experience in an applicant's portfolio, possibly produced by a completed placement.
final class Experience: Model, @unchecked Sendable {
    static let schema = "experiences"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    // data fields
    @Field(key: "title") var title: String
    @Field(key: "organization") var organization: String
    @Field(key: "city") var city: String
    @Field(key: "state") var state: String
    @Field(key: "country") var country: String
    @Field(key: "amcas_type") var amcasType: String
    @Field(key: "eras_type") var erasType: String
    @OptionalField(key: "setting") var setting: String?
    @OptionalField(key: "eras_setting") var erasSetting: String?
    @OptionalField(key: "focus_area") var focusArea: String?
    @OptionalField(key: "specialty_id") var specialtyID: String?
    @Field(key: "hands_on") var handsOn: Bool
    @Field(key: "supervisor_name") var supervisorName: String
    @Field(key: "supervisor_title") var supervisorTitle: String
    @Field(key: "supervisor_email") var supervisorEmail: String
    @Field(key: "description") var description: String
    @Field(key: "amcas_most_meaningful") var amcasMostMeaningful: Bool
    @Field(key: "amcas_reflection") var amcasReflection: String
    @Field(key: "eras_most_meaningful") var erasMostMeaningful: Bool
    @Field(key: "eras_reflection") var erasReflection: String
    @Field(key: "in_amcas") var inAMCAS: Bool
    @Field(key: "in_eras") var inERAS: Bool
    @OptionalField(key: "verified_by") var verifiedBy: String?
    @OptionalField(key: "verified_at") var verifiedAt: Date?
    @OptionalField(key: "verified_hours") var verifiedHours: Int?
    @OptionalField(key: "verified_digest") var verifiedDigest: String?

    // relationships
    @Parent(key: "owner_id") var owner: User
    @OptionalParent(key: "application_id") var application: SessionApplication?
    @Children(for: \.$experience) var ranges: [ExperiencePeriod]

    init() {}

    init(ownerID: UUID, now: Date) {
        self.$owner.id = ownerID
        self.createdAt = now
        self.updatedAt = now
        self.inAMCAS = true
        self.inERAS = true
    }

    func apply(_ checked: ExperienceDraft.Checked) {
        self.title = checked.title
        self.organization = checked.organization
        self.city = checked.city
        self.state = checked.state
        self.country = checked.country
        self.amcasType = checked.amcasType.rawValue
        self.erasType = checked.erasType.rawValue
        self.setting = checked.setting?.rawValue
        self.erasSetting = checked.erasSetting?.rawValue
        self.focusArea = checked.focusArea?.rawValue
        self.specialtyID = checked.specialtyID
        self.handsOn = checked.handsOn
        self.supervisorName = checked.supervisorName
        self.supervisorTitle = checked.supervisorTitle
        self.supervisorEmail = checked.supervisorEmail
        self.description = checked.description
        self.amcasMostMeaningful = checked.amcasMostMeaningful
        self.amcasReflection = checked.amcasReflection
        self.erasMostMeaningful = checked.erasMostMeaningful
        self.erasReflection = checked.erasReflection
    }

    var amcas: AMCASExperienceType { AMCASExperienceType(rawValue: self.amcasType) ?? .other }
    var eras: ERASExperienceType { ERASExperienceType(rawValue: self.erasType) ?? .extracurricular }
    var isVerified: Bool { self.verifiedAt != nil }

    /// "Verified by NAME on DATE".
    var verificationLine: String? {
        guard let name = self.verifiedBy, let at = self.verifiedAt else { return nil }
        return "Verified by \(name) on \(DisplayFormat.date(at))"
    }
}

/// One period of an experience (AMCAS's "date range").
final class ExperiencePeriod: Model, @unchecked Sendable {
    static let schema = "experience_ranges"

    @ID(key: .id) var id: UUID?
    @Field(key: "position") var position: Int
    @Field(key: "start_day") var startDay: Int
    @OptionalField(key: "end_day") var endDay: Int?
    @Field(key: "prior_hours") var priorHours: Int
    @Field(key: "anticipated_hours") var anticipatedHours: Int
    @Parent(key: "experience_id") var experience: Experience

    init() {}

    init(experienceID: UUID, position: Int, range: ExperienceRange) {
        self.$experience.id = experienceID
        self.position = position
        self.startDay = range.start.ordinal
        self.endDay = range.end?.ordinal
        self.priorHours = range.priorHours
        self.anticipatedHours = range.anticipatedHours
    }

    var range: ExperienceRange {
        ExperienceRange(start: Day(ordinal: self.startDay), end: self.endDay.map(Day.init(ordinal:)), priorHours: self.priorHours, anticipatedHours: self.anticipatedHours)
    }
}

/// Hours on one day under an experience, in quarter hours.
final class HourLog: Model, @unchecked Sendable {
    static let schema = "hour_logs"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "day") var day: Int
    @Field(key: "quarter_hours") var quarterHours: Int
    @Field(key: "activities") var activities: String
    @Parent(key: "experience_id") var experience: Experience

    init() {}

    init(experienceID: UUID, checked: HourLogDraft.Checked, now: Date) {
        self.$experience.id = experienceID
        self.day = checked.day.ordinal
        self.quarterHours = checked.quarterHours
        self.activities = checked.activities
        self.createdAt = now
    }

    var hours: Double { Double(self.quarterHours) / 4 }
}

/// A target the applicant sets, e.g. 100 hours of physician shadowing. `scope` is an AMCAS type, or
/// "clinical" for every clinical type, or "all".
final class HourGoal: Model, @unchecked Sendable {
    static let schema = "hour_goals"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "scope") var scope: String
    @Field(key: "target_hours") var targetHours: Int
    @Parent(key: "owner_id") var owner: User

    init() {}

    init(ownerID: UUID, scope: String, targetHours: Int, now: Date) {
        self.$owner.id = ownerID
        self.scope = scope
        self.targetHours = targetHours
        self.createdAt = now
    }
}

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
