import Fluent
import Foundation
import Vapor

/// A document in the vault, as the API shows it.
struct DocumentResponse: Content {
    var id: UUID
    var kind: String
    var fileName: String
    var mediaType: String
    var byteCount: Int
    var sha256: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, sha256
        case fileName = "file_name"
        case mediaType = "media_type"
        case byteCount = "byte_count"
        case createdAt = "created_at"
    }

    init(_ document: Document) throws {
        self.id = try document.requireID()
        self.kind = document.kind
        self.fileName = document.fileName
        self.mediaType = document.mediaType
        self.byteCount = document.byteCount
        self.sha256 = document.sha256
        self.createdAt = document.createdAt
    }
}
