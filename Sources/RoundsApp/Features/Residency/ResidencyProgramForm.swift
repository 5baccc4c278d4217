import RoundsCore
import Vapor

/// A program as posted by the HTML form or sent to the API: every value a string, checked by
/// `ResidencyProgramDraft`. Field names are the API's.
struct ResidencyProgramForm: Content {
    var name: String?
    var specialty: String?
    var city: String?
    var state: String?
    var nrmpCode: String?
    var positionType: String?
    var status: String?
    var interviewDate: String?
    var interviewTime: String?
    var interviewTimeZone: String?
    var interviewFormat: String?
    var signal: String?
    var notes: String?

    enum CodingKeys: String, CodingKey {
        case name, specialty, city, state, status, signal, notes
        case nrmpCode = "nrmp_code"
        case positionType = "position_type"
        case interviewDate = "interview_date"
        case interviewTime = "interview_time"
        case interviewTimeZone = "interview_time_zone"
        case interviewFormat = "interview_format"
    }

    var draft: ResidencyProgramDraft {
        var draft = ResidencyProgramDraft()
        draft.name = self.name ?? ""
        draft.specialty = self.specialty ?? ""
        draft.city = self.city ?? ""
        draft.state = self.state ?? ""
        draft.nrmpCode = self.nrmpCode ?? ""
        draft.positionType = self.positionType ?? ""
        draft.status = self.status ?? ProgramListStatus.considering.rawValue
        draft.interviewDate = self.interviewDate ?? ""
        draft.interviewTime = self.interviewTime ?? ""
        draft.interviewTimeZone = self.interviewTimeZone ?? "America/New_York"
        draft.interviewFormat = self.interviewFormat ?? ""
        draft.signal = self.signal ?? ""
        draft.notes = self.notes ?? ""
        return draft
    }
}
