import Fluent
import Foundation
import RoundsCore
import SQLKit
import Tagged
import Vapor

/// E-mails each due saved search's new matches: the listings that entered the catalog since it last ran
/// and match it now. Each run is claimed by moving `checked_at` with a conditional update, so two
/// instances never send the same alert.
struct SavedSearchAlerts {
    let app: Application
    let now: Date

    /// At most this many listings in one e-mail; the rest are a link away.
    static let listedPerEmail = 25

    /// Sends the alerts that are due; returns how many e-mails were queued.
    func sendDue() async throws -> Int {
        let db = self.app.db
        let searches = try await SavedSearch.query(on: db).filter(\.$alert != .off).with(\.$owner).all()
            .filter { SavedSearchDraft.isDue($0.alert, checkedAt: $0.checkedAt, now: self.now) }
        guard !searches.isEmpty else { return 0 }
        let index = try await self.app.catalogSearch.index(on: db)
        let today = Day(self.now)
        // What entered the catalog since the earliest of these runs, read once; each search takes its part.
        let since = searches.map(\.checkedAt).min() ?? self.now
        let entered = try await Opportunity.query(on: db).filter(\.$status == .published)
            .filter(\.$listedAt > since).filter(\.$listedAt <= self.now).field(\.$id).field(\.$listedAt).all()
        var sent = 0
        for search in searches {
            let listed = entered.filter { ($0.listedAt ?? .distantPast) > search.checkedAt }.compactMap(\.id)
            var matches: SearchPage?
            if !listed.isEmpty, let parameters = try? SearchParameters.parse(search.query) {
                let profile = try await ProfileStore.load(for: search.owner, on: db)
                if var query = try? parameters.query(profile: profile) {
                    query.onlyIDs = Set(listed)
                    query.sort = .startDate
                    query.perPage = Self.listedPerEmail
                    matches = index.search(query, today: today)
                }
            }
            if try await self.claim(search, matches: matches) { sent += 1 }
        }
        return sent
    }

    /// Moves the search's clock to now and, when there are matches, queues the e-mail with a fresh
    /// unsubscribe link, in one transaction; false when another instance got there first or nothing matched.
    private func claim(_ search: SavedSearch, matches: SearchPage?) async throws -> Bool {
        let token = SecretToken()
        let origin = self.app.config.server.origin
        let id = try search.requireID()
        return try await self.app.db.transaction { db in
            let mails = (matches?.total ?? 0) > 0
            let claimed = try await db.updateReturningCount(
                SavedSearch.schema, set: [("checked_at", self.now)] + (mails ? [("unsubscribe_hash", token.hash)] : []),
                where: { $0.where("id", .equal, SQLBind(id)).where("checked_at", .equal, SQLBind(search.checkedAt)) })
            guard claimed == 1, mails, let matches else { return false }
            let lines = matches.items.map { item in
                "- \(item.document.title), \(item.document.site.name), \(item.document.site.city) \(item.document.site.state)\n  \(origin)\(SiteRoute.opportunity(OpportunityID(item.document.id)).path)"
            }
            let more = matches.total > matches.items.count ? "\n\nAnd \(matches.total - matches.items.count) more: \(origin)\(SiteRoute.opportunities.path)?\(search.query)\n" : "\n"
            let unsubscribe = "\(origin)\(SiteRoute.searchAlertUnsubscribe.path(query: [("token", token.value)]))"
            try await Outbox.enqueue(
                to: search.owner.email, subject: "Rounds: \(counted(matches.total, "new listing")) for “\(search.name)”",
                body: "Hello \(search.owner.displayName),\n\nNew in the catalog since your last alert, matching your saved search “\(search.name)”:\n\n"
                    + lines.joined(separator: "\n") + more
                    + "\nStop these e-mails (one click): \(unsubscribe)\nManage your saved searches: \(origin)\(SiteRoute.savedSearches.path)\n",
                listUnsubscribe: unsubscribe, now: self.now, on: db)
            return true
        }
    }
}

/// While `rounds serve` runs, sends the saved-search alerts that are due.
enum SavedSearchAlertWorker {
    static func make() -> PeriodicWorker {
        PeriodicWorker(name: "Saved-search alerts", interval: \.reminderSweepInterval) { application in
            let sent = try await SavedSearchAlerts(app: application, now: application.services.clock.now()).sendDue()
            if sent > 0 { application.logger.info("Sent \(sent) saved-search alert(s)") }
        }
    }
}
