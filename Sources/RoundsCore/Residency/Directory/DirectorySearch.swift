/// The directory's search: programs screened against the applicant, then filtered by specialty, state,
/// distance from a ZIP code, visa and verdict.
public struct DirectorySearch: Sendable, Equatable {
    public enum Visa: String, CaseIterable, Sendable {
        case j1, h1b, either

        public var label: String {
            switch self {
            case .j1: "Takes ECFMG's J-1"
            case .h1b: "Sponsors the H-1B"
            case .either: "Takes the J-1 or sponsors the H-1B"
            }
        }

        func admits(_ requirements: ProgramRequirements) -> Bool {
            switch self {
            case .j1: requirements.acceptsJ1?.value == true
            case .h1b: requirements.sponsorsH1B?.value == true
            case .either: requirements.acceptsJ1?.value == true || requirements.sponsorsH1B?.value == true
            }
        }
    }

    public var specialty: String?
    public var state: String?
    /// Programs within `miles` of `near` (a ZIP code's centroid).
    public var near: Coordinate?
    public var miles: Double?
    public var visa: Visa?
    public var verdicts: Set<ProgramScreening.Verdict>

    public init(specialty: String? = nil, state: String? = nil, near: Coordinate? = nil, miles: Double? = nil, visa: Visa? = nil, verdicts: Set<ProgramScreening.Verdict> = []) {
        self.specialty = specialty
        self.state = state
        self.near = near
        self.miles = miles
        self.visa = visa
        self.verdicts = verdicts
    }

    public struct Hit<ID: Sendable>: Sendable {
        public var id: ID
        public var program: DirectoryProgram
        public var screening: ProgramScreening.Result
        /// Miles from the search's ZIP code, when it has one and the program's ZIP is known.
        public var miles: Double?
    }

    /// What an applicant without a profile sees for every program.
    public static let noProfile = ProgramScreening.Result(
        verdict: .unknown, reasons: [ProgramScreening.Reason(field: "profile", verdict: .unknown, text: "Fill in your profile to screen programs against it.", source: nil)])

    /// The matching programs, screened (or unknown without an applicant), by verdict (best first), then
    /// distance when searching near a ZIP code, then name.
    public func run<ID: Sendable>(
        _ programs: [(id: ID, program: DirectoryProgram)], applicant: ScreenedApplicant?, currentYear: Int, location: (String) -> Coordinate?
    ) -> [Hit<ID>] {
        var hits: [Hit<ID>] = []
        for (id, program) in programs {
            if let specialty = self.specialty, program.specialty != specialty { continue }
            if let state = self.state, program.state != state { continue }
            if let visa = self.visa, !visa.admits(program.requirements) { continue }
            var miles: Double?
            if let near = self.near {
                miles = location(program.zip).map { near.miles(to: $0) }
                if let limit = self.miles, (miles ?? .infinity) > limit { continue }
            }
            let screening = applicant.map { ProgramScreening.screen(program.requirements, for: $0, currentYear: currentYear) } ?? Self.noProfile
            if !self.verdicts.isEmpty, !self.verdicts.contains(screening.verdict) { continue }
            hits.append(Hit(id: id, program: program, screening: screening, miles: miles))
        }
        return hits.sorted { a, b in
            if a.screening.verdict != b.screening.verdict { return a.screening.verdict < b.screening.verdict }
            if a.miles != b.miles { return (a.miles ?? .infinity) < (b.miles ?? .infinity) }
            return (a.program.name, a.program.specialty) < (b.program.name, b.program.specialty)
        }
    }
}
