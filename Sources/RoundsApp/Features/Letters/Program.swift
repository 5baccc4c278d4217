import Fluent
import Foundation
import RoundsCore
import Vapor

/// A residency program, as much as letters need: the directory comes later.
final class Program: Model, @unchecked Sendable {
    static let schema = "programs"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "name") var name: String
    @Field(key: "specialty_id") var specialtyID: String
    @Field(key: "city") var city: String
    @Field(key: "state") var state: String

    init() {}

    init(name: String, specialtyID: String, city: String, state: String, now: Date) {
        self.name = name
        self.specialtyID = specialtyID
        self.city = city
        self.state = state
        self.createdAt = now
    }

    var specialtyName: String { Specialties.residency.find(self.specialtyID)?.name ?? self.specialtyID }
}
