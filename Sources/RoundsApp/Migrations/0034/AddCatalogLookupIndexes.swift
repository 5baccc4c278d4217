import Fluent
import SQLKit

/// Indexes on the catalog's foreign keys. Without them every "sessions of this listing", "listings of this
/// site", "sites of this host" and "favourites of this listing" read the whole table: at 100,000 listings,
/// 200,000 sessions scanned for each listing page, each accepted seat and each change search applies.
struct AddCatalogLookupIndexes: AsyncMigration {
    static let indexes = [
        ("opportunity_sessions_by_opportunity", OpportunitySession.schema, "opportunity_id"),
        ("opportunities_by_site", Opportunity.schema, "site_id"),
        ("sites_by_host", Site.schema, "host_id"),
        ("favourites_by_opportunity", Favourite.schema, "opportunity_id"),
    ]

    func prepare(on database: any Database) async throws {
        for (name, table, column) in Self.indexes { try await database.createIndex(name, on: table, columns: [column]) }
    }

    func revert(on database: any Database) async throws {
        for (name, _, _) in Self.indexes { try await database.sql.drop(index: name).run() }
    }
}
