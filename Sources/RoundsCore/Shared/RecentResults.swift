import Foundation

/// The last `capacity` results of a deterministic computation, by its inputs: asking again for inputs seen
/// recently returns the kept result instead of computing it again. The least recently used is dropped first.
public final class RecentResults<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    public let capacity: Int
    private let lock = NSLock()
    private var entries: [Key: (value: Value, used: UInt64)] = [:]
    private var uses: UInt64 = 0

    public init(capacity: Int) {
        precondition(capacity > 0, "a memory of no results keeps nothing")
        self.capacity = capacity
    }

    /// The kept result for `key`, marked as just used; nil when there is none.
    public func value(for key: Key) -> Value? {
        self.lock.withLock {
            guard let entry = self.entries[key] else { return nil }
            self.uses += 1
            self.entries[key] = (entry.value, self.uses)
            return entry.value
        }
    }

    /// Keeps `value` for `key`, dropping the least recently used result when full.
    public func keep(_ value: Value, for key: Key) {
        self.lock.withLock {
            self.uses += 1
            if self.entries[key] == nil, self.entries.count >= self.capacity,
                let oldest = self.entries.min(by: { $0.value.used < $1.value.used })?.key
            {
                self.entries[oldest] = nil
            }
            self.entries[key] = (value, self.uses)
        }
    }

    public var count: Int { self.lock.withLock { self.entries.count } }
}
