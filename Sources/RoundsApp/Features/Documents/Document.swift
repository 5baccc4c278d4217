import Fluent
import RoundsCore
import Vapor

/// A file in an applicant's vault (CV, score report, …), reused across applications. The bytes live in
/// the storage directory under `storageKey`, never under the name the applicant gave.
final class Document: Model, @unchecked Sendable {
    static let schema = "documents"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    // data fields
    @Field(key: "kind") var kind: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "media_type") var mediaType: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "storage_key") var storageKey: String

    // relationships
    @Parent(key: "owner_id") var owner: User

    init() {}

    init(ownerID: UUID, checked: DocumentUpload.Checked, byteCount: Int, sha256: String, storageKey: String, now: Date) {
        self.$owner.id = ownerID
        self.kind = checked.kind.rawValue
        self.fileName = checked.fileName
        self.mediaType = checked.signature.mediaType
        self.byteCount = byteCount
        self.sha256 = sha256
        self.storageKey = storageKey
        self.createdAt = now
    }

    var documentKind: DocumentKind { DocumentKind(rawValue: self.kind) ?? .other }
}
