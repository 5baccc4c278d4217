import Fluent
import Foundation
import RoundsCore
import Vapor

/// Who read which letter when, and in what capacity. Admins see this log; nobody edits it.
final class LetterRead: Model, @unchecked Sendable {
    static let schema = "letter_reads"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    /// "applicant" or "reviewer".
    @Field(key: "reader_role") var readerRole: String
    @Parent(key: "letter_id") var letter: LetterRequest
    @Parent(key: "reader_id") var reader: User
    @OptionalParent(key: "program_id") var program: Program?

    init() {}

    init(letterID: UUID, readerID: UUID, readerRole: String, programID: UUID?, at: Date) {
        self.$letter.id = letterID
        self.$reader.id = readerID
        self.readerRole = readerRole
        self.$program.id = programID
        self.at = at
    }
}
