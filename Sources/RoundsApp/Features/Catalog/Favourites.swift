import Fluent
import Foundation
import RoundsCore
import Tagged
import Vapor

/// A listing a person keeps to come back to.
final class Favourite: Model, @unchecked Sendable {
    static let schema = "favourites"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var owner: User
    @Parent(key: "opportunity_id") var opportunity: Opportunity
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// Keeping and dropping favourites; only listed opportunities can be added, and a favourite stays when
/// its listing leaves the catalog (shown as no longer listed).
struct Favourites {
    let db: any Database
    let now: Date

    static let limit = 200

    func all(of user: User) async throws -> [Favourite] {
        try await Favourite.query(on: self.db).filter(\.$owner.$id == user.requireID()).with(\.$opportunity) { $0.with(\.$site) }
            .sort(\.$createdAt, .descending).all()
    }

    func contains(_ opportunityID: UUID, for user: User) async throws -> Bool {
        try await Favourite.query(on: self.db).filter(\.$owner.$id == user.requireID()).filter(\.$opportunity.$id == opportunityID).count() > 0
    }

    /// Adds a listed opportunity; adding one twice is the same as once.
    func add(_ opportunityID: UUID?, for user: User) async throws {
        guard let opportunityID, let opportunity = try await Opportunity.find(opportunityID, on: self.db), opportunity.status == .published else {
            throw Abort(.notFound, reason: "No such listing in the catalog.")
        }
        guard try await !self.contains(opportunityID, for: user) else { return }
        guard try await Favourite.query(on: self.db).filter(\.$owner.$id == user.requireID()).count() < Self.limit else {
            throw ValidationReport([FieldError(field: "favourite", message: "Keep at most \(Self.limit) favourites; remove some first.")])
        }
        let favourite = Favourite()
        favourite.$owner.id = try user.requireID()
        favourite.$opportunity.id = opportunityID
        favourite.createdAt = self.now
        do {
            try await favourite.create(on: self.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return  // added a moment ago by another request: the same outcome
        }
    }

    /// Removes it; removing one that is not there is the same as removing it.
    func remove(_ opportunityID: UUID?, for user: User) async throws {
        guard let opportunityID else { throw Abort(.notFound, reason: "No such listing in the catalog.") }
        try await Favourite.query(on: self.db).filter(\.$owner.$id == user.requireID()).filter(\.$opportunity.$id == opportunityID).delete()
    }
}

extension Request {
    var favourites: Favourites { Favourites(db: self.db, now: self.now) }
}

/// `/account/favourites` and the star on an opportunity's page; over JSON `/api/v1/favourites`.
struct FavouritesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(SignInRequired())
        signedIn.get(SiteRoute.favourites, use: self.index)
        signedIn.post(SiteRoute.favourite(.key), use: self.toggle)
    }

    @Sendable func index(req: Request) async throws -> HTMLPage {
        FavouritePages.list(try await req.favourites.all(of: try req.requireUser()), context: req.pageContext).page()
    }

    struct ToggleForm: Content {
        var keep: String?
        /// The favourites page sends its own path, to come back to it.
        var next: String?
    }

    /// `keep=true` adds, `keep=false` removes; back to the listing, or to the list it was removed from.
    @Sendable func toggle(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id = req.parameters.get(OpportunityID.self)?.rawValue
        let form = try req.content.decode(ToggleForm.self)
        let back = form.next == SiteRoute.favourites.path ? SiteRoute.favourites.path : id.map { SiteRoute.opportunity(OpportunityID($0)).path } ?? SiteRoute.favourites.path
        do {
            switch form.keep {
            case "true":
                try await req.favourites.add(id, for: user)
                return req.redirect(to: back, flash: Flash(kind: .success, message: "Added to your favourites."))
            case "false":
                try await req.favourites.remove(id, for: user)
                return req.redirect(to: back, flash: Flash(kind: .success, message: "Removed from your favourites."))
            default:
                throw Abort(.badRequest, reason: "Say keep=true to add or keep=false to remove.")
            }
        } catch let report as ValidationReport {
            return req.redirect(to: back, flash: Flash(kind: .error, message: report.errors.map(\.message).joined(separator: " ")))
        }
    }
}

struct FavouriteResponse: Content {
    var opportunityID: UUID
    var title: String
    /// False once the listing has left the catalog.
    var listed: Bool
    var addedAt: Date
    var url: String

    enum CodingKeys: String, CodingKey {
        case title, listed, url
        case opportunityID = "opportunity_id"
        case addedAt = "added_at"
    }

    init(_ favourite: Favourite) {
        self.opportunityID = favourite.$opportunity.id
        self.title = favourite.opportunity.title
        self.listed = favourite.opportunity.status == .published && favourite.opportunity.site.isVerified
        self.addedAt = favourite.createdAt
        self.url = APIRoute.opportunity(OpportunityID(favourite.$opportunity.id)).path
    }
}

extension API {
    struct FavouritesController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let signedIn = routes.grouped(SignInRequired())
            signedIn.get(APIRoute.favourites, use: self.index)
            signedIn.put(APIRoute.favourite(.key), use: self.add)
            signedIn.delete(APIRoute.favourite(.key), use: self.remove)
        }

        @Sendable func index(req: Request) async throws -> [FavouriteResponse] {
            try await req.favourites.all(of: try req.requireUser()).map(FavouriteResponse.init)
        }

        @Sendable func add(req: Request) async throws -> HTTPStatus {
            try await req.favourites.add(req.parameters.get(OpportunityID.self)?.rawValue, for: try req.requireUser())
            return .noContent
        }

        @Sendable func remove(req: Request) async throws -> HTTPStatus {
            try await req.favourites.remove(req.parameters.get(OpportunityID.self)?.rawValue, for: try req.requireUser())
            return .noContent
        }
    }
}
