import Fluent
import Foundation
import RoundsCore
import Vapor

/// An experience over the API, for its owner.
struct ExperienceResponse: Content {
    struct Range: Content {
        var start: String
        var end: String?
        var priorHours: Int
        var completedHours: Int
        var anticipatedHours: Int
        enum CodingKeys: String, CodingKey {
            case start, end
            case priorHours = "prior_hours"
            case completedHours = "completed_hours"
            case anticipatedHours = "anticipated_hours"
        }
    }
    struct Log: Content {
        var id: UUID
        var day: String
        var hours: Double
        var activities: String
    }
    struct Verification: Content {
        var verifiedBy: String
        var verifiedAt: Date
        var hours: Int
        enum CodingKeys: String, CodingKey {
            case hours
            case verifiedBy = "verified_by"
            case verifiedAt = "verified_at"
        }
    }

    var id: UUID
    var title: String
    var organization: String
    var city: String
    var state: String
    var country: String
    var amcasType: String
    var erasType: String
    var setting: String?
    var erasSetting: String?
    var focusArea: String?
    var frequency: String?
    var keyCharacteristic: String?
    var specialtyID: String?
    var handsOn: Bool
    var supervisorName: String
    var supervisorTitle: String
    var supervisorEmail: String
    var description: String
    var amcasMostMeaningful: Bool
    var amcasReflection: String
    var erasMostMeaningful: Bool
    var erasReflection: String
    var inAMCAS: Bool
    var inERAS: Bool
    var applicationID: UUID?
    var ranges: [Range]
    var completedHours: Int
    var anticipatedHours: Int
    var logs: [Log]
    var verification: Verification?
    /// Present on the single-experience answers, not in the portfolio list.
    var procedures: [Procedure]?
    var evaluation: Evaluation?

    struct Procedure: Content {
        var procedure: String
        var role: String
        var count: Int
    }
    struct Evaluation: Content {
        var scores: [String: Int]
        var comments: String
        var at: Date
    }

    enum CodingKeys: String, CodingKey {
        case id, title, organization, city, state, country, setting, description, ranges, logs, verification, procedures, evaluation
        case amcasType = "amcas_type"
        case erasType = "eras_type"
        case erasSetting = "eras_setting"
        case focusArea = "focus_area"
        case frequency
        case keyCharacteristic = "key_characteristic"
        case specialtyID = "specialty_id"
        case handsOn = "hands_on"
        case supervisorName = "supervisor_name"
        case supervisorTitle = "supervisor_title"
        case supervisorEmail = "supervisor_email"
        case amcasMostMeaningful = "amcas_most_meaningful"
        case amcasReflection = "amcas_reflection"
        case erasMostMeaningful = "eras_most_meaningful"
        case erasReflection = "eras_reflection"
        case inAMCAS = "in_amcas"
        case inERAS = "in_eras"
        case applicationID = "application_id"
        case completedHours = "completed_hours"
        case anticipatedHours = "anticipated_hours"
    }

    init(_ loaded: LoadedExperience, procedures: [ProcedureLog]? = nil, evaluation: PlacementEvaluation? = nil) throws {
        self.procedures = procedures?.map { Procedure(procedure: $0.procedure, role: $0.role, count: $0.count) }
        self.evaluation = evaluation.map { evaluation in
            Evaluation(
                scores: Dictionary(uniqueKeysWithValues: PlacementEvaluations.scores(evaluation).map { ($0.key.rawValue, $0.value) }),
                comments: evaluation.comments, at: evaluation.createdAt
            )
        }
        let e = loaded.experience
        self.id = try e.requireID()
        self.title = e.title
        self.organization = e.organization
        self.city = e.city
        self.state = e.state
        self.country = e.country
        self.amcasType = e.amcasType
        self.erasType = e.erasType
        self.setting = e.setting
        self.erasSetting = e.erasSetting
        self.focusArea = e.focusArea
        self.frequency = e.frequency
        self.keyCharacteristic = e.keyCharacteristic
        self.specialtyID = e.specialtyID
        self.handsOn = e.handsOn
        self.supervisorName = e.supervisorName
        self.supervisorTitle = e.supervisorTitle
        self.supervisorEmail = e.supervisorEmail
        self.description = e.description
        self.amcasMostMeaningful = e.amcasMostMeaningful
        self.amcasReflection = e.amcasReflection
        self.erasMostMeaningful = e.erasMostMeaningful
        self.erasReflection = e.erasReflection
        self.inAMCAS = e.inAMCAS
        self.inERAS = e.inERAS
        self.applicationID = e.$application.id
        self.ranges = loaded.periods.map {
            Range(
                start: Day(ordinal: $0.startDay).iso, end: $0.endDay.map { Day(ordinal: $0).iso }, priorHours: $0.priorHours,
                completedHours: loaded.completedHours($0), anticipatedHours: $0.anticipatedHours
            )
        }
        self.completedHours = loaded.completedHours
        self.anticipatedHours = loaded.anticipatedHours
        self.logs = try loaded.logs.map { Log(id: try $0.requireID(), day: Day(ordinal: $0.day).iso, hours: $0.hours, activities: $0.activities) }
        if let by = e.verifiedBy, let at = e.verifiedAt {
            self.verification = Verification(verifiedBy: by, verifiedAt: at, hours: e.verifiedHours ?? 0)
        }
    }
}

/// An experience as a script sends it: periods as an array, flags as booleans.
struct ExperienceBody: Content {
    struct Range: Content {
        var start: String
        var end: String?
        var priorHours: Int?
        var anticipatedHours: Int?
        enum CodingKeys: String, CodingKey {
            case start, end
            case priorHours = "prior_hours"
            case anticipatedHours = "anticipated_hours"
        }
    }

    var title: String
    var organization: String
    var city: String?
    var state: String?
    var country: String?
    var amcasType: String
    var erasType: String?
    var setting: String?
    var erasSetting: String?
    var focusArea: String?
    var frequency: String?
    var keyCharacteristic: String?
    var specialtyID: String?
    var handsOn: Bool?
    var supervisorName: String?
    var supervisorTitle: String?
    var supervisorEmail: String?
    var description: String?
    var amcasMostMeaningful: Bool?
    var amcasReflection: String?
    var erasMostMeaningful: Bool?
    var erasReflection: String?
    var ranges: [Range]
    var reopen: Bool?

    enum CodingKeys: String, CodingKey {
        case title, organization, city, state, country, setting, description, ranges, reopen
        case amcasType = "amcas_type"
        case erasType = "eras_type"
        case erasSetting = "eras_setting"
        case focusArea = "focus_area"
        case frequency
        case keyCharacteristic = "key_characteristic"
        case specialtyID = "specialty_id"
        case handsOn = "hands_on"
        case supervisorName = "supervisor_name"
        case supervisorTitle = "supervisor_title"
        case supervisorEmail = "supervisor_email"
        case amcasMostMeaningful = "amcas_most_meaningful"
        case amcasReflection = "amcas_reflection"
        case erasMostMeaningful = "eras_most_meaningful"
        case erasReflection = "eras_reflection"
    }

    var draft: ExperienceDraft {
        var draft = ExperienceDraft()
        draft.title = self.title
        draft.organization = self.organization
        draft.city = self.city ?? ""
        draft.state = self.state ?? ""
        draft.country = self.country ?? "United States"
        draft.amcasType = self.amcasType
        draft.erasType = self.erasType ?? ""
        draft.setting = self.setting ?? ""
        draft.erasSetting = self.erasSetting ?? ""
        draft.focusArea = self.focusArea ?? ""
        draft.frequency = self.frequency ?? ""
        draft.keyCharacteristic = self.keyCharacteristic ?? ""
        draft.specialtyID = self.specialtyID ?? ""
        draft.handsOn = self.handsOn ?? false
        draft.supervisorName = self.supervisorName ?? ""
        draft.supervisorTitle = self.supervisorTitle ?? ""
        draft.supervisorEmail = self.supervisorEmail ?? ""
        draft.description = self.description ?? ""
        draft.amcasMostMeaningful = self.amcasMostMeaningful ?? false
        draft.amcasReflection = self.amcasReflection ?? ""
        draft.erasMostMeaningful = self.erasMostMeaningful ?? false
        draft.erasReflection = self.erasReflection ?? ""
        draft.ranges = self.ranges.map {
            .init(start: $0.start, end: $0.end ?? "", priorHours: $0.priorHours.map(String.init) ?? "", anticipatedHours: $0.anticipatedHours.map(String.init) ?? "")
        }
        return draft
    }

    /// An ongoing period leaves `end` out (or null); an empty string is not a date, as the schema says.
    func checkedDraft() throws -> ExperienceDraft {
        if self.ranges.contains(where: { $0.end?.isEmpty == true }) {
            throw ValidationReport([FieldError(field: "ranges", message: "Give each period's end as YYYY-MM-DD, or leave it out while ongoing.")])
        }
        return self.draft
    }
}

struct PortfolioResponse: Content {
    struct Summary: Content {
        var handsOnWeeks12: Int
        var observationalWeeks12: Int
        var handsOnWeeks24: Int
        var observationalWeeks24: Int
        var specialties: [String]
        var lettersObtained: Int
        var completedHours: Int
        var verifiedHours: Int
        var verifiedShare: Double
        enum CodingKeys: String, CodingKey {
            case specialties
            case handsOnWeeks12 = "hands_on_weeks_12_months"
            case observationalWeeks12 = "observational_weeks_12_months"
            case handsOnWeeks24 = "hands_on_weeks_24_months"
            case observationalWeeks24 = "observational_weeks_24_months"
            case lettersObtained = "letters_obtained"
            case completedHours = "completed_hours"
            case verifiedHours = "verified_hours"
            case verifiedShare = "verified_share"
        }
    }
    struct Goal: Content {
        var id: UUID
        var scope: String
        var targetHours: Int
        var hours: Int
        enum CodingKeys: String, CodingKey {
            case id, scope, hours
            case targetHours = "target_hours"
        }
    }

    var summary: Summary
    var goals: [Goal]
    var experiences: [ExperienceResponse]

    init(summary s: USCESummary, goals: [PortfolioStore.GoalProgress], experiences: [LoadedExperience]) throws {
        self.summary = Summary(
            handsOnWeeks12: s.handsOnWeeks12, observationalWeeks12: s.observationalWeeks12, handsOnWeeks24: s.handsOnWeeks24,
            observationalWeeks24: s.observationalWeeks24, specialties: s.specialties, lettersObtained: s.lettersObtained,
            completedHours: s.completedHours, verifiedHours: s.verifiedHours, verifiedShare: s.verifiedShare
        )
        self.goals = try goals.map { Goal(id: try $0.goal.requireID(), scope: $0.goal.scope, targetHours: $0.goal.targetHours, hours: $0.hours) }
        self.experiences = try experiences.map { try ExperienceResponse($0) }
    }
}

struct ExportCheckResponse: Content {
    struct Entry: Content {
        var title: String
        var problems: [String]
    }
    var format: String
    var valid: Bool
    var problems: [String]
    /// What Rounds cannot decide and the applicant should check (never a reason for `valid` to be false).
    var notices: [String]
    var entries: [Entry]

    init(_ result: PortfolioExport.Result) {
        self.format = result.format.rawValue
        self.valid = result.isValid
        self.problems = result.problems
        self.notices = result.notices
        self.entries = result.entries.map { Entry(title: $0.experience.title, problems: $0.problems) }
    }
}

/// What the supervisor's link shows over the API.
struct VerificationRequestResponse: Content {
    var applicantName: String
    var experience: String
    var organization: String
    var completedHours: Int
    var expiresAt: Date
    enum CodingKeys: String, CodingKey {
        case experience, organization
        case applicantName = "applicant_name"
        case completedHours = "completed_hours"
        case expiresAt = "expires_at"
    }
}
