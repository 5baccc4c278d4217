import RoundsCore
import Vapor

/// The field names the form and the JSON API share (and field errors use).
enum ProfileFieldNames: String, CodingKey {
    case track, step1, specialties
    case medicalSchool = "medical_school"
    case schoolCountry = "school_country"
    case graduationYear = "graduation_year"
    case step2CKScore = "step2_ck_score"
    case ecfmgStatus = "ecfmg_status"
    case visaStatus = "visa_status"
    case targetMatchYear = "target_match_year"
    case step1TakenOn = "step1_taken_on"
    case step1Score = "step1_score"
    case step3
    case step3Score = "step3_score"
    case comlexLevel1 = "comlex_level1"
    case comlexLevel2CEScore = "comlex_level2ce_score"
    case comlexLevel3 = "comlex_level3"
}

/// The profile as posted by the HTML form: every value a string, checked by `ApplicantProfileDraft`.
struct ProfileForm: Content {
    var track: String?
    var medicalSchool: String?
    var schoolCountry: String?
    var graduationYear: String?
    var step1: String?
    var step2CKScore: String?
    var ecfmgStatus: String?
    var visaStatus: String?
    var specialties: [String]?
    var targetMatchYear: String?
    var step1TakenOn: String?
    var step1Score: String?
    var step3: String?
    var step3Score: String?
    var comlexLevel1: String?
    var comlexLevel2CEScore: String?
    var comlexLevel3: String?

    typealias CodingKeys = ProfileFieldNames

    var draft: ApplicantProfileDraft {
        ApplicantProfileDraft(
            track: self.track,
            medicalSchool: self.medicalSchool,
            schoolCountry: self.schoolCountry,
            graduationYear: self.graduationYear,
            step1: self.step1,
            step2CKScore: self.step2CKScore,
            ecfmgStatus: self.ecfmgStatus,
            visaStatus: self.visaStatus,
            specialtyIDs: self.specialties ?? [],
            targetMatchYear: self.targetMatchYear,
            step1TakenOn: self.step1TakenOn,
            step1Score: self.step1Score,
            step3: self.step3,
            step3Score: self.step3Score,
            comlexLevel1: self.comlexLevel1,
            comlexLevel2CEScore: self.comlexLevel2CEScore,
            comlexLevel3: self.comlexLevel3
        )
    }
}

/// The profile in the JSON API, for reading and for `PUT /api/v1/profile`.
struct ProfileBody: Content {
    var track: String
    var medicalSchool: String?
    var schoolCountry: String?
    var graduationYear: Int?
    var step1: String?
    var step2CKScore: Int?
    var ecfmgStatus: String?
    var visaStatus: String
    var specialties: [String]?
    var targetMatchYear: Int?
    var step1TakenOn: String?
    var step1Score: Int?
    var step3: String?
    var step3Score: Int?
    var comlexLevel1: String?
    var comlexLevel2CEScore: Int?
    var comlexLevel3: String?

    typealias CodingKeys = ProfileFieldNames

    init(_ input: ApplicantProfileInput) {
        self.track = input.track.rawValue
        self.medicalSchool = input.medicalSchool
        self.schoolCountry = input.schoolCountry
        self.graduationYear = input.graduationYear
        self.step1 = input.step1.rawValue
        self.step2CKScore = input.step2CKScore
        self.ecfmgStatus = input.ecfmgStatus.rawValue
        self.visaStatus = input.visaStatus.rawValue
        self.specialties = input.specialtyIDs
        self.targetMatchYear = input.targetMatchYear
        self.step1TakenOn = input.exams.step1TakenOn?.iso
        self.step1Score = input.exams.step1Score
        self.step3 = input.exams.step3.rawValue
        self.step3Score = input.exams.step3Score
        self.comlexLevel1 = input.exams.comlexLevel1.rawValue
        self.comlexLevel2CEScore = input.exams.comlexLevel2CEScore
        self.comlexLevel3 = input.exams.comlexLevel3.rawValue
    }

    var draft: ApplicantProfileDraft {
        ApplicantProfileDraft(
            track: self.track,
            medicalSchool: self.medicalSchool,
            schoolCountry: self.schoolCountry,
            graduationYear: self.graduationYear.map(String.init),
            step1: self.step1,
            step2CKScore: self.step2CKScore.map(String.init),
            ecfmgStatus: self.ecfmgStatus,
            visaStatus: self.visaStatus,
            specialtyIDs: self.specialties ?? [],
            targetMatchYear: self.targetMatchYear.map(String.init),
            step1TakenOn: self.step1TakenOn,
            step1Score: self.step1Score.map(String.init),
            step3: self.step3,
            step3Score: self.step3Score.map(String.init),
            comlexLevel1: self.comlexLevel1,
            comlexLevel2CEScore: self.comlexLevel2CEScore.map(String.init),
            comlexLevel3: self.comlexLevel3
        )
    }
}
