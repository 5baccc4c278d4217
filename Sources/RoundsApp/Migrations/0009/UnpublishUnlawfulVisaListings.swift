import Fluent
import Foundation
import SQLKit

/// Published listings nobody can lawfully join (hands-on, open only to graduates, accepting only the
/// B-1/B-2 visitor visa: visitors may observe, not care for patients) go back to draft, and their hosts
/// are told why by e-mail. The values are written here, not read from the enums, so the migration does
/// the same thing whenever it runs.
struct UnpublishUnlawfulVisaListings: AsyncMigration {
    static let reason =
        "Graduates on a B-1/B-2 visitor visa may observe but not take part in patient care (9 FAM 402.2-5(F)(8), "
        + "quoted at https://wp.uthscsa.edu/ois/immigration/b-1/physician-observer/). Your listing is hands-on, open only to "
        + "graduates and accepts only that visa, so nobody could lawfully join it. It is back in draft: make it observational, "
        + "or accept other visa classes or audiences, then publish it again."

    struct Row: Decodable {
        var id: UUID
        var title: String
        var email: String
    }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let rows = try await sql.raw(
            """
            SELECT o.id AS id, o.title AS title, u.email AS email FROM opportunities o \
            JOIN sites s ON s.id = o.site_id JOIN users u ON u.id = s.host_id \
            WHERE o.status = 'published' AND o.is_hands_on = \(bind: true) AND o.audiences = 'img_graduate' AND o.visa_classes = 'b1_b2'
            """
        ).all(decoding: Row.self)
        guard !rows.isEmpty else { return }
        let now = Date()
        try await database.transaction { db in
            let sql = db as! any SQLDatabase
            for row in rows {
                try await sql.update("opportunities").set("status", to: SQLBind("draft")).set("updated_at", to: SQLBind(now))
                    .where("id", .equal, SQLBind(row.id)).run()
                try await sql.insert(into: "outbox_messages")
                    .columns("id", "created_at", "recipient", "subject", "body", "attempts", "next_attempt_at")
                    .values(
                        SQLBind(UUID()), SQLBind(now), SQLBind(row.email), SQLBind("Back in draft: \(row.title)"),
                        SQLBind("\(Self.reason)\n"), SQLBind(0), SQLBind(now)
                    ).run()
            }
            try await sql.insert(into: "catalog_versions").columns("id", "version").values(SQLBind(1), SQLBind(Int64(1)))
                .onConflict(with: ["id"]) { $0.set("version", to: SQLRaw("catalog_versions.version + 1")) }.run()
        }
    }

    /// The listings stay in draft: which were unpublished by this migration is in the hosts' e-mail.
    func revert(on database: any Database) async throws {}
}
