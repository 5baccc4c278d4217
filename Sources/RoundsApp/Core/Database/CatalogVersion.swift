import Fluent
import RoundsCore
import SQLKit
import Vapor

/// What a change to the catalog touched, as the search index must learn it.
enum CatalogChange: Sendable, Equatable {
    case opportunity(UUID)
    /// Every opportunity of the site (its review state, name or place changed).
    case site(UUID)
    /// Too much to list (an import, demo data): every instance rebuilds its index.
    case everything

    /// The log row's two columns: the opportunity or the site it names, neither for everything.
    var loggedIDs: (opportunity: UUID?, site: UUID?) {
        switch self {
        case .opportunity(let id): (id, nil)
        case .site(let id): (nil, id)
        case .everything: (nil, nil)
        }
    }
}

/// The catalog's change counter and log. Every change to what search shows runs in a transaction that
/// takes the next version and records what it touched at that version, so each instance reads the log
/// from its own version and updates its index with just those documents. Taking the version locks the
/// counter's row until commit, so versions become visible in order and a reader never skips one.
enum CatalogVersion {
    static let schema = "catalog_versions"
    static let changesSchema = "catalog_changes"
    /// Versions of log kept; an instance further behind (down for long) rebuilds its index instead.
    static let keptVersions: Int64 = 20_000
    /// The log is cut once per this many versions, in the change's own transaction.
    static let trimEvery: Int64 = 1_000

    struct Position: Equatable {
        var version: Int64
        /// The log holds no entry at or below this version.
        var trimmedThrough: Int64
    }

    static func current(on db: any Database) async throws -> Position {
        guard let row = try await db.sql.select().columns("version", "trimmed_through").from(schema).where("id", .equal, 1).first() else {
            return Position(version: 0, trimmedThrough: 0)
        }
        return Position(version: try row.decode(column: "version", as: Int64.self), trimmedThrough: try row.decode(column: "trimmed_through", as: Int64.self))
    }

    /// Runs `change` in a transaction that also takes the next version and logs `touching` at it.
    static func changing<T: Sendable>(
        on db: any Database, touching: [CatalogChange], _ change: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        try await db.transaction { db in
            let result = try await change(db)
            try await self.record(touching, on: db)
            return result
        }
    }

    /// Which catalog this database holds and at what schema, for a search snapshot's key; nil when the database
    /// has no catalog id (the counter's row was made by an older build and not yet migrated).
    static func identity(on db: any Database) async throws -> (epoch: UUID, schemaRevision: Int64)? {
        let sql = db.sql
        guard let row = try await sql.select().column("epoch").from(schema).where("id", .equal, 1).first(),
            let text = try row.decodeNil(column: "epoch") ? nil : row.decode(column: "epoch", as: String.self),
            let epoch = UUID(uuidString: text)
        else { return nil }
        let migrations = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count").from("_fluent_migrations").first()
        return (epoch, try migrations?.decode(column: "count", as: Int64.self) ?? 0)
    }

    /// Takes the next version and logs `changes` at it, inside the caller's transaction (`changing` for a
    /// change of its own; the seat ledger inside an application's).
    static func record(_ changes: [CatalogChange], on db: any Database) async throws {
        let sql = db.sql
        let entries = changes.isEmpty ? [CatalogChange.everything] : changes
        let version: Int64
        if sql.dialect.name == "postgresql" {
            version = try await self.takeAndLog(entries, on: sql)
        } else {
            version = try await self.take(on: sql)
            var insert = sql.insert(into: changesSchema).columns("version", "opportunity_id", "site_id")
            for ids in entries.map(\.loggedIDs) {
                insert = insert.values(SQLBind(version), self.bindOrNull(ids.opportunity), self.bindOrNull(ids.site))
            }
            try await insert.run()
        }
        if version % self.trimEvery == 0 && version > self.keptVersions {
            let cut = version - self.keptVersions
            try await sql.delete(from: changesSchema).where("version", .lessThanOrEqual, SQLBind(cut)).run()
            try await sql.update(schema).set("trimmed_through", to: SQLBind(cut)).where("id", .equal, 1).run()
        }
    }

    /// Takes the next version (the counter's row made on first use).
    private static func take(on sql: any SQLDatabase) async throws -> Int64 {
        let taken = try await sql.insert(into: schema)
            .columns("id", "version", "trimmed_through", "epoch")
            .values(SQLBind(1), SQLBind(Int64(1)), SQLBind(Int64(0)), SQLBind(UUID().uuidString))
            .onConflict(with: ["id"]) { $0.set("version", to: SQLRaw("\(schema).version + 1")) }
            .returning("version")
            .first()
        guard let row = taken else { throw Abort(.internalServerError, reason: "The catalog version was not taken.") }
        return try row.decode(column: "version", as: Int64.self)
    }

    /// `take` and the log's insert as one PostgreSQL statement (a data-modifying `WITH`, which locks the counter's
    /// row just as `take` does): one round trip fewer of the four or five a change makes there.
    private static func takeAndLog(_ entries: [CatalogChange], on sql: any SQLDatabase) async throws -> Int64 {
        let rows: [SQLQueryString] = entries.map(\.loggedIDs).map { ids in
            "(CAST(\(self.bindOrNull(ids.opportunity)) AS uuid), CAST(\(self.bindOrNull(ids.site)) AS uuid))"
        }
        let query: SQLQueryString = """
            WITH taken AS (INSERT INTO \(ident: schema) (id, version, trimmed_through, epoch) VALUES (1, 1, 0, \(bind: UUID().uuidString)) \
            ON CONFLICT (id) DO UPDATE SET version = \(ident: schema).version + 1 RETURNING version) \
            INSERT INTO \(ident: changesSchema) (version, opportunity_id, site_id) \
            SELECT taken.version, entry.opportunity_id, entry.site_id FROM taken, (VALUES \(rows.joined(separator: ", "))) AS entry (opportunity_id, site_id) \
            RETURNING version
            """
        guard let row = try await sql.raw(query).first() else { throw Abort(.internalServerError, reason: "The catalog version was not taken.") }
        return try row.decode(column: "version", as: Int64.self)
    }

    private static func bindOrNull(_ id: UUID?) -> any SQLExpression {
        id.map { SQLBind($0) } ?? SQLLiteral.null
    }

    /// What changed after `version` up to `through`, or nil when the log cannot say (it was cut past
    /// `version`, a change touched everything, or a version has no entry because a process without the log
    /// took it, as during an upgrade): then the index is rebuilt.
    static func changes(after version: Int64, through: Position, on db: any Database) async throws -> [CatalogChange]? {
        guard through.trimmedThrough <= version else { return nil }
        let rows = try await db.sql.select().columns("version", "opportunity_id", "site_id").from(changesSchema)
            .where("version", .greaterThan, SQLBind(version)).where("version", .lessThanOrEqual, SQLBind(through.version)).all()
        let logged = Set(try rows.map { try $0.decode(column: "version", as: Int64.self) })
        guard logged.count == through.version - version else { return nil }
        var changes: [CatalogChange] = []
        for row in rows {
            if let opportunity = try row.decodeNil(column: "opportunity_id") ? nil : row.decode(column: "opportunity_id", as: UUID.self) {
                changes.append(.opportunity(opportunity))
            } else if let site = try row.decodeNil(column: "site_id") ? nil : row.decode(column: "site_id", as: UUID.self) {
                changes.append(.site(site))
            } else {
                return nil
            }
        }
        return changes
    }
}
