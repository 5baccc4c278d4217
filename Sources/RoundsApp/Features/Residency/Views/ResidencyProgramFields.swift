import Plot
import RoundsCore

/// The fields of a program on the list, for adding and for editing.
struct ResidencyProgramFields {
    var draft: ResidencyProgramDraft
    var errors: ValidationReport
    var specialties: [String]
    /// The NRMP program types with their source (the shipped file).
    var types = (try? ResidencyReference.shipped.get())?.programTypes

    static var specialtySource: Provenance {
        let rule = DomainRules.shipped[.residencySpecialties]
        return Provenance(source: rule.source, confidence: rule.confidence, holdsFor: rule.holdsFor)
    }

    func nodes() -> [BodyNode] {
        [
            .field("Program name", name: "name", value: self.draft.name, error: self.errors.message(for: "name"), isRequired: true, maxLength: ResidencyProgramDraft.maximumNameLength),
            .selectField(
                "Specialty", name: "specialty", choices: self.specialties.map { Choice(value: $0, label: $0) }, selected: self.draft.specialty,
                error: self.errors.message(for: "specialty"), includeBlank: "Choose…"),
            .p(.class("hint"), .text("Residency specialties as ERAS and the NRMP name them. "), .source(Self.specialtySource)),
            .field("City", name: "city", value: self.draft.city, error: self.errors.message(for: "city"), maxLength: ResidencyProgramDraft.maximumCityLength),
            .field("State", name: "state", value: self.draft.state, error: self.errors.message(for: "state"), hint: "Two letters, e.g. NY.", maxLength: 2),
            .field(
                "NRMP program code (optional)", name: "nrmp_code", value: self.draft.nrmpCode, error: self.errors.message(for: "nrmp_code"),
                hint: "9 to 11 characters; its 8th is the program type.", maxLength: 11),
            .selectField(
                "Program type", name: "position_type",
                choices: PositionType.allCases.map { Choice(value: $0.rawValue, label: "\($0.rawValue): \(self.types?.name(of: $0) ?? $0.rawValue)") },
                selected: self.draft.positionType, error: self.errors.message(for: "position_type"), includeBlank: "Not known (or from the code)"),
            self.types.map { types in .p(.class("hint"), .text("Program types as the NRMP defines them. "), .source(types.provenance)) } ?? .empty,
            .selectField(
                "Status", name: "status", choices: ProgramListStatus.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) },
                selected: self.draft.status, error: self.errors.message(for: "status")),
            .tag(
                "fieldset",
                .tag("legend", .text("Interview")),
                .field("Date", name: "interview_date", value: self.draft.interviewDate, type: "date", error: self.errors.message(for: "interview_date"), hint: "Needed from \"Interview scheduled\" on."),
                .field("Start time", name: "interview_time", value: self.draft.interviewTime, type: "time", error: self.errors.message(for: "interview_time")),
                .selectField(
                    "Time zone", name: "interview_time_zone",
                    choices: ResidencyProgramDraft.timeZones.map { Choice(value: $0, label: ResidencyFormat.zoneLabel($0)) },
                    selected: self.draft.interviewTimeZone, error: self.errors.message(for: "interview_time_zone")),
                .selectField(
                    "Format", name: "interview_format", choices: InterviewFormat.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) },
                    selected: self.draft.interviewFormat, error: self.errors.message(for: "interview_format"), includeBlank: "Not known yet")
            ),
            .selectField(
                "Signal", name: "signal", choices: SignalTier.allCases.map { Choice(value: $0.rawValue, label: $0.label) }, selected: self.draft.signal,
                error: self.errors.message(for: "signal"), includeBlank: "No signal"),
            .textArea("Notes", name: "notes", value: self.draft.notes, error: self.errors.message(for: "notes"), maxLength: ResidencyProgramDraft.maximumNotesLength, rows: 4),
        ]
    }
}

extension ResidencyProgramDraft {
    init(_ program: ResidencyProgram) {
        self.init()
        self.name = program.name
        self.specialty = program.specialty
        self.city = program.city
        self.state = program.state
        self.nrmpCode = program.nrmpCode ?? ""
        self.positionType = program.positionType?.rawValue ?? ""
        self.status = program.status.rawValue
        self.interviewDate = program.interviewDay.map { Day(ordinal: $0).iso } ?? ""
        self.interviewTime = program.interviewMinute.map { SeasonCalendar.clockText($0) } ?? ""
        self.interviewTimeZone = program.interviewTimeZone ?? "America/New_York"
        self.interviewFormat = program.interviewFormat?.rawValue ?? ""
        self.signal = program.signal?.rawValue ?? ""
        self.notes = program.notes
    }
}
