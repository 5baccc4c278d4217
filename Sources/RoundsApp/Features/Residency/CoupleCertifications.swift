import Fluent
import Foundation
import RoundsCore
import Vapor

/// One partner's certification of their couple's pairs, with the hash of the order certified: a change
/// to any pair makes every partner's certification stale.
final class RankCoupleCertification: Model, @unchecked Sendable {
    static let schema = "rank_couple_certifications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "couple_id") var couple: RankCouple
    @Parent(key: "user_id") var owner: User
    @Field(key: "certified_at") var certifiedAt: Date
    @Field(key: "certified_name") var certifiedName: String
    /// SHA-256 of `CoupleRankList.canonicalOrder` at certification.
    @Field(key: "order_digest") var orderDigest: String

    init() {}
}

extension CoupleRankLists {
    static func digest(_ list: CoupleRankList) -> String { SecretToken.hexSHA256(Data(list.canonicalOrder.utf8)) }

    /// Each partner's certification of `list` now: (the viewer's, the partner's).
    func certifications(of couple: RankCouple, viewer: User, partner: User, list: CoupleRankList) async throws
        -> (mine: RankOrderList.Certification, partners: RankOrderList.Certification)
    {
        let rows = try await RankCoupleCertification.query(on: self.db).filter(\.$couple.$id == couple.requireID()).all()
        let digest = Self.digest(list)
        func status(_ person: User) -> RankOrderList.Certification {
            let row = rows.first { $0.$owner.id == person.id }
            return RankOrderList.certification(certifiedDigest: row?.orderDigest, digest: digest, at: row?.certifiedAt, name: row?.certifiedName)
        }
        return (status(viewer), status(partner))
    }

    /// The viewer certifies the couple's pairs as they stand, typing their own name; refused after the
    /// deadline, for an empty list or a wrong name (`ValidationReport`), and for an unconfirmed couple (404).
    func certify(_ user: User, year: Int, typedName: String) async throws {
        // The pairs are read under the couple's lock, so the order certified is the one saved.
        try await self.locked(user, year: year, field: "name") { db, coupleID, state in
            if let refusal = state.list.certificationRefusal(typedName: typedName, accountName: user.displayName) {
                throw ValidationReport([FieldError(field: "name", message: refusal)])
            }
            let userID = try user.requireID()
            try await RankCoupleCertification.query(on: db).filter(\.$couple.$id == coupleID).filter(\.$owner.$id == userID).delete()
            let certification = RankCoupleCertification()
            certification.$couple.id = coupleID
            certification.$owner.id = userID
            certification.certifiedAt = self.now
            certification.certifiedName = user.displayName
            certification.orderDigest = Self.digest(state.list)
            try await certification.create(on: db)
            try await Notifier.notify(
                state.partner, title: "\(user.displayName) certified your couple's list",
                body: "For the \(year) Match. The NRMP uses each partner's certified list: certify it too if you have not.",
                link: SiteRoute.coupleRankList.path(query: [("year", "\(year)")]), origin: self.origin, now: self.now, on: db)
        }
    }
}
