import Fluent
import Foundation
import RoundsCore
import SQLKit
import Vapor

/// A person's saved catalog search: the query string as the search page writes it, and how often new
/// matches are e-mailed.
final class SavedSearch: Model, @unchecked Sendable {
    static let schema = "saved_searches"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var owner: User
    @Field(key: "name") var name: String
    /// Filters only (no page or sort), as `SearchParameters.savedQuery` writes them.
    @Field(key: "query") var query: String
    @Field(key: "alert") var alert: SearchAlert
    @Field(key: "created_at") var createdAt: Date
    /// Listings that entered the catalog after this are new to the next alert.
    @Field(key: "checked_at") var checkedAt: Date
    /// SHA-256 of the unsubscribe token in the latest alert e-mail (a new one with each e-mail).
    @Field(key: "unsubscribe_hash") var unsubscribeHash: String

    init() {}
}

extension SavedSearch: RouteIdentified { static let routeParameterName = "searchID" }

/// Saving, changing and removing searches; one person's at a time.
struct SavedSearches {
    let db: any Database
    let now: Date

    static let notFound = Abort(.notFound, reason: "No such saved search of yours.")

    func all(of user: User) async throws -> [SavedSearch] {
        try await SavedSearch.query(on: self.db).filter(\.$owner.$id == user.requireID()).sort(\.$createdAt).all()
    }

    func owned(_ id: UUID?, by user: User) async throws -> SavedSearch {
        guard let id, let search = try await SavedSearch.query(on: self.db).filter(\.$id == id).filter(\.$owner.$id == user.requireID()).first() else {
            throw Self.notFound
        }
        return search
    }

    /// Checks the query as the search would (a 400 names the parameter) and saves it with its name and alert.
    func save(_ draft: SavedSearchDraft, query raw: String, profile: ApplicantProfileInput?, by user: User) async throws -> SavedSearch {
        guard raw.utf8.count <= SearchParameters.maximumQueryString else {
            throw Abort(.badRequest, reason: "query: at most \(SearchParameters.maximumQueryString) characters, as for a search.")
        }
        let parameters = try SearchParameters.parse(raw)
        _ = try parameters.query(profile: profile)
        let (name, alert) = try draft.check().get()
        let search = SavedSearch()
        search.$owner.id = try user.requireID()
        search.name = name
        search.query = parameters.savedQuery
        search.alert = alert
        search.createdAt = self.now
        search.checkedAt = self.now
        search.unsubscribeHash = SecretToken().hash
        try await self.db.transaction { db in
            // One person's saves in turn, so the cap holds when two arrive at once.
            try await db.lockRow(User.schema, id: user.requireID())
            let count = try await SavedSearch.query(on: db).filter(\.$owner.$id == user.requireID()).count()
            guard count < SavedSearchDraft.maximumPerPerson else {
                throw ValidationReport([FieldError(field: "name", message: "Keep at most \(SavedSearchDraft.maximumPerPerson) saved searches; remove one first.")])
            }
            try await search.create(on: db)
        }
        return search
    }

    /// Renames a search or changes its alert; turning an alert on starts counting from now.
    func update(_ search: SavedSearch, _ draft: SavedSearchDraft) async throws {
        let (name, alert) = try draft.check().get()
        if search.alert == .off && alert != .off { search.checkedAt = self.now }
        search.name = name
        search.alert = alert
        try await search.save(on: self.db)
    }

    /// The one-click unsubscribe from an alert e-mail: the search stays, its e-mail stops.
    func unsubscribe(token: String?) async throws -> SavedSearch {
        guard let token, !token.isEmpty, token.utf8.count <= 200,
            let search = try await SavedSearch.query(on: self.db).filter(\.$unsubscribeHash == SecretToken.hash(token)).first()
        else {
            throw Abort(.notFound, reason: "This link is not valid any more (each alert e-mail carries a new one). Manage your alerts from your saved searches.")
        }
        search.alert = .off
        try await search.save(on: self.db)
        return search
    }
}

extension Request {
    var savedSearches: SavedSearches { SavedSearches(db: self.db, now: self.now) }
}
