import Foundation

/// Work split into runs of positions done at once on the machine's cores (building the search index,
/// checking an import's rows), each run's result kept in its own slot and joined in order afterwards.
enum ParallelRuns {
    /// Up to `parts` consecutive runs covering `0..<count`, none shorter than `minimumRun` (below that,
    /// starting a thread costs more than it saves); one run, possibly empty, when `count` is small.
    static func ranges(count: Int, parts: Int = ProcessInfo.processInfo.activeProcessorCount, minimumRun: Int) -> [Range<Int>] {
        let parts = max(1, min(parts, count / max(1, minimumRun)))
        let size = (count + parts - 1) / parts
        // Clamped at both ends: with small runs the last ones can start past the end (then they are empty).
        return (0..<parts).map { min(count, $0 * size)..<min(count, ($0 + 1) * size) }
    }
}

/// One slot per concurrent task, each written once by its own task and read after all have finished.
final class ResultSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]

    init(count: Int) { self.values = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { self.lock.withLock { self.values[index] } }
        set { self.lock.withLock { self.values[index] = newValue } }
    }
}
