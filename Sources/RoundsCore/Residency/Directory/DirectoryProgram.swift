/// A residency program as the directory keeps it: who and where, and the screening facts with provenance.
public struct DirectoryProgram: Sendable, Equatable {
    public enum Service: String, CaseIterable, Sendable, Codable {
        case eras, residencycas, other

        public var displayName: String {
            switch self {
            case .eras: "ERAS"
            case .residencycas: "ResidencyCAS"
            case .other: "Other"
            }
        }
    }

    public var name: String
    public var specialty: String
    public var sponsoringInstitution: String
    public var city: String
    public var state: String
    public var zip: String
    public var acgmeID: String?
    public var nrmpCode: String?
    public var service: Service
    public var positions: Int?
    /// The CMS certification number of the program's hospital, when linked.
    public var ccn: String?
    public var requirements: ProgramRequirements

    public init(
        name: String, specialty: String, sponsoringInstitution: String, city: String, state: String, zip: String, acgmeID: String? = nil,
        nrmpCode: String? = nil, service: Service, positions: Int? = nil, ccn: String? = nil, requirements: ProgramRequirements = ProgramRequirements()
    ) {
        self.name = name
        self.specialty = specialty
        self.sponsoringInstitution = sponsoringInstitution
        self.city = city
        self.state = state
        self.zip = zip
        self.acgmeID = acgmeID
        self.nrmpCode = nrmpCode
        self.service = service
        self.positions = positions
        self.ccn = ccn
        self.requirements = requirements
    }
}

extension DirectoryProgram {
    /// What names a program: its ACGME id when it has one, and its name, specialty and place (case ignored).
    public var keys: [String] {
        let place = "place:" + [self.name, self.specialty, self.city, self.state].map { $0.lowercased() }.joined(separator: "\u{1F}")
        return (self.acgmeID.map { ["acgme:" + $0.lowercased()] } ?? []) + [place]
    }
}

/// A directory program as typed into a form or read from a CSV row: every field a string, checked in one
/// place for the import, the administrators' form and the API. Errors are named by column.
public struct DirectoryProgramDraft: Sendable, Equatable {
    /// The identity columns, in file order.
    public static let columns = [
        "name", "specialty", "sponsoring_institution", "city", "state", "zip", "acgme_id", "nrmp_code", "application_service", "positions", "ccn",
    ]

    public struct Fact: Sendable, Equatable {
        public var value = ""
        public var source = ""
        public var verifiedOn = ""
        public var verifiedBy = ""

        public init(value: String = "", source: String = "", verifiedOn: String = "", verifiedBy: String = "") {
            self.value = value
            self.source = source
            self.verifiedOn = verifiedOn
            self.verifiedBy = verifiedBy
        }
    }

    public var identity: [String: String] = [:]
    public var facts: [ScreeningField: Fact] = [:]
    public var usceHandsOn = ""

    public init() {}

    /// A draft from fields named like the CSV's columns (a form or a JSON object); absent fields are empty.
    public init(columns fields: [String: String]) {
        for column in Self.columns { self[column] = fields[column] ?? "" }
        self.usceHandsOn = fields["usce_hands_on"] ?? ""
        for field in ScreeningField.allCases {
            let name = field.rawValue
            self.facts[field] = Fact(
                value: fields[name] ?? "", source: fields["\(name)_source"] ?? "", verifiedOn: fields["\(name)_verified_on"] ?? "",
                verifiedBy: fields["\(name)_verified_by"] ?? "")
        }
    }

    /// The draft as fields named like the CSV's columns: the inverse of `init(columns:)`.
    public var columnValues: [String: String] {
        var values = self.identity
        values["usce_hands_on"] = self.usceHandsOn
        for field in ScreeningField.allCases {
            let fact = self.facts[field] ?? Fact()
            let name = field.rawValue
            values[name] = fact.value
            values["\(name)_source"] = fact.source
            values["\(name)_verified_on"] = fact.verifiedOn
            values["\(name)_verified_by"] = fact.verifiedBy
        }
        return values
    }

    public init(_ program: DirectoryProgram) {
        self.identity = [
            "name": program.name, "specialty": program.specialty, "sponsoring_institution": program.sponsoringInstitution, "city": program.city,
            "state": program.state, "zip": program.zip, "acgme_id": program.acgmeID ?? "", "nrmp_code": program.nrmpCode ?? "",
            "application_service": program.service.rawValue, "positions": program.positions.map(String.init) ?? "", "ccn": program.ccn ?? "",
        ]
        for fact in program.requirements.facts {
            self.facts[fact.field] = Fact(value: fact.value, source: fact.source, verifiedOn: fact.verifiedOn.iso, verifiedBy: fact.verifiedBy)
        }
        self.usceHandsOn = program.requirements.usceMustBeHandsOn ? "yes" : "no"
    }

    public subscript(column: String) -> String {
        get { self.identity[column] ?? "" }
        set { self.identity[column] = newValue }
    }

    /// The program, or every problem (field = column name). `specialties`, when given, is the list a
    /// specialty must come from; `hospitals`, the CMS list a CCN must be in.
    public func check(stateOfZIP: (String) -> String?, specialties: Set<String>? = nil, hospitals: [String: CMSHospital]? = nil) -> Result<DirectoryProgram, ValidationReport> {
        var errors: [FieldError] = []
        func fail(_ column: String, _ message: String) { errors.append(FieldError(field: column, message: message)) }
        func text(_ column: String, required: Bool, limit: Int = 200) -> String {
            // Limits count what was sent, before trimming, so the API refuses exactly what its schema forbids.
            let text = self[column].trimmingWhitespace()
            if required && text.isEmpty { fail(column, "required") }
            if self[column].textLength > limit { fail(column, "longer than \(limit) characters") }
            return text
        }
        let name = text("name", required: true)
        let specialty = text("specialty", required: true, limit: 100)
        if let specialties, !specialty.isEmpty, !specialties.contains(specialty) { fail("specialty", "not a specialty Rounds lists") }
        let sponsor = text("sponsoring_institution", required: true)
        let city = text("city", required: true, limit: 100)
        let state = self["state"].trimmingWhitespace().uppercased()
        let zip = self["zip"].trimmingWhitespace()
        if !USStates.codes.contains(state) { fail("state", "not a US state or territory code") }
        if let zipState = stateOfZIP(zip) {
            if USStates.codes.contains(state), zipState != state { fail("zip", "ZIP \(zip) is in \(zipState), not \(state)") }
        } else {
            fail("zip", "not a known US ZIP code")
        }
        let service = DirectoryProgram.Service(rawValue: self["application_service"].trimmingWhitespace().lowercased())
        if service == nil { fail("application_service", "expected eras, residencycas or other") }
        let positionsText = self["positions"].trimmingWhitespace()
        let positions = positionsText.isEmpty ? nil : Int(positionsText).flatMap { (1...500).contains($0) ? $0 : nil }
        if !positionsText.isEmpty && positions == nil { fail("positions", "expected a whole number from 1 to 500") }
        let acgme = text("acgme_id", required: false, limit: 20)
        let nrmp = self["nrmp_code"].trimmingWhitespace().uppercased()
        if !nrmp.isEmpty, !ResidencyProgramDraft.isNRMPCode(nrmp) { fail("nrmp_code", "expected 7 digits, a letter and a digit, e.g. 1234140C0") }
        let ccn = self["ccn"].trimmingWhitespace().uppercased()
        if !ccn.isEmpty && !(ccn.count == 6 && ccn.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }) {
            fail("ccn", "expected a six-character CMS certification number")
        } else if !ccn.isEmpty, let hospitals, hospitals[ccn] == nil {
            fail("ccn", "not a hospital in the CMS list")
        }
        let handsOnText = self.usceHandsOn.trimmingWhitespace()
        let mustBeHandsOn = handsOnText.isEmpty ? false : ScreeningField.flag(handsOnText)
        if mustBeHandsOn == nil { fail("usce_hands_on", "expected yes or no") }
        var recorded: [RecordedFact] = []
        for field in ScreeningField.allCases {
            let fact = self.facts[field] ?? Fact()
            switch RecordedFact.check(field, value: fact.value, source: fact.source, verifiedOn: fact.verifiedOn, verifiedBy: fact.verifiedBy) {
            case .success(let value?): recorded.append(value)
            case .success(nil): break
            case .failure(let report): errors += report.errors
            }
        }
        guard errors.isEmpty, let service else { return .failure(ValidationReport(errors)) }
        return .success(
            DirectoryProgram(
                name: name, specialty: specialty, sponsoringInstitution: sponsor, city: city, state: state, zip: zip,
                acgmeID: acgme.isEmpty ? nil : acgme, nrmpCode: nrmp.isEmpty ? nil : nrmp, service: service, positions: positions,
                ccn: ccn.isEmpty ? nil : ccn, requirements: ProgramRequirements(facts: recorded, usceMustBeHandsOn: mustBeHandsOn ?? false)))
    }
}
