import Fluent
import Foundation
import RoundsCore
import Vapor

/// A letter sent to a program. `slot` (1…4) is unique per applicant and program.
final class LetterAssignment: Model, @unchecked Sendable {
    static let schema = "letter_assignments"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "slot") var slot: Int
    @Parent(key: "letter_id") var letter: LetterRequest
    @Parent(key: "program_id") var program: Program
    @Parent(key: "applicant_id") var applicant: User

    init() {}

    init(letterID: UUID, programID: UUID, applicantID: UUID, slot: Int, now: Date) {
        self.$letter.id = letterID
        self.$program.id = programID
        self.$applicant.id = applicantID
        self.slot = slot
        self.createdAt = now
    }
}
