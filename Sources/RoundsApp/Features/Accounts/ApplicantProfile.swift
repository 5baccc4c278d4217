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
    /// Comma-separated residency specialty ids (`Specialties.residency`).
    @Field(key: "specialties") var specialties: String
    @OptionalField(key: "target_match_year") var targetMatchYear: Int?
    /// Day ordinal (days since 1970-01-01).
    @OptionalField(key: "step1_taken_on") var step1TakenOn: Int?
    @OptionalField(key: "step1_score") var step1Score: Int?
    @OptionalField(key: "step3") var step3: String?
    @OptionalField(key: "step3_score") var step3Score: Int?
    @OptionalField(key: "comlex_level1") var comlexLevel1: String?
    @OptionalField(key: "comlex_level2ce_score") var comlexLevel2CEScore: Int?
    @OptionalField(key: "comlex_level3") var comlexLevel3: String?

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
        self.step1TakenOn = input.exams.step1TakenOn?.ordinal
        self.step1Score = input.exams.step1Score
        self.step3 = input.exams.step3.rawValue
        self.step3Score = input.exams.step3Score
        self.comlexLevel1 = input.exams.comlexLevel1.rawValue
        self.comlexLevel2CEScore = input.exams.comlexLevel2CEScore
        self.comlexLevel3 = input.exams.comlexLevel3.rawValue
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
            targetMatchYear: self.targetMatchYear,
            exams: ExamRecord(
                step1TakenOn: self.step1TakenOn.map(Day.init(ordinal:)), step1Score: self.step1Score,
                step3: self.step3.flatMap(ExamOutcome.init) ?? .notTaken, step3Score: self.step3Score,
                comlexLevel1: self.comlexLevel1.flatMap(ExamOutcome.init) ?? .notTaken, comlexLevel2CEScore: self.comlexLevel2CEScore,
                comlexLevel3: self.comlexLevel3.flatMap(ExamOutcome.init) ?? .notTaken
            )
        )
    }

    static func find(userID: User.IDValue, on db: any Database) async throws -> ApplicantProfile? {
        try await ApplicantProfile.query(on: db).filter(\.$user.$id == userID).first()
    }
}
