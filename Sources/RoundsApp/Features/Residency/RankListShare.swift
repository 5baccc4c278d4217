import Fluent
import Foundation
import RoundsCore
import Tagged
import Vapor

/// An applicant lets one advisor read their rank order lists (every Match year) until they take it back.
final class RankListShare: Model, @unchecked Sendable {
    static let schema = "rank_list_shares"

    @ID(key: .id) var id: UUID?
    @Parent(key: "owner_id") var owner: User
    @Parent(key: "advisor_id") var advisor: User
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(ownerID: UUID, advisorID: UUID, now: Date) {
        self.$owner.id = ownerID
        self.$advisor.id = advisorID
        self.createdAt = now
    }

    static let notFound = Abort(.notFound, reason: "No such shared rank order list.")

    /// The applicant's shares, with both accounts.
    static func shares(of owner: User, on db: any Database) async throws -> [RankListShare] {
        let shares = try await RankListShare.query(on: db).filter(\.$owner.$id == owner.requireID()).with(\.$advisor).sort(\.$createdAt).all()
        for share in shares { share.$owner.value = owner }
        return shares
    }

    /// Lets the advisor with `email` read the owner's lists; refused (ValidationReport) when no advisor has
    /// that address or they can read them already. The new share comes back with both accounts.
    static func share(_ owner: User, withAdvisor email: String, on db: any Database, now: Date) async throws -> RankListShare {
        // The limit holds for the address as sent (as the API schema says), not only once trimmed.
        guard email.textLength <= EmailAddress.maximumLength, let advisor = try await User.find(email: email, on: db), advisor.has(.advisor) else {
            throw ValidationReport([FieldError(field: "email", message: "No advisor in Rounds has that e-mail address.")])
        }
        let ownerID = try owner.requireID()
        let advisorID = try advisor.requireID()
        guard advisorID != ownerID else { throw ValidationReport([FieldError(field: "email", message: "That is your own account.")]) }
        if try await RankListShare.query(on: db).filter(\.$owner.$id == ownerID).filter(\.$advisor.$id == advisorID).first() != nil {
            throw ValidationReport([FieldError(field: "email", message: "\(advisor.displayName) can see your lists already.")])
        }
        let share = RankListShare(ownerID: ownerID, advisorID: advisorID, now: now)
        try await share.create(on: db)
        share.$owner.value = owner
        share.$advisor.value = advisor
        return share
    }

    /// One of the owner's shares, with its advisor (404 for anyone else's or none).
    static func owned(_ id: RankListShareID?, by owner: User, on db: any Database) async throws -> RankListShare {
        guard let id, let share = try await RankListShare.query(on: db).filter(\.$id == id.rawValue).filter(\.$owner.$id == owner.requireID()).with(\.$advisor).first()
        else { throw Self.notFound }
        return share
    }

    /// The shares an advisor holds, with their owners, oldest first.
    static func held(by advisor: User, on db: any Database) async throws -> [RankListShare] {
        let shares = try await RankListShare.query(on: db).filter(\.$advisor.$id == advisor.requireID()).with(\.$owner).sort(\.$createdAt).all()
        for share in shares { share.$advisor.value = advisor }
        return shares
    }

    /// A share the signed-in advisor holds (404 for anyone else's or none), with its owner.
    static func held(_ id: RankListShareID?, by advisor: User, on db: any Database) async throws -> RankListShare {
        guard let id, let share = try await RankListShare.query(on: db).filter(\.$id == id.rawValue).filter(\.$advisor.$id == advisor.requireID()).with(\.$owner).first()
        else { throw Self.notFound }
        return share
    }
}
