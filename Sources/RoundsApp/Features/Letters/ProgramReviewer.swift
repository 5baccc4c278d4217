import Fluent
import Foundation
import RoundsCore
import Vapor

/// An advisor account that reviews a program's applications, and so may read letters assigned to it.
final class ProgramReviewer: Model, @unchecked Sendable {
    static let schema = "program_reviewers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "program_id") var program: Program
    @Parent(key: "user_id") var user: User

    init() {}

    init(programID: UUID, userID: UUID) {
        self.$program.id = programID
        self.$user.id = userID
    }
}
