import Foundation
import NIOPosix
import Vapor

/// Uploaded bytes on disk, in `<storage>/documents/<random key>`: outside the web root, under names
/// nobody chose, written completely (temporary file, fsync, rename) before the database row refers to them.
/// Every instance must share the directory, as it shares the database.
struct DirectoryDocumentStore: DocumentStore {
    let directory: String
    let threadPool: NIOThreadPool

    init(storageDirectory: String, threadPool: NIOThreadPool) {
        self.directory = (storageDirectory as NSString).appendingPathComponent("documents")
        self.threadPool = threadPool
    }

    func write(_ bytes: [UInt8]) async throws -> String {
        let key = DocumentStoreKey.make()
        try await self.write(bytes, as: key)
        return key
    }

    func write(_ bytes: [UInt8], as key: String) async throws {
        let final = try self.path(for: key)
        let directory = self.directory
        try await self.threadPool.runIfActive {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
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
    }

    func read(_ key: String) async throws -> Data {
        let path = try self.path(for: key)
        return try await self.threadPool.runIfActive { try Data(contentsOf: URL(fileURLWithPath: path)) }
    }

    func delete(_ key: String) async throws {
        let path = try self.path(for: key)
        try await self.threadPool.runIfActive { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Complete files only: a `.partial` left by a crash is not a document.
    func keys() async throws -> [String] {
        let directory = self.directory
        return try await self.threadPool.runIfActive {
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter(DocumentStoreKey.isValid).sorted()
        }
    }

    /// Keys are ours (hex), but check anyway: a key is never allowed to name another path.
    private func path(for key: String) throws -> String {
        guard DocumentStoreKey.isValid(key) else { throw Abort(.internalServerError, reason: "Bad storage key.") }
        return (self.directory as NSString).appendingPathComponent(key)
    }
}
