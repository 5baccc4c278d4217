/// The HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)) the guard looks for in text an applicant writes
/// about patients: reflections, hour logs, experience descriptions. Biometric identifiers and full-face
/// photographs (categories P and Q) cannot appear in text and are not looked for.
public enum IdentifierType: String, CaseIterable, Codable, Sendable {
    case name
    case place
    case address
    case zipCode = "zip_code"
    case date
    case age
    case phone
    case fax
    case email
    case ssn
    case medicalRecordNumber = "medical_record_number"
    case healthPlanNumber = "health_plan_number"
    case accountNumber = "account_number"
    case licenseNumber = "license_number"
    case vehicleIdentifier = "vehicle_identifier"
    case deviceNumber = "device_number"
    case url
    case ipAddress = "ip_address"
    case otherNumber = "other_number"

    /// The rule the guard follows, where it is published, and when that was read.
    public static var source: (citation: String, url: String, checked: String) {
        let rule = DomainRules.shipped[.safeHarborCategories]
        return (rule.citation ?? rule.name, rule.source ?? "", rule.checked)
    }

    /// The letter (A–R) of the Safe Harbor category the type belongs to.
    public var safeHarborLetter: String {
        switch self {
        case .name: "A"
        case .place, .address, .zipCode: "B"
        case .date, .age: "C"
        case .phone: "D"
        case .fax: "E"
        case .email: "F"
        case .ssn: "G"
        case .medicalRecordNumber: "H"
        case .healthPlanNumber: "I"
        case .accountNumber: "J"
        case .licenseNumber: "K"
        case .vehicleIdentifier: "L"
        case .deviceNumber: "M"
        case .url: "N"
        case .ipAddress: "O"
        case .otherNumber: "R"
        }
    }

    /// The category, in the regulation's words, as "(A) Names".
    public var safeHarborCategory: String { Self.category(self.safeHarborLetter) }

    static func category(_ letter: String) -> String { "(\(letter)) \(DomainRules.shipped.name(.safeHarborCategories, id: letter))" }

    /// The categories text cannot contain, which the guard does not look for.
    public static var categoriesNotInText: [String] { ["P", "Q"].map(Self.category) }

    /// Why it must go and how to write it instead, following Safe Harbor's own generalisations.
    public var reason: String {
        switch self {
        case .name: "a patient's or relative's name identifies them; write \"the patient\", \"her son\" or \"a man in his sixties\""
        case .place: "a town, city or county where a patient lives identifies them; name the state or write \"a rural town\""
        case .address: "a street address identifies a household; name the state at most"
        case .zipCode: "ZIP codes are below state level; name the state at most"
        case .date: "a date tied to a patient (admission, birth, visit) identifies them; give the year only, or relative time such as \"on day 3 of admission\""
        case .age: "ages over 89 identify patients; write \"90 or older\""
        case .phone: "phone numbers identify people"
        case .fax: "fax numbers identify people"
        case .email: "e-mail addresses identify people"
        case .ssn: "Social Security numbers, or any part of them, identify people"
        case .medicalRecordNumber: "medical record numbers identify patients"
        case .healthPlanNumber: "health plan, Medicare and Medicaid numbers identify patients"
        case .accountNumber: "account numbers identify patients"
        case .licenseNumber: "licence and certificate numbers identify people"
        case .vehicleIdentifier: "plates and vehicle identification numbers identify people"
        case .deviceNumber: "device serial numbers identify patients"
        case .url: "web addresses can identify people"
        case .ipAddress: "IP addresses identify devices and people"
        case .otherNumber: "case, claim and other reference numbers identify people"
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
/// ordinary clinical language clear: doses, vitals, fractions, years, ages up to 89, the applicant's own
/// schedule, where they trained, preceptors ("Dr. Smith") and eponyms ("Graves' disease").
public enum IdentifierGuard {
    /// - Parameter allowedNames: names the writer may use, such as their own and their supervisors'.
    public static func scan(_ text: String, allowing allowedNames: [String] = [], lexicon: IdentifierLexicon = .shipped) -> [IdentifierSpan] {
        var found = IdentifierPatterns.matches(in: text)
        let words = GuardWords(text)
        found += NameFinder(lexicon: lexicon, allowing: allowedNames).spans(in: words).map { ($0, .name) }
        found += PlaceFinder(lexicon: lexicon).spans(in: words).map { ($0, .place) }
        // Earlier, longer matches win; a span inside one already kept is dropped.
        found.sort { ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound) }
        var kept: [(range: Range<String.Index>, type: IdentifierType)] = []
        for candidate in found where !kept.contains(where: { $0.range.overlaps(candidate.range) }) {
            kept.append(candidate)
        }
        var offset = 0
        var position = text.startIndex
        return kept.map { span in
            // Spans are in order, so offsets are counted once over the text.
            offset += text.distance(from: position, to: span.range.lowerBound)
            let start = offset
            offset += text.distance(from: span.range.lowerBound, to: span.range.upperBound)
            position = span.range.upperBound
            return IdentifierSpan(start: start, end: offset, type: span.type, text: String(text[span.range]))
        }
    }
}
