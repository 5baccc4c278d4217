import RoundsCore
import Vapor

/// An experience as a form or a JSON body sends it. Periods come as `ranges[0][start]` … from the form
/// (a dictionary keyed by position) or as an array from JSON.
struct ExperienceForm: Content {
    struct Range: Content {
        var start: String?
        var end: String?
        var priorHours: String?
        var anticipatedHours: String?
        enum CodingKeys: String, CodingKey {
            case start, end
            case priorHours = "prior_hours"
            case anticipatedHours = "anticipated_hours"
        }
    }

    var title: String?
    var organization: String?
    var city: String?
    var state: String?
    var country: String?
    var amcasType: String?
    var erasType: String?
    var setting: String?
    var erasSetting: String?
    var focusArea: String?
    var frequency: String?
    var keyCharacteristic: String?
    var specialtyID: String?
    var handsOn: String?
    var supervisorName: String?
    var supervisorTitle: String?
    var supervisorEmail: String?
    var description: String?
    var amcasMostMeaningful: String?
    var amcasReflection: String?
    var erasMostMeaningful: String?
    var erasReflection: String?
    var ranges: [String: Range]?
    var reopen: String?

    enum CodingKeys: String, CodingKey {
        case title, organization, city, state, country, setting, description, ranges, reopen, frequency
        case keyCharacteristic = "key_characteristic"
        case amcasType = "amcas_type"
        case erasType = "eras_type"
        case erasSetting = "eras_setting"
        case focusArea = "focus_area"
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

    static func flag(_ value: String?) -> Bool { value == "true" || value == "on" || value == "1" }

    var draft: ExperienceDraft {
        var draft = ExperienceDraft()
        draft.title = self.title ?? ""
        draft.organization = self.organization ?? ""
        draft.city = self.city ?? ""
        draft.state = self.state ?? ""
        draft.country = self.country ?? "United States"
        draft.amcasType = self.amcasType ?? ""
        draft.erasType = self.erasType ?? ""
        draft.setting = self.setting ?? ""
        draft.erasSetting = self.erasSetting ?? ""
        draft.focusArea = self.focusArea ?? ""
        draft.frequency = self.frequency ?? ""
        draft.keyCharacteristic = self.keyCharacteristic ?? ""
        draft.specialtyID = self.specialtyID ?? ""
        draft.handsOn = Self.flag(self.handsOn)
        draft.supervisorName = self.supervisorName ?? ""
        draft.supervisorTitle = self.supervisorTitle ?? ""
        draft.supervisorEmail = self.supervisorEmail ?? ""
        draft.description = self.description ?? ""
        draft.amcasMostMeaningful = Self.flag(self.amcasMostMeaningful)
        draft.amcasReflection = self.amcasReflection ?? ""
        draft.erasMostMeaningful = Self.flag(self.erasMostMeaningful)
        draft.erasReflection = self.erasReflection ?? ""
        draft.ranges = (self.ranges ?? [:]).sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }.map { _, range in
            .init(start: range.start ?? "", end: range.end ?? "", priorHours: range.priorHours ?? "", anticipatedHours: range.anticipatedHours ?? "")
        }
        return draft
    }
}

struct HourLogForm: Content {
    var day: String?
    var hours: String?
    var activities: String?
    var draft: HourLogDraft { HourLogDraft(day: self.day ?? "", hours: self.hours ?? "", activities: self.activities ?? "") }
}

struct GoalForm: Content {
    var scope: String?
    var targetHours: String?
    enum CodingKeys: String, CodingKey {
        case scope
        case targetHours = "target_hours"
    }
}

struct ProcedureForm: Content {
    var procedure: String?
    var role: String?
    var count: String?
}

struct ExportChoiceForm: Content {
    var inAMCAS: String?
    var inERAS: String?
    enum CodingKeys: String, CodingKey {
        case inAMCAS = "in_amcas"
        case inERAS = "in_eras"
    }
}

struct VerificationAnswerForm: Content {
    var token: String?
    var outcome: String?
    var typedName: String?
    var hours: String?
    var note: String?
    enum CodingKeys: String, CodingKey {
        case token, outcome, hours, note
        case typedName = "typed_name"
    }
    var draft: VerificationAnswerDraft {
        VerificationAnswerDraft(outcome: self.outcome ?? "", typedName: self.typedName ?? "", hours: self.hours ?? "", note: self.note ?? "")
    }
}

struct EvaluationForm: Content {
    var scores: [String: String]
    var comments: String

    /// The form sends each competency as its own field; JSON sends `scores` as an object.
    static func decode(_ req: Request) throws -> EvaluationForm {
        if req.headers.contentType == .json {
            struct Body: Decodable {
                var scores: [String: Int]
                var comments: String?
            }
            let body = try req.content.decode(Body.self)
            return EvaluationForm(scores: body.scores.mapValues(String.init), comments: body.comments ?? "")
        }
        var scores: [String: String] = [:]
        for competency in Competency.allCases {
            scores[competency.rawValue] = try? req.content.get(String.self, at: competency.rawValue)
        }
        return EvaluationForm(scores: scores, comments: (try? req.content.get(String.self, at: "comments")) ?? "")
    }
}
