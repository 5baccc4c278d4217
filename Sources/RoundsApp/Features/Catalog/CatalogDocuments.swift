import Fluent
import NIOConcurrencyHelpers
import RoundsCore
import SQLKit
import Vapor

/// Reads the search index's documents from the database: every published opportunity of a verified site,
/// with its sessions. Plain SQL decoded straight into documents (Fluent models cost several times more for
/// 100,000 rows).
enum CatalogDocuments {
    /// The whole catalog.
    static func all(on db: any Database) async throws -> [CatalogDocument] {
        try await self.read(opportunities: nil, on: db)
    }

    /// The documents of these opportunities that search shows now; the others are not (or no longer) in it.
    static func some(_ ids: Set<UUID>, on db: any Database) async throws -> [CatalogDocument] {
        var documents: [CatalogDocument] = []
        // In slices, far below every database's limit on bound parameters.
        let ids = Array(ids)
        for start in stride(from: 0, to: ids.count, by: 500) {
            documents += try await self.read(opportunities: Array(ids[start..<min(ids.count, start + 500)]), on: db)
        }
        return documents
    }

    /// The opportunities of these sites, whatever their status (a site change may take any of them out).
    static func opportunities(ofSites sites: Set<UUID>, on db: any Database) async throws -> Set<UUID> {
        guard !sites.isEmpty else { return [] }
        let rows = try await db.sql.select().column("id").from(Opportunity.schema).where("site_id", .in, Array(sites)).all()
        return Set(try rows.map { try $0.decode(column: "id", as: UUID.self) })
    }

    /// An opportunity row as read, before its site and sessions are attached.
    private struct OpportunityRow: Sendable {
        var id: UUID
        var siteID: UUID
        var document: CatalogDocument
    }

    /// Published opportunities (all, or those of `ids`) with their sessions and verified sites. Rows are
    /// decoded column by column as they arrive (`PlainRows`): a cold start reads the whole catalog here.
    private static func read(opportunities ids: [UUID]?, on db: any Database) async throws -> [CatalogDocument] {
        let sql = db.sql
        var opportunityQuery = sql.select()
            .columns(
                "id", "site_id", "title", "description", "type", "specialty", "is_hands_on", "setting", "audiences",
                "max_years_since_graduation", "requires_step1_pass", "visa_classes", "fee_cents", "currency", "letter_policy", "requirements"
            )
            .from(Opportunity.schema).where("status", .equal, OpportunityStatus.published)
        if let ids { opportunityQuery = opportunityQuery.where("id", .in, ids) }
        let opportunities = NIOLockedValueBox((rows: [OpportunityRow](), lists: StoredLists()))
        try await PlainRows.each(opportunityQuery.query, on: db) { row in
            try opportunities.withLockedValue { read in read.rows.append(try Self.opportunity(row, &read.lists)) }
        }
        let rows = opportunities.withLockedValue { $0.rows }
        guard !rows.isEmpty else { return [] }

        var siteQuery = sql.select().columns("id", "name", "city", "state", "zip", "latitude", "longitude").from(Site.schema)
            .where("is_verified", .equal, true)
        if ids != nil { siteQuery = siteQuery.where("id", .in, Array(Set(rows.map(\.siteID)))) }
        let sites = NIOLockedValueBox<[UUID: CatalogDocument.Site]>([:])
        try await PlainRows.each(siteQuery.query, on: db) { row in
            let id = try row.uuid("id")
            let site = CatalogDocument.Site(
                name: try row.text("name"), city: try row.text("city"),
                state: try row.text("state"), zip: try row.text("zip"),
                coordinate: Coordinate(
                    latitude: try row.real("latitude"), longitude: try row.real("longitude")
                )
            )
            sites.withLockedValue { $0[id] = site }
        }

        var sessionQuery = sql.select().columns("id", "opportunity_id", "start_day", "end_day", "deadline_day", "seats", "seats_taken")
            .from(OpportunitySession.schema)
        if ids != nil { sessionQuery = sessionQuery.where("opportunity_id", .in, rows.map(\.id)) }
        let sessions = NIOLockedValueBox<[UUID: [CatalogDocument.Session]]>([:])
        try await PlainRows.each(sessionQuery.query, on: db) { row in
            let opportunity = try row.uuid("opportunity_id")
            let session = CatalogDocument.Session(
                id: try row.uuid("id"), start: Day(ordinal: try row.integer("start_day")),
                end: Day(ordinal: try row.integer("end_day")), seats: try row.integer("seats"),
                applicationDeadline: Day(ordinal: try row.integer("deadline_day")),
                seatsTaken: try row.integer("seats_taken")
            )
            sessions.withLockedValue { $0[opportunity, default: []].append(session) }
        }

        let siteByID = sites.withLockedValue { $0 }
        let sessionsByOpportunity = sessions.withLockedValue { $0 }
        return rows.compactMap { row in
            guard let site = siteByID[row.siteID] else { return nil }
            var document = row.document
            document.site = site
            document.sessions = (sessionsByOpportunity[row.id] ?? []).sorted { ($0.start, $0.id.uuidString) < ($1.start, $1.id.uuidString) }
            return document
        }
    }

    private static let noSite = CatalogDocument.Site(name: "", city: "", state: "", zip: "", coordinate: nil)

    /// The few distinct stored lists a catalog holds, each parsed once per read.
    private struct StoredLists {
        var audiences: [String: Set<Audience>] = [:]
        var visaClasses: [String: Set<VisaClass>] = [:]
        var requirements: [String: Set<Requirement>] = [:]

        static func parse<T>(_ text: String, _ parsed: inout [String: Set<T>]) -> Set<T> where T: RawRepresentable<String>, T: Hashable {
            if let known = parsed[text] { return known }
            let list = Set<T>(storedList: text)
            parsed[text] = list
            return list
        }
    }

    private static func opportunity(_ row: any PlainRow, _ lists: inout StoredLists) throws -> OpportunityRow {
        let id = try row.uuid("id")
        let isHandsOn = try row.bool("is_hands_on")
        let document = CatalogDocument(
            id: id, title: try row.text("title"), description: try row.text("description"),
            type: try Self.code(row, "type"), specialtyID: try row.text("specialty"),
            isHandsOn: isHandsOn, setting: try Self.code(row, "setting"),
            rules: EligibilityRules(
                audiences: StoredLists.parse(try row.text("audiences"), &lists.audiences),
                maximumYearsSinceGraduation: try row.optionalInteger("max_years_since_graduation"),
                requiresStep1Pass: try row.bool("requires_step1_pass"),
                acceptedVisaClasses: StoredLists.parse(try row.text("visa_classes"), &lists.visaClasses), isHandsOn: isHandsOn
            ),
            feeCents: try row.integer("fee_cents"), currency: try row.text("currency"),
            letterPolicy: LetterPolicy(rawValue: try row.text("letter_policy")) ?? .none,
            requirements: StoredLists.parse(try row.text("requirements"), &lists.requirements), site: Self.noSite, sessions: []
        )
        return OpportunityRow(id: id, siteID: try row.uuid("site_id"), document: document)
    }

    /// A stored code, read as its text.
    private static func code<T: RawRepresentable<String>>(_ row: any PlainRow, _ column: String) throws -> T {
        let text = try row.text(column)
        guard let value = T(rawValue: text) else { throw UnexpectedColumn(column: column, value: text) }
        return value
    }
}
