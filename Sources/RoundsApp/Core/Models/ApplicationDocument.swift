import Fluent
import RoundsCore
import Vapor

final class ApplicationDocument: Model, @unchecked Sendable {
    static let schema = "application_documents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: SessionApplication
    @Parent(key: "document_id") var document: Document

    init() {}

    init(applicationID: UUID, documentID: UUID) {
        self.$application.id = applicationID
        self.$document.id = documentID
    }
}
