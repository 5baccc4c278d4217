/// The HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)) the guard looks for in text an applicant writes
/// about patients: reflections, hour logs, experience descriptions.
public enum IdentifierType: String, CaseIterable, Codable, Sendable {
    case name
    case date
    case age
    case phone
    case fax
    case email
    case ssn
    case medicalRecordNumber = "medical_record_number"
    case accountNumber = "account_number"
    case address
    case zipCode = "zip_code"
    case url
    case ipAddress = "ip_address"
    case deviceNumber = "device_number"
    case licenseNumber = "license_number"

    /// Why it must go, in words for the person rephrasing.
    public var reason: String {
        switch self {
        case .name: "a patient's name identifies them; write \"the patient\" or \"a man in his sixties\""
        case .date: "a date more specific than the year can identify a patient; write the month and year or \"on admission\""
        case .age: "ages over 89 identify patients; write \"over 89\""
        case .phone: "phone numbers identify people"
        case .fax: "fax numbers identify people"
        case .email: "e-mail addresses identify people"
        case .ssn: "Social Security numbers identify people"
        case .medicalRecordNumber: "medical record numbers identify patients"
        case .accountNumber: "account and health-plan numbers identify patients"
        case .address: "street addresses are below state level"
        case .zipCode: "ZIP codes are below state level"
        case .url: "web addresses can identify people"
        case .ipAddress: "IP addresses identify devices and people"
        case .deviceNumber: "device serial numbers identify patients"
        case .licenseNumber: "licence and certificate numbers identify people"
        }
    }
}

/// One identifier found: `start` and `end` are character offsets (end exclusive).
public struct IdentifierSpan: Equatable, Codable, Sendable {
    public var start: Int
    public var end: Int
    public var type: IdentifierType
    public var text: String

    public init(start: Int, end: Int, type: IdentifierType, text: String) {
        self.start = start
        self.end = end
        self.type = type
        self.text = text
    }
}

/// Finds identifiers in free text before it is saved, so the writer can rephrase. Patterns favour recall
/// on the forms clinical writing uses (a false alarm costs a rephrase; a miss leaks a patient), and keep
/// ordinary clinical language — doses, vitals, years, ages up to 89, "Dr. Smith" the preceptor — clear.
public enum IdentifierGuard {
    public static func scan(_ text: String) -> [IdentifierSpan] {
        var found: [(range: Range<String.Index>, type: IdentifierType)] = []
        for detector in Self.detectors {
            for match in text.matches(of: detector.pattern) {
                let range = detector.capture.map { match.output[$0].range ?? match.range } ?? match.range
                guard detector.accept(String(text[range])) else { continue }
                found.append((range, detector.type))
            }
        }
        // Earlier, longer matches win; a span inside one already kept is dropped.
        found.sort { ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound) }
        var kept: [(range: Range<String.Index>, type: IdentifierType)] = []
        for candidate in found where !kept.contains(where: { $0.range.overlaps(candidate.range) }) {
            kept.append(candidate)
        }
        return kept.map { span in
            IdentifierSpan(
                start: text.distance(from: text.startIndex, to: span.range.lowerBound),
                end: text.distance(from: text.startIndex, to: span.range.upperBound),
                type: span.type,
                text: String(text[span.range])
            )
        }
    }

    struct Detector {
        var type: IdentifierType
        var pattern: Regex<AnyRegexOutput>
        /// The capture group that is the identifier itself (the rest is context such as "MRN:").
        var capture: Int?
        var accept: @Sendable (String) -> Bool = { _ in true }
    }

    static func regex(_ source: String) -> Regex<AnyRegexOutput> {
        // The sources below are constants checked by the tests; a typo is a programming error.
        try! Regex(source)
    }

    static let months = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    /// What may stand between an identifier's label and the identifier: ":", "#", "is", "was" or nothing.
    static let introducedBy = #"\s*(?:[:#]|\bis\b|\bwas\b)?\s*"#
    static let streetTypes = "street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|terrace|parkway|pkwy|highway|hwy|way"

    // Regex values are immutable and safe to share; only their output type (AnyRegexOutput) is not Sendable.
    nonisolated(unsafe) static let detectors: [Detector] = [
        Detector(type: .email, pattern: regex(#"(?i)\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b"#)),
        Detector(type: .url, pattern: regex(#"(?i)\b(?:https?://|www\.)[^\s<>"]+[^\s<>".,;:!?)]"#)),
        Detector(type: .ipAddress, pattern: regex(#"\b(?:\d{1,3}\.){3}\d{1,3}\b"#), accept: { $0.split(separator: ".").allSatisfy { Int($0).map { $0 <= 255 } ?? false } }),
        Detector(type: .ssn, pattern: regex(#"\b\d{3}[- ]\d{2}[- ]\d{4}\b"#)),
        Detector(type: .fax, pattern: regex(#"(?i)\bfax(?:\s*(?:number|no\.?|#))?\s*[:#]?\s*((?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})\b"#), capture: 1),
        Detector(type: .phone, pattern: regex(#"(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"#)),
        Detector(type: .phone, pattern: regex(#"\(\d{3}\)\d{3}-\d{4}\b"#)),
        Detector(
            type: .medicalRecordNumber,
            pattern: regex(#"(?i)\b(?:mrn|medical record(?: number| no\.?| #)?|chart(?: number| no\.?| #))\#(introducedBy)((?=[a-z0-9-]*\d)[a-z0-9][a-z0-9-]{3,})\b"#), capture: 1,
            accept: { $0.contains(where: \.isNumber) }
        ),
        Detector(
            type: .accountNumber,
            pattern: regex(#"(?i)\b(?:account|acct|member(?: id)?|policy|health plan(?: beneficiary)?|beneficiary|medicare|medicaid|insurance|claim|case)(?: number| no\.?| #| id)?\#(introducedBy)((?=[a-z0-9-]*\d)[a-z0-9][a-z0-9-]{4,})\b"#),
            capture: 1, accept: { $0.filter(\.isNumber).count >= 4 }
        ),
        Detector(
            type: .licenseNumber,
            pattern: regex(#"(?i)\b(?:licen[cs]e|dea|npi|certificate|driver'?s licen[cs]e)(?: number| no\.?| #)?\s*[:#]?\s*([a-z0-9][a-z0-9-]{4,})\b"#),
            capture: 1, accept: { $0.filter(\.isNumber).count >= 4 }
        ),
        Detector(
            type: .deviceNumber,
            pattern: regex(#"(?i)\b(?:serial|device|implant|pacemaker)(?: number| no\.?| #| id)?\#(introducedBy)((?=[a-z0-9-]*\d)[a-z0-9][a-z0-9-]{3,})\b"#), capture: 1,
            accept: { $0.contains(where: \.isNumber) }
        ),
        // Dates more specific than the year: 3/14, 03/14/2025, 2025-03-14, March 14, 14 March, Mar 14th.
        // "1/2 tablet" is a fraction, not a date.
        Detector(
            type: .date,
            pattern: regex(
                #"(?i)\b(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/(?:\d{4}|\d{2}))?\b(?!\s*(?:tab(?:let)?s?|pills?|cups?|doses?|of\b|teaspoons?|tsp|strength|normal saline|ns\b))"#
            )
        ),
        Detector(type: .date, pattern: regex(#"\b\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b"#)),
        Detector(type: .date, pattern: regex(#"(?i)\b(?:\#(months))\.?\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?"#)),
        Detector(type: .date, pattern: regex(#"(?i)\b(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?(?:\#(months))\b(?:\.?,?\s+\d{4})?"#)),
        // Ages over 89: "92-year-old", "aged 95", "94 yo", "age: 101".
        Detector(type: .age, pattern: regex(#"(?i)\b(9\d|1[0-2]\d)[- ]?(?:years?|yrs?|y/?o)\b(?:[- ]old)?"#), capture: 1),
        Detector(type: .age, pattern: regex(#"(?i)\bage(?:d)?\s*[:]?\s*(9\d|1[0-2]\d)\b"#), capture: 1),
        Detector(type: .address, pattern: regex(#"(?i)\b\d{1,6}\s+(?:[a-z0-9.'-]+\s+){1,4}(?:\#(streetTypes))\b\.?(?:\s*(?:apt|apartment|unit|suite|#)\s*[a-z0-9-]+)?"#)),
        Detector(type: .address, pattern: regex(#"(?i)\b(?:p\.?\s?o\.?\s+box)\s+\d+"#)),
        Detector(type: .zipCode, pattern: regex(#"\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]),?\s+(\d{5}(?:-\d{4})?)\b"#), capture: 1),
        Detector(type: .zipCode, pattern: regex(#"(?i)\bzip(?:\s*code)?\s*[:#]?\s*(\d{5}(?:-\d{4})?)\b"#), capture: 1),
        // The last four digits of a Social Security number, however introduced.
        Detector(type: .ssn, pattern: regex(#"(?i)\b(?:ssn|social security(?: number| no\.?)?)\b[^.\d]{0,40}?\b(\d{4})\b"#), capture: 1),
        // Vehicle identification numbers by their 17-character shape (no I, O or Q), letters and digits both.
        Detector(
            type: .licenseNumber, pattern: regex(#"\b[A-HJ-NPR-Z0-9]{17}\b"#),
            accept: { $0.contains(where: \.isNumber) && $0.contains(where: \.isLetter) }
        ),
        Detector(
            type: .licenseNumber,
            pattern: regex(#"(?i)\b(?:licen[cs]e )?plate(?: number| no\.?| #)?\s*(?:[:#]|\bis\b|\bwas\b|\breading\b)?\s*([a-z0-9]{2,4}[ -]?[a-z0-9]{2,5})\b"#),
            capture: 1, accept: { $0.contains(where: \.isNumber) && $0.contains(where: \.isLetter) }
        ),
        Detector(type: .licenseNumber, pattern: regex(#"(?i)\bvin\#(introducedBy)([a-z0-9]{11,17})\b"#), capture: 1),
        // Ages over 89 in words: "in his late 90s", "in her nineties", "a woman in her mid-nineties".
        Detector(type: .age, pattern: regex(#"(?i)\bin (?:his|her|their) (?:(?:early|mid|late)[- ])?(?:9\d|9\d's|90s|nineties|100s|hundreds)\b"#)),
        // A patient's or a relative's full name in apposition or after a family word.
        Detector(
            type: .name,
            pattern: regex(
                #"\b(?:[Pp]atient|[Ss]on|[Dd]aughter|[Ww]ife|[Hh]usband|[Mm]other|[Ff]ather|[Bb]rother|[Ss]ister|[Gg]randson|[Gg]randdaughter|[Gg]randmother|[Gg]randfather|[Ss]pouse|[Pp]artner|[Nn]iece|[Nn]ephew|[Aa]unt|[Uu]ncle|[Cc]aregiver)(?:'s)?,?\s+(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)+)"#
            ),
            capture: 1, accept: { !Self.notNames.contains($0.split(separator: " ").first.map(String.init) ?? "") }
        ),
        // A first name alone set off by commas after "patient": "The patient, Maria, asked".
        Detector(
            type: .name, pattern: regex(#"\b[Pp]atient,\s+(\p{Lu}[\p{Ll}'’-]+),"#), capture: 1,
            accept: { !Self.notNames.contains($0) }
        ),
        // A patient's name: after a title (not Dr.) or after "patient"/"named", one or two capitalised words.
        Detector(type: .name, pattern: regex(#"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+(\p{Lu}[\p{Ll}'’]+(?:[- ]\p{Lu}[\p{Ll}'’]+)?)"#), capture: 1),
        Detector(
            type: .name,
            pattern: regex(#"\b(?:[Pp]atient|[Pp]t\.?|[Nn]amed|[Cc]alled)\s+((?:\p{Lu}[\p{Ll}'’]+|\p{Lu}\.)(?:\s+\p{Lu}[\p{Ll}'’]+)?)"#), capture: 1,
            accept: { !Self.notNames.contains($0.split(separator: " ").first.map(String.init) ?? "") }
        ),
    ]

    /// Capitalised words that follow "patient" without being a name (sentence starts, roles, wards).
    static let notNames: Set<String> = [
        "The", "A", "An", "This", "That", "He", "She", "They", "We", "I", "It", "Was", "Is", "Had", "Has", "Who", "With", "In", "On",
        "At", "After", "Before", "During", "When", "While", "And", "But", "Care", "Safety", "Education", "Rounds", "Room", "Unit", "ICU",
        "Emergency", "Services", "Advocate", "Experience", "Satisfaction", "History", "Privacy", "Dr", "Doctor", "Nurse", "Professor",
    ]
}
