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

    static func bump(on db: any Database) async throws {
        try await (db as! any SQLDatabase).insert(into: schema)
            .columns("id", "version")
            .values(SQLBind(1), SQLBind(Int64(1)))
            .onConflict(with: ["id"]) { $0.set("version", to: SQLRaw("\(schema).version + 1")) }
            .run()
    }
}

/// Holds this instance's search index and rebuilds it when the catalog version moves (checked at most
/// once per `recheckInterval`), so every instance converges on the database's catalog.
actor CatalogSearchService {
    private var index = CatalogIndex([])
    private var version: Int64 = -1
    private var checkedAt: ContinuousClock.Instant?
    private let recheckInterval: Duration

    init(recheckInterval: Duration) {
        self.recheckInterval = recheckInterval
    }

    func index(on db: any Database) async throws -> CatalogIndex {
        let now = ContinuousClock.now
        if let checkedAt, checkedAt.duration(to: now) < self.recheckInterval { return self.index }
        let current = try await CatalogVersion.current(on: db)
        self.checkedAt = now
        if current != self.version {
            self.index = try await Self.build(on: db)
            self.version = current
        }
        return self.index
    }

    /// Every published opportunity of a verified site, with its sessions, loaded in three queries.
    static func build(on db: any Database) async throws -> CatalogIndex {
        let sites = try await Site.query(on: db).filter(\.$isVerified == true).all()
        let siteByID = Dictionary(uniqueKeysWithValues: sites.compactMap { site in site.id.map { ($0, site) } })
        let opportunities = try await Opportunity.query(on: db)
            .filter(\.$status == OpportunityStatus.published.rawValue)
            .all()
            .filter { siteByID[$0.$site.id] != nil }
        var sessionsByOpportunity: [UUID: [OpportunitySession]] = [:]
        for session in try await OpportunitySession.query(on: db).all() {
            sessionsByOpportunity[session.$opportunity.id, default: []].append(session)
        }
        let documents = try opportunities.map { opportunity -> CatalogDocument in
            opportunity.$site.value = siteByID[opportunity.$site.id]
            opportunity.$sessions.value = sessionsByOpportunity[try opportunity.requireID()] ?? []
            return try opportunity.document()
        }
        return CatalogIndex(documents.sorted { $0.id.uuidString < $1.id.uuidString })
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

/// US ZIP centroids from the bundled CSV, read once per process.
enum ZIPCodes {
    static let directory: ZIPDirectory = {
        guard let url = Bundle.module.url(forResource: "us-zipcodes", withExtension: "csv", subdirectory: "data"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return ZIPDirectory(csv: "") }
        return ZIPDirectory(csv: text)
    }()
}
