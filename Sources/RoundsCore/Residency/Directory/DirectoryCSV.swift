import DelimitedText

/// The program directory's CSV (import and export). Every row is checked and the file is taken whole or
/// not at all, with line-numbered errors. A screening value needs its provenance in the same row: the
/// `<field>_source` URL, `<field>_verified_on` (YYYY-MM-DD) and `<field>_verified_by`; an empty value is
/// unknown and needs none.
public enum DirectoryCSV {
    public static let identity = DirectoryProgramDraft.columns
    /// The screening fields, each followed in the file by its three provenance columns.
    public static let screening = ScreeningField.allCases.map(\.rawValue)
    public static let columns = identity + screening.flatMap { [$0, "\($0)_source", "\($0)_verified_on", "\($0)_verified_by"] } + ["usce_hands_on"]

    public typealias RowError = CatalogCSV.RowError
    public typealias Report = CatalogCSV.Report

    /// `specialties`, when given, is the list each row's specialty must come from. Two rows naming the same
    /// program (`DirectoryProgram.keys`) are refused.
    public static func read(
        _ text: String, stateOfZIP: (String) -> String?, specialties: Set<String>? = nil, hospitals: [String: CMSHospital]? = nil
    ) -> Result<[DirectoryProgram], Report> {
        let records: [CSV.Record]
        let position: [String: Int]
        switch CatalogCSV.table(text, columns: Self.columns) {
        case .success(let table): (records, position) = table
        case .failure(let report): return .failure(report)
        }
        var programs: [DirectoryProgram] = []
        var errors: [RowError] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() where !record.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) {
            func value(_ column: String) -> String {
                guard let index = position[column], index < record.fields.count else { return "" }
                return record.fields[index].trimmingWhitespace()
            }
            let draft = DirectoryProgramDraft(columns: Dictionary(uniqueKeysWithValues: Self.columns.map { ($0, value($0)) }))
            switch draft.check(stateOfZIP: stateOfZIP, specialties: specialties, hospitals: hospitals) {
            case .success(let program):
                let keys = program.keys
                if let first = keys.lazy.compactMap({ seen[$0] }).first {
                    errors.append(RowError(line: record.line, column: program.acgmeID == nil ? "name" : "acgme_id", reason: "the same program as line \(first)"))
                } else {
                    for key in keys { seen[key] = record.line }
                    programs.append(program)
                }
            case .failure(let report): errors += report.errors.map { RowError(line: record.line, column: $0.field, reason: $0.message) }
            }
        }
        return errors.isEmpty ? .success(programs) : .failure(Report(errors: errors))
    }

    /// The CSV of `programs`, readable by `read` (round trip), cells neutralised against spreadsheet formulas.
    public static func write(_ programs: [DirectoryProgram]) -> String {
        var text = CSV.line(Self.columns)
        for program in programs {
            let values = DirectoryProgramDraft(program).columnValues
            text += CSV.line(Self.columns.map { PortfolioExport.spreadsheetSafe(values[$0] ?? "") })
        }
        return text
    }
}
