import Foundation
import NIOPosix
import Vapor

/// Uploaded bytes on disk, in `<storage>/documents/<random key>`: outside the web root, under names
/// nobody chose, written completely (temporary file, fsync, rename) before the database row refers to them.
/// Every instance shares the directory, as it shares the database.
struct DocumentStorage: Sendable {
    let directory: String
    let threadPool: NIOThreadPool

    init(storageDirectory: String, threadPool: NIOThreadPool) {
        self.directory = (storageDirectory as NSString).appendingPathComponent("documents")
        self.threadPool = threadPool
    }

    /// Stores `bytes` under a new random key and returns it.
    func write(_ bytes: [UInt8]) async throws -> String {
        let key = Self.newKey()
        let directory = self.directory
        try await self.threadPool.runIfActive {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let final = (directory as NSString).appendingPathComponent(key)
            let temporary = final + ".partial"
            guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw Abort(.internalServerError, reason: "The storage directory is not writable.")
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            do {
                try handle.write(contentsOf: bytes)
                try handle.synchronize()
                try handle.close()
            } catch {
                try? handle.close()
                try? FileManager.default.removeItem(atPath: temporary)
                throw error
            }
            guard rename(temporary, final) == 0 else {
                try? FileManager.default.removeItem(atPath: temporary)
                throw Abort(.internalServerError, reason: "Could not store the file.")
            }
        }
        return key
    }

    func read(_ key: String) async throws -> Data {
        let path = try self.path(for: key)
        return try await self.threadPool.runIfActive { try Data(contentsOf: URL(fileURLWithPath: path)) }
    }

    func delete(_ key: String) async throws {
        let path = try self.path(for: key)
        try await self.threadPool.runIfActive { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Keys are ours (hex), but check anyway: a key is never allowed to name another path.
    private func path(for key: String) throws -> String {
        guard key.count == 64, key.allSatisfy({ $0.isHexDigit }) else { throw Abort(.internalServerError, reason: "Bad storage key.") }
        return (self.directory as NSString).appendingPathComponent(key)
    }

    /// 256 random bits as 64 hex digits.
    private static func newKey() -> String {
        SecretToken.hex(SecretToken.randomBytes(32))
    }
}

extension Request {
    var documentStorage: DocumentStorage {
        DocumentStorage(storageDirectory: self.config.storageDirectory, threadPool: self.application.threadPool)
    }
}
