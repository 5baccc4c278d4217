import Foundation
import Logging

/// Keeps every log line in memory, so a test can search the logs for secrets.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { self.lock.withLock { self.lines.append(line) } }

    var text: String { self.lock.withLock { self.lines.joined(separator: "\n") } }

    func handler(label: String, level: Logger.Level) -> CapturingLogHandler {
        CapturingLogHandler(capture: self, logLevel: level)
    }
}

struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    func log(
        level: Logger.Level,
        message: Logger.Message,
        metadata: Logger.Metadata?,
        source: String,
        file: String,
        function: String,
        line: UInt
    ) {
        let merged = self.metadata.merging(metadata ?? [:]) { $1 }
        self.capture.append("\(level) \(message) \(merged.map { "\($0)=\($1)" }.sorted().joined(separator: " "))")
    }
}
