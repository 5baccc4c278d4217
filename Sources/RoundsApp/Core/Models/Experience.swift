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
    @OptionalField(key: "frequency") var frequency: String?
    @OptionalField(key: "key_characteristic") var keyCharacteristic: String?
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
        self.frequency = checked.frequency?.rawValue
        self.keyCharacteristic = checked.keyCharacteristic?.rawValue
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
