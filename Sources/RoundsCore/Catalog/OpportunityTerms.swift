/// The kinds of US clinical experience Rounds lists.
public enum OpportunityType: String, CaseIterable, Codable, Sendable {
    case observership
    case clinicalElective = "clinical_elective"
    case externship
    case subInternship = "sub_internship"
    case research
    case shadowing
    case volunteering
    case scribing
    case cna
    case emt

    public var displayName: String {
        switch self {
        case .observership: "Observership"
        case .clinicalElective: "Clinical elective"
        case .externship: "Externship"
        case .subInternship: "Sub-internship"
        case .research: "Research"
        case .shadowing: "Shadowing"
        case .volunteering: "Volunteering"
        case .scribing: "Medical scribing"
        case .cna: "Certified nursing assistant (CNA)"
        case .emt: "Emergency medical technician (EMT)"
        }
    }
}

/// Who an opportunity is for; matches the applicant's `Track`.
public enum Audience: String, CaseIterable, Codable, Sendable {
    case preMed = "pre_med"
    case imgStudent = "img_student"
    case imgGraduate = "img_graduate"
    case usStudent = "us_student"

    public init(_ track: Track) {
        switch track {
        case .preMed: self = .preMed
        case .imgStudent: self = .imgStudent
        case .imgGraduate: self = .imgGraduate
        case .usStudent: self = .usStudent
        }
    }

    public var displayName: String { Track(rawValue: self.rawValue)?.displayName ?? self.rawValue }
}

/// The permission to be in the US an opportunity accepts its participants with.
public enum VisaClass: String, CaseIterable, Codable, Sendable {
    /// US citizens, permanent residents and others already allowed to be there.
    case noneNeeded = "none_needed"
    case b1b2 = "b1_b2"
    case j1 = "j1"
    case h1b = "h1b"
    case f1 = "f1"

    public var displayName: String {
        switch self {
        case .noneNeeded: "No visa needed (citizens, residents, work authorization)"
        case .b1b2: "B1/B2 visitor visa"
        case .j1: "J-1 exchange visitor"
        case .h1b: "H-1B"
        case .f1: "F-1 student"
        }
    }
}

/// Where the clinical work happens.
public enum ClinicalSetting: String, CaseIterable, Codable, Sendable {
    case inpatient, outpatient, both

    public var displayName: String {
        switch self {
        case .inpatient: "Inpatient"
        case .outpatient: "Outpatient"
        case .both: "Inpatient and outpatient"
        }
    }
}

/// Whether a letter of recommendation can come out of the rotation, shown before applying.
public enum LetterPolicy: String, CaseIterable, Codable, Sendable {
    case none
    case onRequest = "on_request"
    case standard

    public var displayName: String {
        switch self {
        case .none: "No letter of recommendation"
        case .onRequest: "Letter on request"
        case .standard: "Letter after completion, as standard"
        }
    }
}

/// What a participant must bring.
public enum Requirement: String, CaseIterable, Codable, Sendable {
    case immunizations
    case backgroundCheck = "background_check"
    case insurance
    case englishTest = "english_test"

    public var displayName: String {
        switch self {
        case .immunizations: "Immunization records"
        case .backgroundCheck: "Background check"
        case .insurance: "Health and liability insurance"
        case .englishTest: "English test (e.g. TOEFL, OET)"
        }
    }
}

/// What kind of place a site is.
public enum SiteKind: String, CaseIterable, Codable, Sendable {
    case hospital, clinic, university
    case researchLab = "research_lab"
    case privatePractice = "private_practice"

    public var displayName: String {
        switch self {
        case .hospital: "Hospital"
        case .clinic: "Clinic"
        case .university: "University"
        case .researchLab: "Research lab"
        case .privatePractice: "Private practice"
        }
    }
}

/// An opportunity's state: only published opportunities of verified sites are public.
public enum OpportunityStatus: String, CaseIterable, Codable, Sendable {
    case draft, published, archived
}

extension Set where Element: RawRepresentable, Element.RawValue == String {
    /// The stored form: raw values sorted and comma-separated. Inlinable, as `init(storedList:)`; a closure,
    /// not a key path, which a generic context instantiates on every call.
    @inlinable
    public var storedList: String { self.map { $0.rawValue }.sorted().joined(separator: ",") }

    /// Parses a stored list, dropping unknown values. Inlinable so a caller's module gets it specialized:
    /// unspecialized, it was a third of reading the catalog for a cold start (issue 24).
    @inlinable
    public init(storedList: String) {
        self.init(storedList.split(separator: ",").compactMap { Element(rawValue: String($0)) })
    }
}
