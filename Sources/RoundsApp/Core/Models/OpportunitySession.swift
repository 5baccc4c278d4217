import Fluent
import RoundsCore
import Vapor

final class OpportunitySession: Model, @unchecked Sendable {
    static let schema = "opportunity_sessions"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "start_day") var startDay: Int
    @Field(key: "end_day") var endDay: Int
    @Field(key: "deadline_day") var deadlineDay: Int
    @Field(key: "seats") var seats: Int
    /// Accepted places; changed only by the conditional updates in `SeatLedger`.
    @Field(key: "seats_taken") var seatsTaken: Int

    // relationships
    @Parent(key: "opportunity_id") var opportunity: Opportunity

    init() {}

    init(opportunityID: Opportunity.IDValue, start: Day, end: Day, deadline: Day, seats: Int) {
        self.$opportunity.id = opportunityID
        self.startDay = start.ordinal
        self.endDay = end.ordinal
        self.deadlineDay = deadline.ordinal
        self.seats = seats
        self.seatsTaken = 0
    }
}
