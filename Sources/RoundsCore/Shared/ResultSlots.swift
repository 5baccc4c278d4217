import Foundation

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
