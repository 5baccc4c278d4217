import Fluent
import RoundsCore
import SQLKit
import Vapor

/// The catalog's change counter, bumped in the same transaction as every change to what search shows.
enum CatalogVersion {
    static let schema = "catalog_versions"

    static func current(on db: any Database) async throws -> Int64 {
        let row = try await (db as! any SQLDatabase).select().column("version").from(schema).where("id", .equal, 1).first()
        return try row?.decode(column: "version", as: Int64.self) ?? 0
    }

    /// Runs `change` in a transaction that also bumps the version, so every instance's index follows.
    static func changing<T: Sendable>(on db: any Database, _ change: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await db.transaction { db in
            let result = try await change(db)
            try await bump(on: db)
            return result
        }
    }

    private static func bump(on db: any Database) async throws {
        try await (db as! any SQLDatabase).insert(into: schema)
            .columns("id", "version")
            .values(SQLBind(1), SQLBind(Int64(1)))
            .onConflict(with: ["id"]) { $0.set("version", to: SQLRaw("\(schema).version + 1")) }
            .run()
    }
}

/// Holds this instance's search index and rebuilds it when the catalog version moves (checked at most
/// once per `recheckInterval`), so every instance converges on the database's catalog. While a rebuild
/// runs, searches keep using the previous index; only the very first build is waited for. With a zero
/// interval (tests) every change is seen at once.
actor CatalogSearchService {
    private var index = CatalogIndex([])
    /// Rendered JSON of this index's documents, replaced with the index.
    private var fragments = CatalogJSONFragments()
    private var version: Int64 = -1
    private var checkedAt: ContinuousClock.Instant?
    private var rebuild: Task<Void, Never>?
    private let recheckInterval: Duration
    private let database: @Sendable () -> any Database
    private let logger: Logger

    init(recheckInterval: Duration, logger: Logger, database: @escaping @Sendable () -> any Database) {
        self.recheckInterval = recheckInterval
        self.logger = logger
        self.database = database
    }

    func index(on db: any Database) async throws -> CatalogIndex {
        try await self.current(on: db).index
    }

    /// The index with its rendered-JSON cache (the API's search answers use both).
    func current(on db: any Database) async throws -> (index: CatalogIndex, fragments: CatalogJSONFragments) {
        let now = ContinuousClock.now
        if let checkedAt, checkedAt.duration(to: now) < self.recheckInterval { return (self.index, self.fragments) }
        let current = try await CatalogVersion.current(on: db)
        self.checkedAt = now
        guard current != self.version else { return (self.index, self.fragments) }
        if self.version < 0 || self.recheckInterval == .zero {
            self.replace(with: try await RoundsMetrics.time(RoundsMetrics.searchIndexBuild) { try await Self.build(on: db) }, version: current)
        } else if self.rebuild == nil {
            self.rebuild = Task { await self.rebuildInBackground(version: current) }
        }
        return (self.index, self.fragments)
    }

    private func replace(with index: CatalogIndex, version: Int64) {
        self.index = index
        self.fragments = CatalogJSONFragments()
        self.version = version
    }

    private func rebuildInBackground(version: Int64) async {
        do {
            let index = try await RoundsMetrics.time(RoundsMetrics.searchIndexBuild) { try await Self.build(on: self.database()) }
            if version > self.version { self.replace(with: index, version: version) }
        } catch {
            self.logger.error("Rebuilding the catalog index failed: \(String(describing: error))")
        }
        self.rebuild = nil
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
    }

    /// Every published opportunity of a verified site, with its sessions: three plain SQL queries, decoded
    /// straight into the index's documents (Fluent models cost several times more for 100,000 rows).
    static func build(on db: any Database) async throws -> CatalogIndex {
        let sql = db as! any SQLDatabase
        var sites: [UUID: CatalogDocument.Site] = [:]
        for row in try await sql.select().columns("id", "name", "city", "state", "zip", "latitude", "longitude").from(Site.schema)
            .where("is_verified", .equal, true).all()
        {
            let site = try row.decode(model: SiteRow.self)
            sites[site.id] = CatalogDocument.Site(
                name: site.name, city: site.city, state: site.state, zip: site.zip,
                coordinate: Coordinate(latitude: site.latitude, longitude: site.longitude)
            )
        }
        var sessions: [UUID: [CatalogDocument.Session]] = [:]
        for row in try await sql.select().columns("id", "opportunity_id", "start_day", "end_day", "deadline_day", "seats")
            .from(OpportunitySession.schema).all()
        {
            let session = try row.decode(model: SessionRow.self)
            sessions[session.opportunity_id, default: []].append(
                CatalogDocument.Session(
                    id: session.id, start: Day(ordinal: session.start_day), end: Day(ordinal: session.end_day), seats: session.seats,
                    applicationDeadline: Day(ordinal: session.deadline_day)
                )
            )
        }
        var documents: [CatalogDocument] = []
        for row in try await sql.select().column("*").from(Opportunity.schema)
            .where("status", .equal, OpportunityStatus.published).all()
        {
            let o = try row.decode(model: OpportunityRow.self)
            guard let site = sites[o.site_id] else { continue }
            documents.append(
                CatalogDocument(
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
            )
        }
        return CatalogIndex(documents)
    }
}

extension Application {
    private struct CatalogSearchKey: StorageKey { typealias Value = CatalogSearchService }
    private struct ZIPDirectoryKey: StorageKey { typealias Value = ZIPDirectory }

    var catalogSearch: CatalogSearchService {
        get { self.storage[CatalogSearchKey.self]! }
        set { self.storage[CatalogSearchKey.self] = newValue }
    }
}
