import Foundation
import Vapor

/// Copies every file from one store to the other under the same key, reads each copy back and compares
/// its SHA-256, and only then removes the original. Running it again finishes an interrupted move: keys
/// already in the target are checked against the source instead of written twice.
struct DocumentStoreMove {
    let source: any DocumentStore
    let target: any DocumentStore

    struct Summary: Equatable {
        var moved = 0
        var alreadyThere = 0
        var bytes = 0
    }

    struct Mismatch: Error, CustomStringConvertible {
        let key: String
        var description: String {
            "the copy of \(self.key.prefix(12))… in the target differs from the original; nothing of it was removed"
        }
    }

    func run(progress: (Summary) -> Void = { _ in }) async throws -> Summary {
        let present = Set(try await self.target.keys())
        var summary = Summary()
        for key in try await self.source.keys() {
            let bytes = try await self.source.read(key)
            if present.contains(key) {
                summary.alreadyThere += 1
            } else {
                try await self.target.write(Array(bytes), as: key)
                summary.moved += 1
            }
            guard try await SecretToken.hexSHA256(self.target.read(key)) == SecretToken.hexSHA256(bytes) else { throw Mismatch(key: key) }
            try await self.source.delete(key)
            summary.bytes += bytes.count
            progress(summary)
        }
        return summary
    }
}
