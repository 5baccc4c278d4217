import Fluent
import RoundsCore
import Vapor

/// Who downloaded which document when: hosts reading an applicant's passport leave a trace.
final class DocumentDownload: Model, @unchecked Sendable {
    static let schema = "document_downloads"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @Parent(key: "document_id") var document: Document
    @Parent(key: "user_id") var user: User

    init() {}

    init(documentID: UUID, userID: UUID, at: Date) {
        self.$document.id = documentID
        self.$user.id = userID
        self.at = at
    }
}
