import Fluent
import RoundsCore
import Vapor

/// One change of an application's status: who, when, from, to, and the note given.
final class ApplicationEvent: Model, @unchecked Sendable {
    static let schema = "application_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    /// 0, 1, 2, … within the application: the order of events recorded in the same instant.
    @Field(key: "position") var position: Int
    @Field(key: "party") var party: ApplicationParty
    @OptionalField(key: "from_status") var fromStatus: ApplicationStatus?
    @Field(key: "to_status") var toStatus: ApplicationStatus
    @Field(key: "note") var note: String
    @Parent(key: "application_id") var application: SessionApplication
    @OptionalParent(key: "actor_id") var actor: User?

    init() {}

    init(applicationID: UUID, actorID: UUID?, party: ApplicationParty, from: ApplicationStatus?, to: ApplicationStatus, note: String, at: Date) {
        self.$application.id = applicationID
        self.position = 0
        self.$actor.id = actorID
        self.party = party
        self.fromStatus = from
        self.toStatus = to
        self.note = note
        self.at = at
    }

    /// Records the event after the application's last one. Only the transaction that won the status
    /// compare-and-set gets here, so positions do not collide (and a unique index would refuse it if they did).
    func record(on db: any Database) async throws {
        self.position = try await ApplicationEvent.query(on: db).filter(\.$application.$id == self.$application.id).count()
        try await self.create(on: db)
    }
}
