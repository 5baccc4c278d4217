import DelimitedText

/// A residency program as the directory keeps it: who and where, and the screening facts with provenance.
public struct DirectoryProgram: Sendable, Equatable {
    public enum Service: String, CaseIterable, Sendable { case eras, residencycas, other }

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
}

/// The program directory's CSV (import and export). Every row is checked and the file is taken whole or
/// not at all, with line-numbered errors. A screening value needs its provenance in the same row: the
/// `<field>_source` URL, `<field>_verified_on` (YYYY-MM-DD) and `<field>_verified_by`; an empty value is
/// unknown and needs none.
public enum DirectoryCSV {
    public static let identity = [
        "name", "specialty", "sponsoring_institution", "city", "state", "zip", "acgme_id", "nrmp_code", "application_service", "positions", "ccn",
    ]
    /// The screening fields, each followed in the file by its three provenance columns.
    public static let screening = ["accepts_j1", "sponsors_h1b", "max_years_since_graduation", "min_step2_ck", "first_attempt_only", "usce_months"]
    public static let columns = identity + screening.flatMap { [$0, "\($0)_source", "\($0)_verified_on", "\($0)_verified_by"] } + ["usce_hands_on"]

    public typealias RowError = CatalogCSV.RowError
    public typealias Report = CatalogCSV.Report

    public static func read(_ text: String, stateOfZIP: (String) -> String?) -> Result<[DirectoryProgram], Report> {
        let records: [CSV.Record]
        let position: [String: Int]
        switch CatalogCSV.table(text, columns: Self.columns) {
        case .success(let table): (records, position) = table
        case .failure(let report): return .failure(report)
        }
        var programs: [DirectoryProgram] = []
        var errors: [RowError] = []
        for record in records.dropFirst() where !record.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) {
            var row = RowReader(record: record, position: position)
            if let program = row.program(stateOfZIP: stateOfZIP) { programs.append(program) }
            errors += row.errors
        }
        return errors.isEmpty ? .success(programs) : .failure(Report(errors: errors))
    }

    /// The CSV of `programs`, readable by `read` (round trip), cells neutralised against spreadsheet formulas.
    public static func write(_ programs: [DirectoryProgram]) -> String {
        func fact<V>(_ fact: ScreeningFact<V>?, _ show: (V) -> String) -> [String] {
            guard let fact else { return ["", "", "", ""] }
            return [show(fact.value), fact.source, fact.verifiedOn.iso, fact.verifiedBy]
        }
        func flag(_ value: Bool) -> String { value ? "yes" : "no" }
        var text = CSV.line(Self.columns)
        for p in programs {
            let r = p.requirements
            var row = [
                p.name, p.specialty, p.sponsoringInstitution, p.city, p.state, p.zip, p.acgmeID ?? "", p.nrmpCode ?? "", p.service.rawValue,
                p.positions.map(String.init) ?? "", p.ccn ?? "",
            ]
            row += fact(r.acceptsJ1, flag) + fact(r.sponsorsH1B, flag) + fact(r.maximumYearsSinceGraduation, String.init)
            row += fact(r.minimumStep2CK, String.init) + fact(r.firstAttemptOnly, flag) + fact(r.usceMonths, String.init)
            row.append(flag(r.usceMustBeHandsOn))
            text += CSV.line(row.map(PortfolioExport.spreadsheetSafe))
        }
        return text
    }

    /// One row's fields, and what is wrong with them.
    struct RowReader {
        let record: CSV.Record
        let position: [String: Int]
        var errors: [RowError] = []

        func value(_ column: String) -> String {
            guard let index = self.position[column], index < self.record.fields.count else { return "" }
            return self.record.fields[index].trimmingWhitespace()
        }

        mutating func fail(_ column: String, _ reason: String) { self.errors.append(RowError(line: self.record.line, column: column, reason: reason)) }

        mutating func text(_ column: String, required: Bool, limit: Int = 200) -> String {
            let text = self.value(column)
            if required && text.isEmpty { self.fail(column, "required") }
            if text.textLength > limit { self.fail(column, "longer than \(limit) characters") }
            return text
        }

        /// A screening fact: empty is unknown; a value needs a source URL, a check date and who checked.
        mutating func fact<V>(_ column: String, _ parse: (String) -> V?, expected: String) -> ScreeningFact<V>? {
            let raw = self.value(column)
            guard !raw.isEmpty else { return nil }
            guard let value = parse(raw) else {
                self.fail(column, "expected \(expected)")
                return nil
            }
            let source = self.value("\(column)_source")
            let day = Day(iso: self.value("\(column)_verified_on"))
            let verifier = self.value("\(column)_verified_by")
            if !(source.hasPrefix("https://") || source.hasPrefix("http://")) { self.fail("\(column)_source", "a value needs the URL it was read from") }
            if day == nil { self.fail("\(column)_verified_on", "a value needs the day it was checked (YYYY-MM-DD)") }
            if verifier.isEmpty { self.fail("\(column)_verified_by", "a value needs who checked it") }
            if source.textLength > 500 || verifier.textLength > 200 { self.fail(column, "provenance longer than allowed") }
            guard let day, !verifier.isEmpty, source.hasPrefix("http") else { return nil }
            return ScreeningFact(value, source: source, verifiedOn: day, verifiedBy: verifier)
        }

        static func flag(_ raw: String) -> Bool? {
            switch raw.lowercased() {
            case "yes", "true": true
            case "no", "false": false
            default: nil
            }
        }

        mutating func program(stateOfZIP: (String) -> String?) -> DirectoryProgram? {
            let name = self.text("name", required: true)
            let specialty = self.text("specialty", required: true, limit: 100)
            let sponsor = self.text("sponsoring_institution", required: true)
            let city = self.text("city", required: true, limit: 100)
            let state = self.value("state").uppercased()
            let zip = self.value("zip")
            if !USStates.codes.contains(state) { self.fail("state", "not a US state or territory code") }
            if let zipState = stateOfZIP(zip) {
                if USStates.codes.contains(state), zipState != state { self.fail("zip", "ZIP \(zip) is in \(zipState), not \(state)") }
            } else {
                self.fail("zip", "not a known US ZIP code")
            }
            let service = DirectoryProgram.Service(rawValue: self.value("application_service").lowercased())
            if service == nil { self.fail("application_service", "expected eras, residencycas or other") }
            let positionsText = self.value("positions")
            let positions = positionsText.isEmpty ? nil : Int(positionsText).flatMap { (1...500).contains($0) ? $0 : nil }
            if !positionsText.isEmpty && positions == nil { self.fail("positions", "expected a whole number from 1 to 500") }
            let acgme = self.text("acgme_id", required: false, limit: 20)
            let nrmp = self.text("nrmp_code", required: false, limit: 20)
            let ccn = self.value("ccn")
            if !ccn.isEmpty && !(ccn.count == 6 && ccn.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }) {
                self.fail("ccn", "expected a six-character CMS certification number")
            }
            let handsOn = self.value("usce_hands_on")
            let mustBeHandsOn = handsOn.isEmpty ? false : Self.flag(handsOn)
            if mustBeHandsOn == nil { self.fail("usce_hands_on", "expected yes or no") }
            let requirements = ProgramRequirements(
                acceptsJ1: self.fact("accepts_j1", Self.flag, expected: "yes or no"),
                sponsorsH1B: self.fact("sponsors_h1b", Self.flag, expected: "yes or no"),
                maximumYearsSinceGraduation: self.fact("max_years_since_graduation", { Int($0).flatMap { (0...60).contains($0) ? $0 : nil } }, expected: "0 to 60"),
                minimumStep2CK: self.fact("min_step2_ck", { Int($0).flatMap { ExamRecord.usmleScoreRange.contains($0) ? $0 : nil } }, expected: "1 to 300"),
                firstAttemptOnly: self.fact("first_attempt_only", Self.flag, expected: "yes or no"),
                usceMonths: self.fact("usce_months", { Int($0).flatMap { (0...60).contains($0) ? $0 : nil } }, expected: "0 to 60"),
                usceMustBeHandsOn: mustBeHandsOn ?? false
            )
            guard self.errors.isEmpty, let service else { return nil }
            return DirectoryProgram(
                name: name, specialty: specialty, sponsoringInstitution: sponsor, city: city, state: state, zip: zip,
                acgmeID: acgme.isEmpty ? nil : acgme, nrmpCode: nrmp.isEmpty ? nil : nrmp, service: service, positions: positions,
                ccn: ccn.isEmpty ? nil : ccn, requirements: requirements
            )
        }
    }
}
