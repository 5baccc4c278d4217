import Fluent
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

    private struct SiteRow: Decodable {
        var id: UUID
        var name: String
        var city: String
        var state: String
        var zip: String
        var latitude: Double
        var longitude: Double
    }

    private struct OpportunityRow: Decodable {
        var id: UUID
        var site_id: UUID
        var title: String
        var description: String
        var type: OpportunityType
        var specialty: String
        var is_hands_on: Bool
        var setting: ClinicalSetting
        var audiences: String
        var max_years_since_graduation: Int?
        var requires_step1_pass: Bool
        var visa_classes: String
        var fee_cents: Int
        var currency: String
        var letter_policy: String
        var requirements: String
    }

    private struct SessionRow: Decodable {
        var id: UUID
        var opportunity_id: UUID
        var start_day: Int
        var end_day: Int
        var deadline_day: Int
        var seats: Int
        var seats_taken: Int
    }

    /// Published opportunities (all, or those of `ids`) with their sessions and verified sites.
    private static func read(opportunities ids: [UUID]?, on db: any Database) async throws -> [CatalogDocument] {
        let sql = db.sql
        var opportunityQuery = sql.select().column("*").from(Opportunity.schema).where("status", .equal, OpportunityStatus.published)
        if let ids { opportunityQuery = opportunityQuery.where("id", .in, ids) }
        let opportunities = try await opportunityQuery.all().map { try $0.decode(model: OpportunityRow.self) }
        guard !opportunities.isEmpty else { return [] }

        var siteQuery = sql.select().columns("id", "name", "city", "state", "zip", "latitude", "longitude").from(Site.schema)
            .where("is_verified", .equal, true)
        if ids != nil { siteQuery = siteQuery.where("id", .in, Array(Set(opportunities.map(\.site_id)))) }
        var sites: [UUID: CatalogDocument.Site] = [:]
        for row in try await siteQuery.all() {
            let site = try row.decode(model: SiteRow.self)
            sites[site.id] = CatalogDocument.Site(
                name: site.name, city: site.city, state: site.state, zip: site.zip,
                coordinate: Coordinate(latitude: site.latitude, longitude: site.longitude)
            )
        }

        var sessionQuery = sql.select().columns("id", "opportunity_id", "start_day", "end_day", "deadline_day", "seats", "seats_taken").from(OpportunitySession.schema)
        if ids != nil { sessionQuery = sessionQuery.where("opportunity_id", .in, opportunities.map(\.id)) }
        var sessions: [UUID: [CatalogDocument.Session]] = [:]
        for row in try await sessionQuery.all() {
            let session = try row.decode(model: SessionRow.self)
            sessions[session.opportunity_id, default: []].append(
                CatalogDocument.Session(
                    id: session.id, start: Day(ordinal: session.start_day), end: Day(ordinal: session.end_day), seats: session.seats,
                    applicationDeadline: Day(ordinal: session.deadline_day), seatsTaken: session.seats_taken
                )
            )
        }

        return opportunities.compactMap { o in
            guard let site = sites[o.site_id] else { return nil }
            return CatalogDocument(
                id: o.id, title: o.title, description: o.description, type: o.type,
                specialtyID: o.specialty, isHandsOn: o.is_hands_on, setting: o.setting,
                rules: EligibilityRules(
                    audiences: Set(storedList: o.audiences), maximumYearsSinceGraduation: o.max_years_since_graduation,
                    requiresStep1Pass: o.requires_step1_pass, acceptedVisaClasses: Set(storedList: o.visa_classes),
                    isHandsOn: o.is_hands_on
                ),
                feeCents: o.fee_cents, currency: o.currency, letterPolicy: LetterPolicy(rawValue: o.letter_policy) ?? .none,
                requirements: Set(storedList: o.requirements), site: site, sessions: sessions[o.id] ?? []
            )
        }
    }
}
