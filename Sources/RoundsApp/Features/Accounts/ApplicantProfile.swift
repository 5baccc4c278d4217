import Fluent
import RoundsCore
import Vapor

final class ApplicantProfile: Model, @unchecked Sendable {
    static let schema = "applicant_profiles"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "track") var track: String
    @OptionalField(key: "medical_school") var medicalSchool: String?
    @OptionalField(key: "school_country") var schoolCountry: String?
    @OptionalField(key: "graduation_year") var graduationYear: Int?
    @Field(key: "step1") var step1: String
    @OptionalField(key: "step2_ck_score") var step2CKScore: Int?
    @Field(key: "ecfmg_status") var ecfmgStatus: ECFMGStatus
    @Field(key: "visa_status") var visaStatus: VisaStatus
    /// Comma-separated specialty ids from `Specialty.all`.
    @Field(key: "specialties") var specialties: String
    @OptionalField(key: "target_match_year") var targetMatchYear: Int?

    // relationships
    @Parent(key: "user_id") var user: User

    init() {}

    init(userID: User.IDValue) {
        self.$user.id = userID
    }

    /// Copies a validated input into the stored columns.
    func apply(_ input: ApplicantProfileInput) {
        self.track = input.track.rawValue
        self.medicalSchool = input.medicalSchool
        self.schoolCountry = input.schoolCountry
        self.graduationYear = input.graduationYear
        self.step1 = input.step1.rawValue
        self.step2CKScore = input.step2CKScore
        self.ecfmgStatus = input.ecfmgStatus
        self.visaStatus = input.visaStatus
        self.specialties = input.specialtyIDs.joined(separator: ",")
        self.targetMatchYear = input.targetMatchYear
    }

    /// The stored profile as the domain value; stored strings that are no longer valid fall back safely.
    var input: ApplicantProfileInput {
        ApplicantProfileInput(
            track: Track(rawValue: self.track) ?? .preMed,
            medicalSchool: self.medicalSchool,
            schoolCountry: self.schoolCountry,
            graduationYear: self.graduationYear,
            step1: Step1Result(rawValue: self.step1) ?? .notTaken,
            step2CKScore: self.step2CKScore,
            ecfmgStatus: self.ecfmgStatus,
            visaStatus: self.visaStatus,
            specialtyIDs: self.specialties.split(separator: ",").map(String.init),
            targetMatchYear: self.targetMatchYear
        )
    }

    static func find(userID: User.IDValue, on db: any Database) async throws -> ApplicantProfile? {
        try await ApplicantProfile.query(on: db).filter(\.$user.$id == userID).first()
    }
}
