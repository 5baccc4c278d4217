import Fluent
import Foundation
import Vapor

/// Where uploaded bytes (documents and letters) are kept, under random keys the database rows refer to.
/// `ROUNDS_DOCUMENT_STORE` chooses: a directory every instance shares, or the database itself, so instances
/// on different machines need nothing shared but the database.
protocol DocumentStore: Sendable {
    /// Stores `bytes` under a new random key and returns it.
    func write(_ bytes: [UInt8]) async throws -> String
    /// Stores `bytes` under a key chosen elsewhere (moving between stores keeps keys).
    func write(_ bytes: [UInt8], as key: String) async throws
    func read(_ key: String) async throws -> Data
    /// Removes the bytes; a key that is not there is not an error.
    func delete(_ key: String) async throws
    /// Every key held, sorted.
    func keys() async throws -> [String]
}

public enum DocumentStoreKind: String, Sendable, CaseIterable {
    case directory
    case database
}

enum DocumentStoreKey {
    /// 256 random bits as 64 hex digits.
    static func make() -> String {
        SecretToken.hex(SecretToken.randomBytes(32))
    }

    static func isValid(_ key: String) -> Bool {
        key.utf8.count == 64 && key.allSatisfy(\.isHexDigit)
    }
}

extension Application {
    /// The configured store; `db` is the database it reads and writes when the bytes live there.
    func documentStore(kind: DocumentStoreKind? = nil, on db: (any Database)? = nil) -> any DocumentStore {
        switch kind ?? self.config.documentStore {
        case .directory: DirectoryDocumentStore(storageDirectory: self.config.storageDirectory, threadPool: self.threadPool)
        case .database: DatabaseDocumentStore(db: db ?? self.db)
        }
    }
}

extension Request {
    var documentStorage: any DocumentStore {
        self.application.documentStore(on: self.db)
    }
}
