import Foundation

/// A residency program on an applicant's list as typed into the form or sent to the API, checked by
/// `validate` into a `ResidencyProgramInput`.
public struct ResidencyProgramDraft: Equatable, Sendable {
    public static let maximumNameLength = 200
    public static let maximumCityLength = 100
    public static let maximumNotesLength = 4000
    /// Interview time zones offered: the US zones programs interview in.
    public static let timeZones = [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
        "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico",
    ]

    public var name = ""
    public var specialty = ""
    public var city = ""
    public var state = ""
    public var nrmpCode = ""
    /// A `PositionType` letter, or empty when not known (then taken from the NRMP code, if any).
    public var positionType = ""
    public var status = ProgramListStatus.considering.rawValue
    public var interviewDate = ""
    public var interviewTime = ""
    public var interviewTimeZone = "America/New_York"
    public var interviewFormat = ""
    public var signal = ""
    public var notes = ""

    public init() {}

    /// NRMP program codes are 9 to 11 characters: a 4-digit institution, a 3-digit specialty, the program
    /// type letter and a 1- to 3-digit track number (e.g. 1234140C0; nrmp.org "Program Codes and Types").
    public static func isNRMPCode(_ code: String) -> Bool {
        (9...11).contains(code.count) && code.prefix(7).allSatisfy(\.isASCIIDigit) && code.dropFirst(7).first?.isASCIIUppercaseLetter == true
            && code.dropFirst(8).allSatisfy(\.isASCIIDigit)
    }

    /// Every problem, each naming its field; `specialties` are the names the list accepts.
    public func validate(specialties: Set<String>) -> Result<ResidencyProgramInput, ValidationReport> {
        var errors: [FieldError] = []
        func fail(_ field: String, _ message: String) { errors.append(FieldError(field: field, message: message)) }
        // Limits count what was sent, before trimming, so the API refuses exactly what its schema forbids.
        let name = self.name.trimmingWhitespace()
        if name.isEmpty { fail("name", "Name the program.") }
        if self.name.textLength > Self.maximumNameLength { fail("name", "Use at most \(Self.maximumNameLength) characters.") }
        let specialty = self.specialty
        if !specialties.contains(specialty) { fail("specialty", "Choose a specialty from the list.") }
        let city = self.city.trimmingWhitespace()
        if self.city.textLength > Self.maximumCityLength { fail("city", "Use at most \(Self.maximumCityLength) characters.") }
        let state = self.state.trimmingWhitespace().uppercased()
        if !state.isEmpty, state.count != 2 || !state.allSatisfy({ $0.isASCII && $0.isLetter }) {
            fail("state", "Enter the two-letter state code, e.g. NY.")
        }
        let code = self.nrmpCode.trimmingWhitespace().uppercased()
        var positionType: PositionType?
        if !code.isEmpty, !Self.isNRMPCode(code) {
            fail("nrmp_code", "An NRMP program code is 7 digits, the program type letter and a 1- to 3-digit track, e.g. 1234140C0.")
        } else if !code.isEmpty {
            positionType = PositionType(nrmpCode: code)
            if positionType == nil { fail("nrmp_code", "The 8th character of a Main Residency Match code is the program type: C, M, P, A or R.") }
        }
        if !self.positionType.isEmpty {
            if let chosen = PositionType(rawValue: self.positionType) {
                if let fromCode = positionType, fromCode != chosen {
                    fail("position_type", "The NRMP code says this is a \(fromCode.rawValue) program; choose that type or correct the code.")
                }
                positionType = chosen
            } else {
                fail("position_type", "Choose a program type from the list.")
            }
        }
        guard let status = ProgramListStatus(rawValue: self.status) else {
            fail("status", "Choose a status from the list.")
            return .failure(ValidationReport(errors))
        }
        // Interview fields are checked whenever given, so nothing malformed is accepted silently.
        let time = self.interviewTime.trimmingWhitespace()
        let minute = time.isEmpty ? nil : SeasonCalendar.minuteOfDay(time)
        if !time.isEmpty, minute == nil { fail("interview_time", "Use the form HH:MM (24-hour).") }
        if !Self.timeZones.contains(self.interviewTimeZone) { fail("interview_time_zone", "Choose a time zone from the list.") }
        let format = self.interviewFormat.isEmpty ? nil : InterviewFormat(rawValue: self.interviewFormat)
        if !self.interviewFormat.isEmpty, format == nil { fail("interview_format", "Choose virtual or in person.") }
        var interview: ResidencyProgramInput.Interview?
        let date = self.interviewDate.trimmingWhitespace()
        if !date.isEmpty || status.needsInterview {
            if let day = Day(iso: date), day < Day.earliestTyped {
                fail("interview_date", "Check the year of the interview date.")
            } else if let day = Day(iso: date) {
                interview = .init(day: day, minuteOfDay: minute, timeZone: self.interviewTimeZone, format: format)
            } else {
                fail("interview_date", status.needsInterview ? "Give the interview date (YYYY-MM-DD) for this status." : "Use the form YYYY-MM-DD.")
            }
        }
        var signal: SignalTier?
        if !self.signal.isEmpty {
            signal = SignalTier(rawValue: self.signal)
            if signal == nil { fail("signal", "Choose a signal from the list.") }
        }
        let notes = self.notes.trimmingWhitespace()
        if self.notes.textLength > Self.maximumNotesLength { fail("notes", "Use at most \(Self.maximumNotesLength) characters.") }
        guard errors.isEmpty else { return .failure(ValidationReport(errors)) }
        return .success(
            ResidencyProgramInput(
                name: name, specialty: specialty, city: city, state: state, nrmpCode: code.isEmpty ? nil : code, positionType: positionType,
                status: status, interview: interview, signal: signal, notes: notes))
    }
}

/// A checked program entry.
public struct ResidencyProgramInput: Equatable, Sendable {
    public struct Interview: Equatable, Sendable {
        public var day: Day
        public var minuteOfDay: Int?
        public var timeZone: String
        public var format: InterviewFormat?
    }

    public var name: String
    public var specialty: String
    public var city: String
    public var state: String
    public var nrmpCode: String?
    public var positionType: PositionType?
    public var status: ProgramListStatus
    public var interview: Interview?
    public var signal: SignalTier?
    public var notes: String
}

extension Character {
    var isASCIIDigit: Bool { self.isASCII && self.isNumber }
    var isASCIIUppercaseLetter: Bool { self.isASCII && self.isUppercase }
}
