/// Text a person writes about clinical work passes the identifier guard before it is saved; the error
/// names every identifier found and why it must go, so the writer can rephrase.
public enum GuardedText {
    /// - Parameter names: names the writer may use (their own, their supervisors').
    public static func problems(_ text: String, field: String, label: String, allowing names: [String] = []) -> [FieldError] {
        let spans = IdentifierGuard.scan(text, allowing: names)
        guard !spans.isEmpty else { return [] }
        let found = spans.prefix(5).map { "“\($0.text)” (\($0.type.reason))" }.joined(separator: "; ")
        return [FieldError(field: field, message: "\(label) seems to contain patient identifiers: \(found). Rephrase and save again.")]
    }
}

/// One period of an experience: AMCAS takes up to four, each with completed and anticipated hours.
public struct ExperienceRange: Equatable, Sendable, Codable {
    public var start: Day
    /// Nil while the experience is ongoing.
    public var end: Day?
    /// Hours done before they were logged in Rounds (hour logs inside the range add to these).
    public var priorHours: Int
    /// Hours still to come, for a range that ends in the future.
    public var anticipatedHours: Int

    public init(start: Day, end: Day?, priorHours: Int, anticipatedHours: Int) {
        self.start = start
        self.end = end
        self.priorHours = priorHours
        self.anticipatedHours = anticipatedHours
    }

    public func contains(_ day: Day) -> Bool { day >= self.start && (self.end.map { day <= $0 } ?? true) }
}

/// An experience as the applicant fills it in (strings as a form sends them).
public struct ExperienceDraft: Equatable, Sendable {
    public static let maximumDescription = 2_000
    public static let maximumTextLength = 150
    public static let maximumHoursPerRange = 20_000

    public struct RangeDraft: Equatable, Sendable {
        public var start: String
        public var end: String
        public var priorHours: String
        public var anticipatedHours: String
        public init(start: String, end: String, priorHours: String, anticipatedHours: String) {
            self.start = start
            self.end = end
            self.priorHours = priorHours
            self.anticipatedHours = anticipatedHours
        }
        var isBlank: Bool { [self.start, self.end, self.priorHours, self.anticipatedHours].allSatisfy { $0.trimmingWhitespace().isEmpty } }
    }

    public var title = ""
    public var organization = ""
    public var city = ""
    public var state = ""
    public var country = "United States"
    public var amcasType = ""
    public var erasType = ""
    public var setting = ""
    public var erasSetting = ""
    public var focusArea = ""
    public var frequency = ""
    public var keyCharacteristic = ""
    public var specialtyID = ""
    public var handsOn = false
    public var supervisorName = ""
    public var supervisorTitle = ""
    public var supervisorEmail = ""
    public var description = ""
    public var amcasMostMeaningful = false
    public var amcasReflection = ""
    public var erasMostMeaningful = false
    public var erasReflection = ""
    public var ranges: [RangeDraft] = []

    public init() {}

    public struct Checked: Equatable, Sendable {
        public var title: String
        public var organization: String
        public var city: String
        public var state: String
        public var country: String
        public var amcasType: AMCASExperienceType
        public var erasType: ERASExperienceType
        public var setting: ClinicalSetting?
        public var erasSetting: ERASSetting?
        public var focusArea: ERASFocusArea?
        public var frequency: ERASFrequency?
        public var keyCharacteristic: ERASKeyCharacteristic?
        public var specialtyID: String?
        public var handsOn: Bool
        public var supervisorName: String
        public var supervisorTitle: String
        public var supervisorEmail: String
        public var description: String
        public var amcasMostMeaningful: Bool
        public var amcasReflection: String
        public var erasMostMeaningful: Bool
        public var erasReflection: String
        public var ranges: [ExperienceRange]
    }

    /// - Parameter names: names the texts may contain besides the supervisor's, such as the writer's own.
    public func check(today: Day, allowing names: [String] = []) -> Result<Checked, ValidationReport> {
        var errors: [FieldError] = []
        // Limits apply to what was sent, spaces included, as the API document states them.
        func text(_ raw: String, _ field: String, _ label: String, required: Bool, limit: Int = Self.maximumTextLength) -> String {
            let value = raw.trimmingWhitespace()
            if required && value.isEmpty { errors.append(FieldError(field: field, message: "Enter the \(label).")) }
            if raw.textLength > limit { errors.append(FieldError(field: field, message: "The \(label) is longer than \(limit) characters.")) }
            return value
        }
        let title = text(self.title, "title", "position or title", required: true)
        let organization = text(self.organization, "organization", "organization", required: true)
        let city = text(self.city, "city", "city", required: false)
        let state = text(self.state, "state", "state", required: false, limit: 60)
        let country = text(self.country, "country", "country", required: true, limit: 60)
        let amcasType = AMCASExperienceType(rawValue: self.amcasType)
        if amcasType == nil { errors.append(FieldError(field: "amcas_type", message: "Choose the AMCAS experience type.")) }
        // Left empty, the ERAS type follows the AMCAS type; given, it must be one of the eight.
        let erasType = self.erasType.isEmpty ? amcasType?.suggestedERASType : ERASExperienceType(rawValue: self.erasType)
        if !self.erasType.isEmpty && erasType == nil { errors.append(FieldError(field: "eras_type", message: "Choose the ERAS experience type from the list.")) }
        func optional<T: RawRepresentable>(_ raw: String, _ field: String, _ label: String) -> T? where T.RawValue == String {
            guard !raw.isEmpty else { return nil }
            guard let value = T(rawValue: raw) else {
                errors.append(FieldError(field: field, message: "Choose the \(label) from the list."))
                return nil
            }
            return value
        }
        let setting: ClinicalSetting? = optional(self.setting, "setting", "setting")
        let erasSetting: ERASSetting? = optional(self.erasSetting, "eras_setting", "ERAS setting")
        let focusArea: ERASFocusArea? = optional(self.focusArea, "focus_area", "focus area")
        let frequency: ERASFrequency? = optional(self.frequency, "frequency", "frequency of participation")
        let keyCharacteristic: ERASKeyCharacteristic? = optional(self.keyCharacteristic, "key_characteristic", "key characteristic")
        let specialty = self.specialtyID.trimmingWhitespace()
        if !specialty.isEmpty && Specialties.rotation.find(specialty) == nil {
            errors.append(FieldError(field: "specialty_id", message: "Choose the specialty from the list."))
        }
        let supervisorName = text(self.supervisorName, "supervisor_name", "supervisor's name", required: false)
        let supervisorTitle = text(self.supervisorTitle, "supervisor_title", "supervisor's title", required: false)
        let supervisorEmail = self.supervisorEmail.trimmingWhitespace()
        if !supervisorEmail.isEmpty && !EmailAddress.isPlausible(supervisorEmail) {
            errors.append(FieldError(field: "supervisor_email", message: "Enter the supervisor's e-mail address, such as name@hospital.org."))
        }
        let description = text(self.description, "description", "description", required: false, limit: Self.maximumDescription)
        let amcasReflection = text(
            self.amcasReflection, "amcas_reflection", "AMCAS most meaningful essay", required: false, limit: ApplicationFormats.AMCAS.maximumMostMeaningfulExtra
        )
        let erasReflection = text(self.erasReflection, "eras_reflection", "ERAS reflection", required: false, limit: ApplicationFormats.ERAS.maximumReflection)
        let allowed = names + [supervisorName]
        errors += GuardedText.problems(description, field: "description", label: "The description", allowing: allowed)
        errors += GuardedText.problems(amcasReflection, field: "amcas_reflection", label: "The AMCAS essay", allowing: allowed)
        errors += GuardedText.problems(erasReflection, field: "eras_reflection", label: "The ERAS reflection", allowing: allowed)
        let ranges = self.checkRanges(today: today, errors: &errors)
        guard errors.isEmpty, let amcasType, let erasType else { return .failure(ValidationReport(errors)) }
        return .success(
            Checked(
                title: title, organization: organization, city: city, state: state, country: country, amcasType: amcasType, erasType: erasType,
                setting: setting, erasSetting: erasSetting, focusArea: focusArea, frequency: frequency, keyCharacteristic: keyCharacteristic, specialtyID: specialty.isEmpty ? nil : specialty,
                handsOn: self.handsOn, supervisorName: supervisorName, supervisorTitle: supervisorTitle, supervisorEmail: supervisorEmail,
                description: description, amcasMostMeaningful: self.amcasMostMeaningful, amcasReflection: amcasReflection,
                erasMostMeaningful: self.erasMostMeaningful, erasReflection: erasReflection, ranges: ranges
            )
        )
    }

    private func checkRanges(today: Day, errors: inout [FieldError]) -> [ExperienceRange] {
        let drafts = self.ranges.filter { !$0.isBlank }
        if drafts.isEmpty { errors.append(FieldError(field: "ranges", message: "Give at least one period: when it started, and when it ended if it has.")) }
        if drafts.count > ApplicationFormats.AMCAS.maximumDateRanges {
            errors.append(FieldError(field: "ranges", message: "Give at most \(ApplicationFormats.AMCAS.maximumDateRanges) periods, as AMCAS allows."))
        }
        var ranges: [ExperienceRange] = []
        for (index, draft) in drafts.prefix(ApplicationFormats.AMCAS.maximumDateRanges).enumerated() {
            let label = "Period \(index + 1)"
            guard let start = Day(iso: draft.start.trimmingWhitespace()) else {
                errors.append(FieldError(field: "ranges", message: "\(label): enter the start date as YYYY-MM-DD."))
                continue
            }
            let endText = draft.end.trimmingWhitespace()
            let end = endText.isEmpty ? nil : Day(iso: endText)
            if !endText.isEmpty && end == nil { errors.append(FieldError(field: "ranges", message: "\(label): enter the end date as YYYY-MM-DD, or leave it empty if ongoing.")) }
            if !start.isPlausiblyTyped(today: today) {
                errors.append(FieldError(field: "ranges", message: "\(label): " + Day.implausibleTypedMessage("the start date", today: today)))
            }
            if let end, !end.isPlausiblyTyped(today: today) {
                errors.append(FieldError(field: "ranges", message: "\(label): " + Day.implausibleTypedMessage("the end date", today: today)))
            }
            if let end, end < start { errors.append(FieldError(field: "ranges", message: "\(label) ends before it starts.")) }
            func hours(_ text: String, _ what: String) -> Int {
                let text = text.trimmingWhitespace()
                guard !text.isEmpty else { return 0 }
                guard let value = Int(text), value >= 0, value <= Self.maximumHoursPerRange else {
                    errors.append(FieldError(field: "ranges", message: "\(label): \(what) must be a whole number from 0 to \(Self.maximumHoursPerRange)."))
                    return 0
                }
                return value
            }
            let prior = hours(draft.priorHours, "completed hours")
            let anticipated = hours(draft.anticipatedHours, "anticipated hours")
            if start > today && prior > 0 { errors.append(FieldError(field: "ranges", message: "\(label) has not started yet, so it has no completed hours.")) }
            if anticipated > 0, let end, end <= today {
                errors.append(FieldError(field: "ranges", message: "\(label) is over, so its hours are completed, not anticipated."))
            }
            let days = start.days(to: min(end ?? today, today)) + 1
            if prior > max(days, 0) * 24 { errors.append(FieldError(field: "ranges", message: "\(label): \(prior) hours do not fit in \(max(days, 0)) days.")) }
            ranges.append(ExperienceRange(start: start, end: end, priorHours: prior, anticipatedHours: anticipated))
        }
        return ranges.sorted { $0.start < $1.start }
    }
}

/// A dated entry of hours under an experience.
public struct HourLogDraft: Equatable, Sendable {
    public static let maximumActivities = 500

    public var day: String
    public var hours: String
    public var activities: String

    public init(day: String, hours: String, activities: String) {
        self.day = day
        self.hours = hours
        self.activities = activities
    }

    public struct Checked: Equatable, Sendable {
        public var day: Day
        /// In quarter hours, so sums are exact.
        public var quarterHours: Int
        public var activities: String
    }

    public func check(today: Day, ranges: [ExperienceRange], allowing names: [String] = []) -> Result<Checked, ValidationReport> {
        var errors: [FieldError] = []
        let day = Day(iso: self.day.trimmingWhitespace())
        if day == nil { errors.append(FieldError(field: "day", message: "Enter the day as YYYY-MM-DD.")) }
        if let day, day > today { errors.append(FieldError(field: "day", message: "Log hours once they are done, not ahead.")) }
        if let day, !ranges.contains(where: { $0.contains(day) }) {
            errors.append(FieldError(field: "day", message: "That day is outside the experience's periods; add or extend a period first."))
        }
        // Only finite numbers in range ("nan" and "inf" parse as Doubles too), in quarter hours as typed:
        // 7.3 is refused with the allowed step rather than stored as 7.25.
        let typed = Double(self.hours.trimmingWhitespace()).flatMap { $0.isFinite && $0 > 0 && $0 <= 24 ? $0 * 4 : nil }
        // Quarter hours are exact in binary, so the test is exact too (as the API document's multipleOf is).
        let quarters = typed.flatMap { $0 == $0.rounded() ? $0 : nil }
        if typed == nil {
            errors.append(FieldError(field: "hours", message: "Enter the hours for that day, more than 0 and at most 24 (quarter hours allowed, e.g. 7.5)."))
        } else if quarters == nil {
            errors.append(FieldError(field: "hours", message: "Enter hours in steps of a quarter hour (0.25), such as 7, 7.25, 7.5 or 7.75."))
        }
        let activities = self.activities.trimmingWhitespace()
        if self.activities.textLength > Self.maximumActivities {
            errors.append(FieldError(field: "activities", message: "The activities are longer than \(Self.maximumActivities) characters."))
        }
        errors += GuardedText.problems(activities, field: "activities", label: "The activities", allowing: names)
        guard errors.isEmpty, let day, let quarters else { return .failure(ValidationReport(errors)) }
        return .success(Checked(day: day, quarterHours: Int(quarters), activities: activities))
    }
}
