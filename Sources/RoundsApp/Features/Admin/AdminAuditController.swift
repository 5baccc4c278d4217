import Fluent
import Foundation
import Plot
import RoundsCore
import Vapor

/// The audit log: what administrators did, newest first, filtered by action when asked.
struct AdminAuditController: RouteCollection {
    static let pageSize = 200

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(SignInRequired(roles: [.admin])).get(SiteRoute.adminAudit, use: self.index)
    }

    @Sendable func index(req: Request) async throws -> HTMLPage {
        _ = try req.requireUser(.admin)
        var query = AdminAction.query(on: req.db).sort(\.$createdAt, .descending).limit(Self.pageSize)
        let action = (try? req.query.get(String.self, at: "action")).flatMap { $0.isEmpty || $0.textLength > 60 ? nil : $0 }
        if let action { query = query.filter(\.$action == action) }
        let entries = try await query.all()
        return PageLayout(
            title: "Audit log",
            context: req.pageContext,
            content: .div(
                .h1("Audit log"),
                .p(.safeText("Every administrator action Rounds records, newest first (the latest \(Self.pageSize)" + (action.map { ", “\($0)” only" } ?? "") + ").")),
                entries.isEmpty
                    ? .p(.text("Nothing recorded yet."))
                    : .stackingTable(
                        ["When", "Administrator", "Action", "Subject", "Reason"],
                        rows: entries.map { entry in
                            [
                                .safeText(DisplayFormat.dateTime(entry.createdAt)),
                                .safeText(entry.adminName),
                                .safeLink(SiteRoute.adminAudit.path(query: [("action", entry.action)]), .safeText(entry.action)),
                                .safeText(entry.subject),
                                .safeText(entry.reason),
                            ]
                        }
                    )
            )
        ).page()
    }
}
