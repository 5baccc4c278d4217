import DelimitedText
import Foundation

/// The opportunity CSV that `rounds import opportunities` reads and `rounds export opportunities` writes.
/// One row per opportunity; lists are separated by `|`; sessions are `start/end/deadline/seats` entries
/// separated by `|` (dates YYYY-MM-DD); the fee is in the currency's units (e.g. dollars).
public enum CatalogCSV {
    public static let columns = [
        "host_email", "site_name", "site_kind", "street", "city", "state", "zip", "website",
        "title", "type", "specialty", "hands_on", "setting", "audiences", "max_years_since_graduation", "requires_step1_pass",
        "visa_classes", "fee", "currency", "refund_terms", "letter_policy", "requirements", "status", "sessions", "description",
    ]

    /// A row that passed every check.
    public struct Row: Sendable {
        public var line: Int
        public var hostEmail: String
        public var site: SiteDraft.Checked
        public var opportunity: OpportunityDraft.Checked
        public var status: OpportunityStatus
        public var sessions: [SessionDraft.Checked]
    }

    /// What is wrong with one row, for the per-row error report.
    public struct RowError: Error, Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var column: String
        public var reason: String
        public var description: String { "line \(self.line), \(self.column): \(self.reason)" }

        public init(line: Int, column: String, reason: String) {
            self.line = line
            self.column = column
            self.reason = reason
        }
    }

    /// Every problem found in a file; nothing is imported when there is any.
    public struct Report: Error, Equatable, Sendable {
        public var errors: [RowError]
    }

    /// The records of a CSV file whose header has every one of `columns` (in any order, case and spaces
    /// ignored), with each column's position; or the one problem that stops reading it.
    static func table(_ text: String, columns: [String]) -> Result<(records: [CSV.Record], position: [String: Int]), Report> {
        let records: [CSV.Record]
        do {
            records = try CSV.parse(text)
        } catch {
            return .failure(Report(errors: [RowError(line: error.line, column: "-", reason: error.message)]))
        }
        guard let header = records.first else { return .failure(Report(errors: [RowError(line: 1, column: "-", reason: "the file is empty")])) }
        let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
        let missing = columns.filter { !names.contains($0) }
        guard missing.isEmpty else {
            return .failure(Report(errors: [RowError(line: header.line, column: missing.joined(separator: ", "), reason: "missing column")]))
        }
        return .success((records, Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })))
    }

    /// Every row checked; either all rows or every problem found.
    /// `today` bounds the years a session's dates may name (a slip such as 0027 is refused); past sessions are allowed.
    public static func read(_ text: String, today: Day, stateOfZIP: @escaping @Sendable (String) -> String?) -> Result<[Row], Report> {
        let records: [CSV.Record]
        let position: [String: Int]
        switch Self.table(text, columns: Self.columns) {
        case .success(let table): (records, position) = table
        case .failure(let report): return .failure(report)
        }
        // Rows are independent: checked in runs on every core (most of an import of 100,000 rows), then
        // joined in file order, so rows and errors come out as one pass would give them.
        let body = records.dropFirst()
        let runs = ParallelRuns.ranges(count: body.count, minimumRun: 2_000)
        let checked = ResultSlots<(rows: [Row], errors: [RowError])>(count: runs.count)
        DispatchQueue.concurrentPerform(iterations: runs.count) { run in
            let part = body[(body.startIndex + runs[run].lowerBound)..<(body.startIndex + runs[run].upperBound)]
            checked[run] = Self.check(part, position: position, width: records[0].fields.count, today: today, stateOfZIP: stateOfZIP)
        }
        var rows: [Row] = []
        var errors: [RowError] = []
        for run in runs.indices {
            let (runRows, runErrors) = checked[run]!
            rows += runRows
            errors += runErrors
        }
        return errors.isEmpty ? .success(rows) : .failure(Report(errors: errors))
    }

    private static func check(
        _ records: ArraySlice<CSV.Record>, position: [String: Int], width: Int, today: Day, stateOfZIP: (String) -> String?
    ) -> (rows: [Row], errors: [RowError]) {
        var rows: [Row] = []
        var errors: [RowError] = []
        // A file names few hosts, each on many rows.
        var plausible: [String: Bool] = [:]
        for record in records {
            guard record.fields.count == width else {
                errors.append(RowError(line: record.line, column: "-", reason: "expected \(width) fields, found \(record.fields.count)"))
                continue
            }
            func value(_ column: String) -> String { record.fields[position[column]!] }
            func list(_ column: String) -> [String] { value(column).split(separator: "|").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty } }
            var rowErrors: [RowError] = []
            func report(_ report: ValidationReport) {
                rowErrors += report.errors.map { RowError(line: record.line, column: $0.field, reason: $0.message) }
            }

            let email = value("host_email").trimmingWhitespace()
            let isPlausible = plausible[email] ?? EmailAddress.isPlausible(email)
            plausible[email] = isPlausible
            if !isPlausible { rowErrors.append(RowError(line: record.line, column: "host_email", reason: "not an e-mail address")) }
            var siteDraft = SiteDraft()
            siteDraft.name = value("site_name")
            siteDraft.kind = value("site_kind")
            siteDraft.street = value("street")
            siteDraft.city = value("city")
            siteDraft.state = value("state")
            siteDraft.zip = value("zip")
            siteDraft.website = value("website")
            var site: SiteDraft.Checked?
            switch siteDraft.parse(stateOfZIP: stateOfZIP) {
            case .success(let checked): site = checked
            case .failure(let failure): report(ValidationReport(failure.errors.map { FieldError(field: $0.field == "name" ? "site_name" : $0.field == "kind" ? "site_kind" : $0.field, message: $0.message) }))
            }

            var draft = OpportunityDraft()
            draft.title = value("title")
            draft.description = value("description")
            draft.type = value("type")
            draft.specialty = value("specialty")
            draft.isHandsOn = value("hands_on").lowercased() == "true"
            draft.setting = value("setting")
            draft.audiences = list("audiences")
            draft.maximumYearsSinceGraduation = value("max_years_since_graduation")
            draft.requiresStep1Pass = value("requires_step1_pass").lowercased() == "true"
            draft.visaClasses = list("visa_classes")
            draft.fee = value("fee")
            let currency = value("currency").trimmingWhitespace()
            draft.currency = currency.isEmpty ? "USD" : currency
            draft.refundTerms = value("refund_terms")
            draft.letterPolicy = value("letter_policy")
            draft.requirements = list("requirements")
            var opportunity: OpportunityDraft.Checked?
            switch draft.parse() {
            case .success(let checked): opportunity = checked
            case .failure(let failure): report(failure)
            }
            for flag in ["hands_on", "requires_step1_pass"] where !["true", "false", ""].contains(value(flag).lowercased()) {
                rowErrors.append(RowError(line: record.line, column: flag, reason: "use true or false"))
            }
            let status = OpportunityStatus(rawValue: value("status").isEmpty ? "draft" : value("status"))
            if status == nil { rowErrors.append(RowError(line: record.line, column: "status", reason: "use draft, published or archived")) }

            var sessions: [SessionDraft.Checked] = []
            for entry in list("sessions") {
                let parts = entry.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 4 else {
                    rowErrors.append(RowError(line: record.line, column: "sessions", reason: "“\(entry.prefix(60))” is not start/end/deadline/seats"))
                    continue
                }
                switch SessionDraft(start: parts[0], end: parts[1], deadline: parts[2], seats: parts[3]).parse(today: today, allowingPast: true) {
                case .success(let checked): sessions.append(checked)
                case .failure(let failure):
                    rowErrors += failure.errors.map { RowError(line: record.line, column: "sessions", reason: "“\(entry.prefix(60))”: \($0.message)") }
                }
            }
            if rowErrors.isEmpty, let site, let opportunity, let status {
                rows.append(Row(line: record.line, hostEmail: EmailAddress.normalize(email), site: site, opportunity: opportunity, status: status, sessions: sessions))
            } else {
                errors += rowErrors
            }
        }
        return (rows, errors)
    }
}
