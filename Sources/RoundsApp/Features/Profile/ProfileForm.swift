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
            targetMatchYear: self.targetMatchYear
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
            targetMatchYear: self.targetMatchYear.map(String.init)
        )
    }
}
