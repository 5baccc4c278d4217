import DelimitedText

/// An experience as the exports see it: entered fields, hours with logs added, and its verification.
public struct ExportableExperience: Equatable, Sendable {
    public struct Range: Equatable, Sendable {
        public var start: Day
        public var end: Day?
        public var completedHours: Int
        public var anticipatedHours: Int
        public init(start: Day, end: Day?, completedHours: Int, anticipatedHours: Int) {
            self.start = start
            self.end = end
            self.completedHours = completedHours
            self.anticipatedHours = anticipatedHours
        }
    }

    public var title: String
    public var organization: String
    public var city: String
    public var state: String
    public var country: String
    public var amcasType: AMCASExperienceType
    public var erasType: ERASExperienceType
    public var erasSetting: ERASSetting?
    public var focusArea: ERASFocusArea?
    public var frequency: ERASFrequency?
    public var keyCharacteristic: ERASKeyCharacteristic?
    public var supervisorName: String
    public var supervisorTitle: String
    public var supervisorEmail: String
    public var description: String
    public var amcasMostMeaningful: Bool
    public var amcasReflection: String
    public var erasMostMeaningful: Bool
    public var erasReflection: String
    public var ranges: [Range]
    /// "Verified by NAME on DATE", when verified.
    public var verification: String?

    public init(
        title: String, organization: String, city: String, state: String, country: String, amcasType: AMCASExperienceType,
        erasType: ERASExperienceType, erasSetting: ERASSetting?, focusArea: ERASFocusArea?, frequency: ERASFrequency? = nil,
        keyCharacteristic: ERASKeyCharacteristic? = nil, supervisorName: String, supervisorTitle: String,
        supervisorEmail: String, description: String, amcasMostMeaningful: Bool, amcasReflection: String, erasMostMeaningful: Bool,
        erasReflection: String, ranges: [Range], verification: String?
    ) {
        self.title = title
        self.organization = organization
        self.city = city
        self.state = state
        self.country = country
        self.amcasType = amcasType
        self.erasType = erasType
        self.erasSetting = erasSetting
        self.focusArea = focusArea
        self.frequency = frequency
        self.keyCharacteristic = keyCharacteristic
        self.supervisorName = supervisorName
        self.supervisorTitle = supervisorTitle
        self.supervisorEmail = supervisorEmail
        self.description = description
        self.amcasMostMeaningful = amcasMostMeaningful
        self.amcasReflection = amcasReflection
        self.erasMostMeaningful = erasMostMeaningful
        self.erasReflection = erasReflection
        self.ranges = ranges
        self.verification = verification
    }
}

/// The AMCAS and ERAS exports: every entry checked against the service's limits (an entry that does not
/// fit says why), then CSV rows. The export is refused while any entry has a problem.
public enum PortfolioExport {
    public enum Format: String, CaseIterable, Sendable {
        case amcas, eras
        public var displayName: String { self == .amcas ? "AMCAS Work/Activities" : "ERAS Experiences" }
    }

    public struct Entry: Equatable, Sendable {
        public var experience: ExportableExperience
        public var problems: [String]
    }

    public struct Result: Equatable, Sendable {
        public var format: Format
        public var entries: [Entry]
        /// Problems of the export as a whole (too many entries, too many most meaningful).
        public var problems: [String]
        /// What the applicant should check that Rounds cannot decide (a rule whose value is not known).
        public var notices: [String] = []
        public var isValid: Bool { self.problems.isEmpty && self.entries.allSatisfy(\.problems.isEmpty) }
    }

    public static func check(_ experiences: [ExportableExperience], format: Format) -> Result {
        switch format {
        case .amcas: return self.amcas(experiences)
        case .eras: return self.eras(experiences)
        }
    }

    /// `minimumMostMeaningful` is the rules file's (nil: not known); tests pass both cases.
    static func amcas(_ experiences: [ExportableExperience], minimumMostMeaningful: Int? = ApplicationFormats.AMCAS.minimumMostMeaningful) -> Result {
        typealias Limits = ApplicationFormats.AMCAS
        var problems: [String] = []
        if experiences.count > Limits.maximumEntries {
            problems.append("AMCAS takes at most \(Limits.maximumEntries) experiences; \(experiences.count) are marked for it. Leave some out.")
        }
        let meaningful = experiences.filter(\.amcasMostMeaningful).count
        if meaningful > Limits.maximumMostMeaningful {
            problems.append("AMCAS takes at most \(Limits.maximumMostMeaningful) most meaningful experiences; \(meaningful) are marked.")
        }
        var notices: [String] = []
        let rule = DomainRules.shipped[.amcasMinimumMostMeaningful]
        if let minimum = minimumMostMeaningful {
            if !experiences.isEmpty && meaningful < minimum {
                problems.append("AMCAS asks for at least \(minimum) most meaningful \(minimum == 1 ? "experience" : "experiences"); mark one on its page (source: \(rule.source ?? "none")).")
            }
        } else if !experiences.isEmpty && meaningful == 0 {
            notices.append(
                "None of these is marked most meaningful. Whether AMCAS requires at least one is not known to Rounds: the guides quoting the AMCAS Applicant Guide say only \"up to \(Limits.maximumMostMeaningful)\". Check the guide (\(rule.source ?? "none")) before you submit.")
        }
        let entries = experiences.map { experience in
            var issues: [String] = []
            if experience.description.isEmpty { issues.append("The description is empty.") }
            if experience.description.textLength > Limits.maximumDescription {
                issues.append("The description is \(experience.description.textLength) characters; AMCAS allows \(Limits.maximumDescription).")
            }
            if experience.amcasMostMeaningful && experience.amcasReflection.isEmpty {
                issues.append("It is marked most meaningful but has no most meaningful essay.")
            }
            if experience.amcasReflection.textLength > Limits.maximumMostMeaningfulExtra {
                issues.append("The most meaningful essay is \(experience.amcasReflection.textLength) characters; AMCAS allows \(Limits.maximumMostMeaningfulExtra).")
            }
            if experience.ranges.isEmpty || experience.ranges.count > Limits.maximumDateRanges {
                issues.append("AMCAS takes 1 to \(Limits.maximumDateRanges) date ranges; this has \(experience.ranges.count).")
            }
            if experience.supervisorName.isEmpty || experience.supervisorEmail.isEmpty {
                issues.append("AMCAS asks for a contact: add the supervisor's name and e-mail.")
            }
            return Entry(experience: experience, problems: issues)
        }
        return Result(format: .amcas, entries: entries, problems: problems, notices: notices)
    }

    static func eras(_ experiences: [ExportableExperience]) -> Result {
        typealias Limits = ApplicationFormats.ERAS
        var problems: [String] = []
        if experiences.count > Limits.maximumEntries {
            problems.append("ERAS takes at most \(Limits.maximumEntries) experiences; \(experiences.count) are marked for it. Leave some out.")
        }
        let meaningful = experiences.filter(\.erasMostMeaningful).count
        if meaningful > Limits.maximumMostMeaningful {
            problems.append("ERAS takes at most \(Limits.maximumMostMeaningful) most meaningful experiences; \(meaningful) are marked.")
        }
        let entries = experiences.map { experience in
            var issues: [String] = []
            if experience.description.isEmpty { issues.append("The description is empty.") }
            if experience.description.textLength > Limits.maximumDescription {
                issues.append("The description is \(experience.description.textLength) characters; ERAS allows \(Limits.maximumDescription).")
            }
            if experience.erasMostMeaningful && experience.erasReflection.isEmpty {
                issues.append("It is marked most meaningful but has no reflection.")
            }
            if experience.erasReflection.textLength > Limits.maximumReflection {
                issues.append("The reflection is \(experience.erasReflection.textLength) characters; ERAS allows \(Limits.maximumReflection).")
            }
            if experience.ranges.isEmpty { issues.append("It has no dates.") }
            if experience.frequency == nil { issues.append("Say how often you took part (one time, daily, weekly …): ERAS asks for the frequency of participation.") }
            return Entry(experience: experience, problems: issues)
        }
        return Result(format: .eras, entries: entries, problems: problems)
    }

    /// The CSV: a header and one row per entry.
    public static func csv(_ result: Result) -> String {
        switch result.format {
        case .amcas:
            var header = ["Experience Type", "Experience Name", "Organization", "City", "State", "Country", "Contact Name", "Contact Title", "Contact Email"]
            for index in 1...ApplicationFormats.AMCAS.maximumDateRanges {
                header += ["Range \(index) Start", "Range \(index) End", "Range \(index) Completed Hours", "Range \(index) Anticipated Hours"]
            }
            header += ["Description", "Most Meaningful", "Most Meaningful Essay", "Verification"]
            var text = CSV.line(header)
            for entry in result.entries {
                let e = entry.experience
                var row = [e.amcasType.displayName, e.title, e.organization, e.city, e.state, e.country, e.supervisorName, e.supervisorTitle, e.supervisorEmail]
                for index in 0..<ApplicationFormats.AMCAS.maximumDateRanges {
                    if index < e.ranges.count {
                        let range = e.ranges[index]
                        row += [Self.monthYear(range.start), range.end.map(Self.monthYear) ?? "", String(range.completedHours), String(range.anticipatedHours)]
                    } else {
                        row += ["", "", "", ""]
                    }
                }
                row += [e.description, e.amcasMostMeaningful ? "Yes" : "No", e.amcasMostMeaningful ? e.amcasReflection : "", e.verification ?? ""]
                text += CSV.line(row.map(Self.spreadsheetSafe))
            }
            return text
        case .eras:
            var text = CSV.line([
                "Experience Type", "Position Title", "Organization", "City", "State", "Country", "Setting", "Primary Focus Area",
                "Key Characteristic", "Frequency of Participation", "Start Date", "End Date", "Description", "Most Meaningful", "Reflection", "Verification",
            ])
            for entry in result.entries {
                let e = entry.experience
                let start = e.ranges.map(\.start).min()
                let ongoing = e.ranges.contains { $0.end == nil }
                let end = ongoing ? nil : e.ranges.compactMap(\.end).max()
                let row = [
                    e.erasType.displayName, e.title, e.organization, e.city, e.state, e.country, e.erasSetting?.displayName ?? "",
                    e.focusArea?.displayName ?? "", e.keyCharacteristic?.displayName ?? "", e.frequency?.displayName ?? "", start.map(Self.monthYear) ?? "", end.map(Self.monthYear) ?? (ongoing ? "Present" : ""),
                    e.description, e.erasMostMeaningful ? "Yes" : "No", e.erasMostMeaningful ? e.erasReflection : "", e.verification ?? "",
                ]
                text += CSV.line(row.map(Self.spreadsheetSafe))
            }
            return text
        }
    }

    /// MM/YYYY, as both services ask for dates.
    public static func monthYear(_ day: Day) -> String {
        let parts = day.iso.split(separator: "-")
        return "\(parts[1])/\(parts[0])"
    }

    /// A cell a spreadsheet will not run as a formula (OWASP "CSV injection").
    static func spreadsheetSafe(_ field: String) -> String {
        guard let first = field.first, "=+-@\t\r".contains(first) else { return field }
        return "'" + field
    }
}

extension PortfolioExport {
    /// The export as plain text, entry by entry, for an advisor to read and comment on. Supervisor
    /// e-mail addresses are left out: a reviewer needs the writing, not the contacts.
    public static func plainText(_ result: Result) -> String {
        var blocks: [String] = []
        for (number, entry) in result.entries.enumerated() {
            let experience = entry.experience
            var lines = ["\(number + 1). \(experience.title) — \(experience.organization), \(experience.city), \(experience.state), \(experience.country)"]
            lines.append(result.format == .amcas ? "Type: \(experience.amcasType.displayName)" : "Type: \(experience.erasType.displayName)")
            for range in experience.ranges {
                let end = range.end.map(Self.monthYear) ?? "ongoing"
                lines.append("Dates: \(Self.monthYear(range.start)) – \(end), \(range.completedHours) hours" + (range.anticipatedHours > 0 ? " (+\(range.anticipatedHours) anticipated)" : ""))
            }
            if !experience.supervisorName.isEmpty { lines.append("Contact: \(experience.supervisorName)" + (experience.supervisorTitle.isEmpty ? "" : ", \(experience.supervisorTitle)")) }
            lines.append("")
            lines.append(experience.description)
            let meaningful = result.format == .amcas ? experience.amcasMostMeaningful : experience.erasMostMeaningful
            let reflection = result.format == .amcas ? experience.amcasReflection : experience.erasReflection
            if meaningful, !reflection.isEmpty {
                lines.append("")
                lines.append("Most meaningful: \(reflection)")
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
    }
}
