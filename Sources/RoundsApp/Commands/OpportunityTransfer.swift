import DelimitedText
import Fluent
import Foundation
import RoundsCore
import SQLKit
import Vapor

/// Imports and exports the catalog as CSV (columns in `CatalogCSV.columns`). An import is all or
/// nothing: every row is checked first, and the whole file is written in one transaction.
enum OpportunityTransfer {
    struct Failure: Error, CustomStringConvertible {
        var errors: [CatalogCSV.RowError]
        var description: String { self.errors.prefix(50).map(\.description).joined(separator: "\n") + (self.errors.count > 50 ? "\n… and \(self.errors.count - 50) more" : "") }
    }

    /// Rows per INSERT statement (well under SQLite's and PostgreSQL's bind limits).
    static let batchSize = 400

    /// Imports `text`; returns the number of opportunities created. Throws `Failure` with every bad row.
    static func importCSV(_ text: String, on db: any Database, progress: @escaping @Sendable (Double) -> Void = { _ in }) async throws -> Int {
        let rows: [CatalogCSV.Row]
        switch CatalogCSV.read(text, today: Day(Date()), stateOfZIP: { ZIPCodes.directory.place($0)?.state }) {
        case .success(let checked): rows = checked
        case .failure(let report): throw Failure(errors: report.errors)
        }
        // Hosts must exist and hold the host role.
        let emails = Set(rows.map(\.hostEmail))
        let hosts = try await User.query(on: db).filter(\.$emailNormalized ~~ Array(emails)).all()
        let hostByEmail = Dictionary(uniqueKeysWithValues: hosts.filter { $0.has(.host) }.map { ($0.emailNormalized, $0) })
        let unknown = rows.filter { hostByEmail[$0.hostEmail] == nil }
        guard unknown.isEmpty else {
            throw Failure(errors: unknown.map { CatalogCSV.RowError(line: $0.line, column: "host_email", reason: "no host account uses \($0.hostEmail)") })
        }

        return try await CatalogVersion.changing(on: db, touching: [.everything]) { db in
            // A site is its host's by name and ZIP code.
            struct SiteKey: Hashable {
                var host: UUID
                var name: String
                var zip: String
            }
            var siteIDs: [SiteKey: UUID] = [:]
            for site in try await Site.query(on: db).all() {
                siteIDs[SiteKey(host: site.$host.id, name: site.name, zip: site.zip)] = site.id
            }
            let now = Date()
            var random = SystemRandomNumberGenerator()
            var opportunityRows: [[PlainValue]] = []
            var sessionRows: [[PlainValue]] = []
            for (index, row) in rows.enumerated() {
                let hostID = try hostByEmail[row.hostEmail]!.requireID()
                let key = SiteKey(host: hostID, name: row.site.name, zip: row.site.zip)
                let siteID: UUID
                if let existing = siteIDs[key] {
                    siteID = existing
                } else {
                    let place = ZIPCodes.directory.place(row.site.zip)!
                    let site = Site(
                        hostID: hostID, name: row.site.name, kind: row.site.kind, street: row.site.street, city: row.site.city,
                        state: row.site.state, zip: row.site.zip, coordinate: place.coordinate, website: row.site.website, isVerified: true
                    )
                    try await site.create(on: db)
                    siteID = try site.requireID()
                    siteIDs[key] = siteID
                }
                let id = UUID(randomUsing: &random)
                let o = row.opportunity
                opportunityRows.append([
                    .uuid(id), .date(now), .date(now), .text(o.title), .text(o.description), .text(o.type.rawValue),
                    .text(o.specialtyID), .bool(o.isHandsOn), .text(o.setting.rawValue), .text(o.rules.audiences.storedList),
                    .integer(o.rules.maximumYearsSinceGraduation), .bool(o.rules.requiresStep1Pass),
                    .text(o.rules.acceptedVisaClasses.storedList), .integer(o.feeCents), .text(o.currency), .text(o.refundTerms),
                    .text(o.letterPolicy.rawValue), .text(o.requirements.storedList), .text(row.status.rawValue), .uuid(siteID),
                    .date(row.status == .published ? now : nil),
                ])
                for session in row.sessions {
                    sessionRows.append([
                        .uuid(UUID(randomUsing: &random)), .integer(session.start.ordinal), .integer(session.end.ordinal),
                        .integer(session.deadline.ordinal), .integer(session.seats), .uuid(id),
                    ])
                }
                if opportunityRows.count == batchSize {
                    try await flush(db, &opportunityRows, &sessionRows)
                    progress(Double(index + 1) / Double(rows.count))
                }
            }
            try await flush(db, &opportunityRows, &sessionRows)
            progress(1)
            return rows.count
        }
    }

    private static func flush(_ db: any Database, _ opportunities: inout [[PlainValue]], _ sessions: inout [[PlainValue]]) async throws {
        try await PlainInsert.rows(
            opportunities, into: Opportunity.schema,
            columns: [
                "id", "created_at", "updated_at", "title", "description", "type", "specialty", "is_hands_on", "setting", "audiences",
                "max_years_since_graduation", "requires_step1_pass", "visa_classes", "fee_cents", "currency", "refund_terms",
                "letter_policy", "requirements", "status", "site_id", "listed_at",
            ],
            batch: batchSize, on: db
        )
        try await PlainInsert.rows(
            sessions, into: OpportunitySession.schema, columns: ["id", "start_day", "end_day", "deadline_day", "seats", "opportunity_id"],
            batch: batchSize, on: db
        )
        opportunities.removeAll(keepingCapacity: true)
        sessions.removeAll(keepingCapacity: true)
    }

    /// Every opportunity, in the import format.
    static func exportCSV(on db: any Database) async throws -> String {
        let sites = try await Site.query(on: db).with(\.$host).all()
        let siteByID = Dictionary(uniqueKeysWithValues: sites.map { ($0.id!, $0) })
        var sessionsByOpportunity: [UUID: [OpportunitySession]] = [:]
        for session in try await OpportunitySession.query(on: db).all() { sessionsByOpportunity[session.$opportunity.id, default: []].append(session) }
        var lines: [String] = []
        for opportunity in try await Opportunity.query(on: db).all() {
            guard let site = siteByID[opportunity.$site.id] else { continue }
            let sessions = (sessionsByOpportunity[opportunity.id!] ?? []).sorted { $0.startDay < $1.startDay }.map {
                "\(Day(ordinal: $0.startDay).iso)/\(Day(ordinal: $0.endDay).iso)/\(Day(ordinal: $0.deadlineDay).iso)/\($0.seats)"
            }
            let draft = OpportunityDraft(opportunity)
            let values: [String: String] = [
                "host_email": site.host.email, "site_name": site.name, "site_kind": site.kind, "street": site.street, "city": site.city,
                "state": site.state, "zip": site.zip, "website": site.website ?? "", "title": opportunity.title, "type": opportunity.type.rawValue,
                "specialty": opportunity.specialty, "hands_on": String(opportunity.isHandsOn), "setting": opportunity.setting.rawValue,
                "audiences": opportunity.audiences.replacingOccurrences(of: ",", with: "|"),
                "max_years_since_graduation": opportunity.maximumYearsSinceGraduation.map(String.init) ?? "",
                "requires_step1_pass": String(opportunity.requiresStep1Pass),
                "visa_classes": opportunity.visaClasses.replacingOccurrences(of: ",", with: "|"), "fee": draft.fee,
                "currency": opportunity.currency, "refund_terms": opportunity.refundTerms, "letter_policy": opportunity.letterPolicy,
                "requirements": opportunity.requirements.replacingOccurrences(of: ",", with: "|"), "status": opportunity.status.rawValue,
                "sessions": sessions.joined(separator: "|"), "description": opportunity.description,
            ]
            lines.append(CSV.line(CatalogCSV.columns.map { values[$0] ?? "" }))
        }
        // Ordered by content, not by id, so the same catalog exports the same file on any installation.
        return CSV.line(CatalogCSV.columns) + lines.sorted().joined()
    }
}

/// `rounds import opportunities FILE.csv`
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "What to import: opportunities, or programs (the residency program directory)")
        var what: String
        @Argument(name: "file", help: "The CSV file (columns in docs/CATALOG.md and docs/RESIDENCY.md)")
        var file: String
    }

    var help: String { "Imports opportunities or directory programs from CSV, all or nothing, reporting every bad row." }

    /// The program directory's import; each change is logged as made from the command line.
    static func importPrograms(_ data: Data, context: CommandContext) async throws {
        guard let text = String(validating: data, as: UTF8.self) else { throw CommandFailure("the file is not UTF-8 text") }
        let app = context.application
        let directory = ProgramDirectory(db: app.db, now: app.services.clock.now(), specialties: Set(app.residency.specialties))
        do {
            let summary = try await directory.importCSV(text, by: DirectoryEditor(commandLine: "command line (rounds import programs)"))
            context.console.print("Imported: " + summary.sentence)
        } catch let report as DirectoryCSV.Report {
            throw CommandFailure("nothing imported:\n" + report.errors.map { "  \($0)" }.joined(separator: "\n"))
        }
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.file) else { throw CommandFailure("cannot read \(signature.file)") }
        switch signature.what {
        case "opportunities": break
        case "programs":
            try await Self.importPrograms(data, context: context)
            return
        default: throw CommandFailure("`opportunities` or `programs` can be imported")
        }
        let isTerminal = isatty(STDERR_FILENO) == 1
        let started = ContinuousClock.now
        let count = try await OpportunityTransfer.importCSV(String(decoding: data, as: UTF8.self), on: context.application.db) { fraction in
            guard isTerminal else { return }
            let width = 30
            let done = Int(fraction * Double(width))
            FileHandle.standardError.write(Data("\r[\(String(repeating: "#", count: done))\(String(repeating: " ", count: width - done))] \(Int(fraction * 100))%".utf8))
        }
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
        context.console.print("Imported \(count) opportunities in \(started.duration(to: .now)).")
    }
}

/// `rounds export opportunities [--output FILE]`
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "What to export: opportunities, or programs (the residency program directory)")
        var what: String
        @Option(name: "output", short: "o", help: "Write here instead of standard output")
        var output: String?
    }

    var help: String { "Exports every opportunity or directory program as CSV, in the format import reads." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let text: String
        switch signature.what {
        case "opportunities": text = try await OpportunityTransfer.exportCSV(on: context.application.db)
        case "programs":
            let app = context.application
            text = try await ProgramDirectory(db: app.db, now: app.services.clock.now(), specialties: Set(app.residency.specialties)).exportCSV()
        default: throw CommandFailure("`opportunities` or `programs` can be exported")
        }
        if let output = signature.output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// A command that cannot go on, with the sentence to print.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
