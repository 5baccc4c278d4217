import Foundation

/// Long CPU work from a request (bcrypt, the Match simulator) runs on a dispatch queue: not on the event
/// loop, and not on the blocking pool either, which runs every SQLite statement; a quarter of a second of
/// work there holds up every page's queries.
enum CPUWork {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result(catching: work)) }
        }
    }
}
