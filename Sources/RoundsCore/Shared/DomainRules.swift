import Foundation

/// The sourced rules file (Resources/data/rules.json): every domain limit and list outside the residency
/// season files, each with its source, the season it holds for, the day it was checked and a confidence.
/// Code reads these values through `DomainRule`; docs/DOMAIN.md is written from the same file.
public struct DomainRules: Sendable {
    public struct Option: Decodable, Equatable, Sendable {
        public var id: String
        public var name: String
    }

    /// A rule's value: a number, a text, a list of texts, a list of named options, or not known.
    public enum Value: Decodable, Equatable, Sendable {
        case number(Int)
        case text(String)
        case texts([String])
        case options([Option])
        case unknown

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .unknown }
            else if let number = try? container.decode(Int.self) { self = .number(number) }
            else if let text = try? container.decode(String.self) { self = .text(text) }
            else if let texts = try? container.decode([String].self) { self = .texts(texts) }
            else { self = .options(try container.decode([Option].self)) }
        }

        var kind: DomainRule.Kind? {
            switch self {
            case .number: .number
            case .text: .text
            case .texts: .texts
            case .options: .options
            case .unknown: nil
            }
        }

        /// The value as the domain page shows it.
        public var text: String {
            switch self {
            case .number(let number): number.formatted(.number.grouping(.never))
            case .text(let text): text
            case .texts(let texts): texts.joined(separator: " ")
            case .options(let options): options.map(\.name).joined(separator: "; ")
            case .unknown: "not known"
            }
        }
    }

    public struct Rule: Decodable, Sendable {
        public var id: String
        public var name: String
        public var value: Value
        /// The sentence pages quote, when the rule is one.
        public var statement: String?
        /// The rule or publication cited, when it is not the page itself.
        public var citation: String?
        public var source: String?
        public var holdsFor: String
        public var checked: String
        public var confidence: SourceConfidence
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case id, name, value, statement, citation, source, confidence, note
            case holdsFor = "holds_for"
            case checked
        }

        public var provenance: Provenance { Provenance(source: self.source, confidence: self.confidence, holdsFor: self.holdsFor, note: self.note) }

        /// The rule as a sentence with its source, for the pages that apply it.
        public var fact: SourcedFact {
            SourcedFact(
                statement: self.statement ?? self.value.text, citation: self.citation ?? self.name, url: self.source ?? "none",
                confidence: self.confidence.rawValue, checked: self.checked, holdsFor: self.holdsFor)
        }
    }

    public struct Section: Decodable, Sendable {
        public var id: String
        public var title: String
        public var rules: [Rule]
    }

    public let sections: [Section]
    private let byKey: [DomainRule: Rule]

    /// Reads and checks the file: every rule has a source (or is inferred), a real check date and a
    /// season; every rule the code reads is there with the kind it reads; lists the code names by
    /// enum cases hold exactly those cases.
    public init(json: Data, file: String = "rules.json") throws {
        struct File: Decodable { var sections: [Section] }
        let decoded: File
        do { decoded = try JSONDecoder().decode(File.self, from: json) } catch {
            throw ReferenceDataError(file: file, problem: "not the rules file's shape: \(error)")
        }
        var rules: [String: Rule] = [:]
        for section in decoded.sections {
            for rule in section.rules {
                let id = "\(section.id).\(rule.id)"
                func refuse(_ problem: String) -> ReferenceDataError { ReferenceDataError(file: file, problem: "\(id): \(problem)") }
                guard rules[id] == nil else { throw refuse("appears twice") }
                if let source = rule.source {
                    guard source.hasPrefix("https://") || source.hasPrefix("http://") else { throw refuse("the source is not a web address") }
                } else if rule.confidence != .inferred {
                    throw refuse("no source, and not marked inferred")
                }
                guard Day(iso: rule.checked) != nil else { throw refuse("checked is not a date (YYYY-MM-DD)") }
                guard !rule.holdsFor.trimmingCharacters(in: .whitespaces).isEmpty else { throw refuse("does not say the season it holds for") }
                rules[id] = rule
            }
        }
        var byKey: [DomainRule: Rule] = [:]
        for key in DomainRule.allCases {
            guard let rule = rules[key.rawValue] else { throw ReferenceDataError(file: file, problem: "\(key.rawValue) is missing") }
            if let kind = rule.value.kind, kind != key.kind {
                throw ReferenceDataError(file: file, problem: "\(key.rawValue) should be \(key.kind.rawValue)")
            }
            if rule.value == .unknown && !key.mayBeUnknown {
                throw ReferenceDataError(file: file, problem: "\(key.rawValue) is needed and cannot be unknown")
            }
            if key.isDay, case .text(let text) = rule.value, Day(iso: text) == nil {
                throw ReferenceDataError(file: file, problem: "\(key.rawValue) should be a date (YYYY-MM-DD)")
            }
            if case .options(let options) = rule.value, Set(options.map(\.id)).count != options.count || options.contains(where: { $0.id.isEmpty || $0.name.isEmpty }) {
                throw ReferenceDataError(file: file, problem: "\(key.rawValue) has an empty or repeated id or name")
            }
            if let cases = key.enumCases, case .options(let options) = rule.value, options.map(\.id) != cases {
                throw ReferenceDataError(file: file, problem: "\(key.rawValue) lists \(options.map(\.id)), the code knows \(cases)")
            }
            byKey[key] = rule
        }
        self.sections = decoded.sections
        self.byKey = byKey
    }

    /// The file shipped with RoundsCore, read and checked once per process.
    private static let loaded = Result { try DomainRules(json: try ReferenceData.bytes("rules.json")) }

    /// The shipped rules. Start-up calls `checkShipped()` before anything reads a value, so a broken file
    /// stops the server with its reason rather than here.
    public static var shipped: DomainRules {
        do { return try Self.loaded.get() } catch { fatalError("\(error)") }
    }

    public static func checkShipped() throws {
        _ = try Self.loaded.get()
    }

    public subscript(key: DomainRule) -> Rule {
        guard let rule = self.byKey[key] else { preconditionFailure("checked at load: \(key.rawValue)") }
        return rule
    }

    public func number(_ key: DomainRule) -> Int {
        guard case .number(let number) = self[key].value else { preconditionFailure("checked at load: \(key.rawValue)") }
        return number
    }

    /// A number that may not be known (nil then).
    public func knownNumber(_ key: DomainRule) -> Int? {
        if case .number(let number) = self[key].value { return number }
        return nil
    }

    public func text(_ key: DomainRule) -> String {
        guard case .text(let text) = self[key].value else { preconditionFailure("checked at load: \(key.rawValue)") }
        return text
    }

    public func day(_ key: DomainRule) -> Day {
        guard let day = Day(iso: self.text(key)) else { preconditionFailure("checked at load: \(key.rawValue)") }
        return day
    }

    public func texts(_ key: DomainRule) -> [String] {
        guard case .texts(let texts) = self[key].value else { preconditionFailure("checked at load: \(key.rawValue)") }
        return texts
    }

    public func options(_ key: DomainRule) -> [Option] {
        guard case .options(let options) = self[key].value else { preconditionFailure("checked at load: \(key.rawValue)") }
        return options
    }

    /// The official name of an option, by id.
    public func name(_ key: DomainRule, id: String) -> String {
        self.options(key).first { $0.id == id }?.name ?? id
    }
}

/// The rules the code reads, by their id in the file (section.rule) and the kind of value read.
public enum DomainRule: String, CaseIterable, Sendable {
    case amcasOpeningYear = "amcas.opening_year"
    case amcasMaximumEntries = "amcas.maximum_entries"
    case amcasMaximumDescription = "amcas.maximum_description"
    case amcasMaximumMostMeaningful = "amcas.maximum_most_meaningful"
    case amcasMostMeaningfulExtra = "amcas.most_meaningful_extra"
    case amcasMaximumDateRanges = "amcas.maximum_date_ranges"
    case amcasMinimumMostMeaningful = "amcas.minimum_most_meaningful"
    case amcasExperienceTypes = "amcas.experience_types"
    case erasSeason = "eras.season"
    case erasMaximumEntries = "eras.maximum_entries"
    case erasMaximumDescription = "eras.maximum_description"
    case erasMaximumMostMeaningful = "eras.maximum_most_meaningful"
    case erasMaximumReflection = "eras.maximum_reflection"
    case erasExperienceTypes = "eras.experience_types"
    case erasSettings = "eras.settings"
    case erasFocusAreas = "eras.focus_areas"
    case erasFrequencies = "eras.frequencies"
    case erasKeyCharacteristics = "eras.key_characteristics"
    case erasStatementCharacters = "statements.eras_characters"
    case amcasStatementCharacters = "statements.amcas_characters"
    case lettersPerProgram = "letters.maximum_per_program"
    case letterMaximumBytes = "letters.maximum_bytes"
    case letterForbiddenNameCharacters = "letters.forbidden_name_characters"
    case letterPageWidth = "letters.page_width_points"
    case letterPageHeight = "letters.page_height_points"
    case step1LastScored = "exams.step1_last_scored"
    case comlexLevel1PassFailFrom = "exams.comlex_level1_pass_fail_from"
    case competencies = "evaluations.competencies"
    case safeHarborCategories = "identifiers.safe_harbor_categories"
    case visitorsOnlyObserve = "visas.visitors_only_observe"
    case visitorElectiveForEnrolledStudents = "visas.visitor_elective_for_enrolled_students"
    case ecfmgJ1IsForResidency = "visas.ecfmg_j1_is_for_residency"
    case usStateCodes = "places.us_state_codes"
    case residencySpecialties = "specialties.residency"
    case rotationSpecialties = "specialties.rotation"

    public enum Kind: String, Sendable {
        case number = "a number", text = "a text", texts = "a list of texts", options = "a list of options"
    }

    var kind: Kind {
        switch self {
        case .amcasOpeningYear, .amcasMaximumEntries, .amcasMaximumDescription, .amcasMaximumMostMeaningful, .amcasMostMeaningfulExtra,
            .amcasMaximumDateRanges, .amcasMinimumMostMeaningful, .erasMaximumEntries, .erasMaximumDescription, .erasMaximumMostMeaningful,
            .erasMaximumReflection, .erasStatementCharacters, .amcasStatementCharacters, .lettersPerProgram, .letterMaximumBytes,
            .letterPageWidth, .letterPageHeight:
            .number
        case .erasSeason, .step1LastScored, .comlexLevel1PassFailFrom, .visitorsOnlyObserve, .visitorElectiveForEnrolledStudents, .ecfmgJ1IsForResidency:
            .text
        case .letterForbiddenNameCharacters, .usStateCodes:
            .texts
        case .amcasExperienceTypes, .erasExperienceTypes, .erasSettings, .erasFocusAreas, .erasFrequencies, .erasKeyCharacteristics, .competencies,
            .safeHarborCategories, .residencySpecialties, .rotationSpecialties:
            .options
        }
    }

    /// Texts the code reads as a day.
    var isDay: Bool { self == .step1LastScored || self == .comlexLevel1PassFailFrom }

    /// Rules the code handles as "not known" (it says so instead of deciding).
    var mayBeUnknown: Bool { self == .amcasMinimumMostMeaningful }

    /// The ids an option list must hold, in order, when code names them by enum cases.
    var enumCases: [String]? {
        switch self {
        case .amcasExperienceTypes: AMCASExperienceType.allCases.map(\.rawValue)
        case .erasExperienceTypes: ERASExperienceType.allCases.map(\.rawValue)
        case .erasSettings: ERASSetting.allCases.map(\.rawValue)
        case .erasFocusAreas: ERASFocusArea.allCases.map(\.rawValue)
        case .erasFrequencies: ERASFrequency.allCases.map(\.rawValue)
        case .erasKeyCharacteristics: ERASKeyCharacteristic.allCases.map(\.rawValue)
        case .competencies: Competency.allCases.map(\.rawValue)
        case .safeHarborCategories: (UnicodeScalar("A").value...UnicodeScalar("R").value).map { String(UnicodeScalar($0)!) }
        default: nil
        }
    }
}
