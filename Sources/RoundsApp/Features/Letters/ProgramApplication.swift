import Fluent
import Foundation

/// An applicant's submitted application to a program, with the letters assigned to it. As in ERAS, the
/// letters it went with stay with it (not removable from that program) and can no longer be replaced.
final class ProgramApplication: Model, @unchecked Sendable {
    static let schema = "program_applications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "applicant_id") var applicant: User
    @Parent(key: "program_id") var program: Program
    @Field(key: "submitted_at") var submittedAt: Date

    init() {}

    init(applicantID: UUID, programID: UUID, now: Date) {
        self.$applicant.id = applicantID
        self.$program.id = programID
        self.submittedAt = now
    }
}
