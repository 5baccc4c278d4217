/// The screening fields the directory records for a program, by their column name in the CSV, the
/// database and the API. Each recorded value carries its provenance (`RecordedFact`).
public enum ScreeningField: String, CaseIterable, Sendable, Codable {
    case acceptsJ1 = "accepts_j1"
    case sponsorsH1B = "sponsors_h1b"
    case maxYearsSinceGraduation = "max_years_since_graduation"
    case minStep2CK = "min_step2_ck"
    case firstAttemptOnly = "first_attempt_only"
    case usceMonths = "usce_months"

    public var label: String {
        switch self {
        case .acceptsJ1: "Accepts ECFMG's J-1"
        case .sponsorsH1B: "Sponsors the H-1B"
        case .maxYearsSinceGraduation: "Most years since graduation"
        case .minStep2CK: "Lowest Step 2 CK score"
        case .firstAttemptOnly: "Passes on the first attempt only"
        case .usceMonths: "Months of US clinical experience required"
        }
    }

    public var isFlag: Bool { [.acceptsJ1, .sponsorsH1B, .firstAttemptOnly].contains(self) }

    /// What a value must look like, for refusals.
    public var expected: String {
        switch self {
        case .acceptsJ1, .sponsorsH1B, .firstAttemptOnly: "yes or no"
        case .maxYearsSinceGraduation, .usceMonths: "a whole number from 0 to 60"
        case .minStep2CK: "a score from \(ExamRecord.usmleScoreRange.lowerBound) to \(ExamRecord.usmleScoreRange.upperBound)"
        }
    }

    /// The value in its one stored spelling ("yes", "no", "12"), or nil when `raw` is not a value of this field.
    public func canonical(_ raw: String) -> String? {
        let text = raw.trimmingWhitespace()
        switch self {
        case .acceptsJ1, .sponsorsH1B, .firstAttemptOnly:
            return Self.flag(text).map { $0 ? "yes" : "no" }
        case .maxYearsSinceGraduation, .usceMonths:
            return Int(text).flatMap { (0...60).contains($0) ? String($0) : nil }
        case .minStep2CK:
            return Int(text).flatMap { ExamRecord.usmleScoreRange.contains($0) ? String($0) : nil }
        }
    }

    static func flag(_ raw: String) -> Bool? {
        switch raw.lowercased() {
        case "yes", "true": true
        case "no", "false": false
        default: nil
        }
    }

    /// Longest source address and verifier name a fact may carry.
    public static let maximumSourceLength = 500
    public static let maximumVerifierLength = 200
}

/// One screening value as recorded: its canonical spelling and where, when and by whom it was checked.
public struct RecordedFact: Sendable, Equatable {
    public var field: ScreeningField
    public var value: String
    public var source: String
    public var verifiedOn: Day
    public var verifiedBy: String

    public init(field: ScreeningField, value: String, source: String, verifiedOn: Day, verifiedBy: String) {
        self.field = field
        self.value = value
        self.source = source
        self.verifiedOn = verifiedOn
        self.verifiedBy = verifiedBy
    }

    /// Checks a value and its provenance as a person or a file gave them; each problem is named by column
    /// (`<field>`, `<field>_source`, `<field>_verified_on`, `<field>_verified_by`). An empty value is
    /// unknown: `.success(nil)`, whatever the provenance says.
    public static func check(
        _ field: ScreeningField, value raw: String, source rawSource: String, verifiedOn rawDay: String, verifiedBy rawVerifier: String
    ) -> Result<RecordedFact?, ValidationReport> {
        let raw = raw.trimmingWhitespace()
        guard !raw.isEmpty else { return .success(nil) }
        let name = field.rawValue
        var errors: [FieldError] = []
        let value = field.canonical(raw)
        if value == nil { errors.append(FieldError(field: name, message: "expected \(field.expected)")) }
        let source = rawSource.trimmingWhitespace()
        if !(source.hasPrefix("https://") || source.hasPrefix("http://")) || source.contains(where: \.isWhitespace) {
            errors.append(FieldError(field: "\(name)_source", message: "a value needs the web address it was read from"))
        } else if rawSource.textLength > ScreeningField.maximumSourceLength {
            errors.append(FieldError(field: "\(name)_source", message: "longer than \(ScreeningField.maximumSourceLength) characters"))
        }
        let day = Day(iso: rawDay.trimmingWhitespace())
        if day == nil { errors.append(FieldError(field: "\(name)_verified_on", message: "a value needs the day it was checked (YYYY-MM-DD)")) }
        if let day, day < Day.earliestTyped { errors.append(FieldError(field: "\(name)_verified_on", message: "check the year of the day it was checked")) }
        let verifier = rawVerifier.trimmingWhitespace()
        if verifier.isEmpty {
            errors.append(FieldError(field: "\(name)_verified_by", message: "a value needs who checked it"))
        } else if rawVerifier.textLength > ScreeningField.maximumVerifierLength {
            errors.append(FieldError(field: "\(name)_verified_by", message: "longer than \(ScreeningField.maximumVerifierLength) characters"))
        }
        guard errors.isEmpty, let value, let day else { return .failure(ValidationReport(errors)) }
        return .success(RecordedFact(field: field, value: value, source: source, verifiedOn: day, verifiedBy: verifier))
    }
}

extension ProgramRequirements {
    /// The requirements these recorded facts state; a field without a fact is unknown.
    public init(facts: [RecordedFact], usceMustBeHandsOn: Bool) {
        func fact<V>(_ field: ScreeningField, _ parse: (String) -> V?) -> ScreeningFact<V>? {
            guard let recorded = facts.last(where: { $0.field == field }), let value = parse(recorded.value) else { return nil }
            return ScreeningFact(value, source: recorded.source, verifiedOn: recorded.verifiedOn, verifiedBy: recorded.verifiedBy)
        }
        self.init(
            acceptsJ1: fact(.acceptsJ1, ScreeningField.flag), sponsorsH1B: fact(.sponsorsH1B, ScreeningField.flag),
            maximumYearsSinceGraduation: fact(.maxYearsSinceGraduation) { Int($0) }, minimumStep2CK: fact(.minStep2CK) { Int($0) },
            firstAttemptOnly: fact(.firstAttemptOnly, ScreeningField.flag), usceMonths: fact(.usceMonths) { Int($0) },
            usceMustBeHandsOn: usceMustBeHandsOn)
    }

    /// The known requirements as recorded facts, in `ScreeningField` order.
    public var facts: [RecordedFact] {
        func recorded<V>(_ field: ScreeningField, _ fact: ScreeningFact<V>?, _ show: (V) -> String) -> RecordedFact? {
            fact.map { RecordedFact(field: field, value: show($0.value), source: $0.source, verifiedOn: $0.verifiedOn, verifiedBy: $0.verifiedBy) }
        }
        let flag: (Bool) -> String = { $0 ? "yes" : "no" }
        return [
            recorded(.acceptsJ1, self.acceptsJ1, flag), recorded(.sponsorsH1B, self.sponsorsH1B, flag),
            recorded(.maxYearsSinceGraduation, self.maximumYearsSinceGraduation, String.init), recorded(.minStep2CK, self.minimumStep2CK, String.init),
            recorded(.firstAttemptOnly, self.firstAttemptOnly, flag), recorded(.usceMonths, self.usceMonths, String.init),
        ].compactMap { $0 }
    }
}
