import Fluent
import Foundation
import Vapor

/// Uploaded bytes in the database (`bytea` on PostgreSQL, a blob on SQLite), so instances on several
/// machines share them through the database and a backup's dump carries them.
struct DatabaseDocumentStore: DocumentStore {
    let db: any Database

    func write(_ bytes: [UInt8]) async throws -> String {
        let key = DocumentStoreKey.make()
        try await self.write(bytes, as: key)
        return key
    }

    func write(_ bytes: [UInt8], as key: String) async throws {
        guard DocumentStoreKey.isValid(key) else { throw Abort(.internalServerError, reason: "Bad storage key.") }
        try await StoredBytes(key: key, bytes: Data(bytes), now: Date()).create(on: self.db)
    }

    func read(_ key: String) async throws -> Data {
        guard let stored = try await StoredBytes.find(key, on: self.db) else {
            throw Abort(.internalServerError, reason: "A stored file is missing.")
        }
        return stored.bytes
    }

    func delete(_ key: String) async throws {
        try await StoredBytes.query(on: self.db).filter(\.$id == key).delete()
    }

    func keys() async throws -> [String] {
        try await StoredBytes.query(on: self.db).field(\.$id).sort(\.$id).all().compactMap(\.id)
    }
}

/// One stored file's bytes, under its storage key.
final class StoredBytes: Model, @unchecked Sendable {
    static let schema = "stored_bytes"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "bytes") var bytes: Data
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(key: String, bytes: Data, now: Date) {
        self.id = key
        self.bytes = bytes
        self.byteCount = bytes.count
        self.createdAt = now
    }
}
