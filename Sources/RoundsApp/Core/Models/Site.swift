import Fluent
import RoundsCore
import Vapor

/// A hospital, clinic, university or lab where opportunities take place. Its host manages it; an admin
/// verifies it before its opportunities are public.
final class Site: Model, @unchecked Sendable {
    static let schema = "sites"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Field(key: "street") var street: String
    @Field(key: "city") var city: String
    @Field(key: "state") var state: String
    @Field(key: "zip") var zip: String
    @Field(key: "latitude") var latitude: Double
    @Field(key: "longitude") var longitude: Double
    @OptionalField(key: "website") var website: String?
    @Field(key: "is_verified") var isVerified: Bool
    /// Rejected or suspended (with `reviewNote`, the reason the host sees); nil while waiting or verified.
    @OptionalField(key: "review_state") var storedReviewState: String?
    @OptionalField(key: "review_note") var reviewNote: String?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?

    // relationships
    @Parent(key: "host_id") var host: User
    @Children(for: \.$site) var opportunities: [Opportunity]

    init() {}

    init(
        id: UUID? = nil, hostID: User.IDValue, name: String, kind: SiteKind, street: String, city: String, state: String,
        zip: String, coordinate: Coordinate, website: String?, isVerified: Bool
    ) {
        self.id = id
        self.$host.id = hostID
        self.name = name
        self.kind = kind.rawValue
        self.street = street
        self.city = city
        self.state = state
        self.zip = zip
        self.latitude = coordinate.latitude
        self.longitude = coordinate.longitude
        self.website = website
        self.isVerified = isVerified
    }

    var coordinate: Coordinate { Coordinate(latitude: self.latitude, longitude: self.longitude) }

    var reviewState: SiteReviewState {
        if self.isVerified { return .verified }
        return self.storedReviewState.flatMap(SiteReviewState.init(rawValue:)) ?? .pending
    }

    func apply(_ state: SiteReviewState, note: String, now: Date) {
        self.isVerified = state == .verified
        self.storedReviewState = state == .rejected || state == .suspended ? state.rawValue : nil
        self.reviewNote = note.isEmpty ? nil : note
        self.reviewedAt = now
    }
}
