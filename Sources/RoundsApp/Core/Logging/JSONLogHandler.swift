import Foundation
import Logging
import Vapor

/// One JSON object per line (`ROUNDS_LOG_FORMAT=json`), for log collectors: time, level, label,
/// message and the record's metadata as fields. Lines go to standard output whole, under a lock, so
/// records from different threads never interleave.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    let label: String
    let write: @Sendable (String) -> Void

    public init(label: String, level: Logger.Level, write: @escaping @Sendable (String) -> Void = JSONLogHandler.standardOutput) {
        self.label = label
        self.logLevel = level
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    public func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt
    ) {
        self.write(Self.line(time: Date(), level: level, label: self.label, message: message.description, metadata: self.metadata.merging(metadata ?? [:]) { $1 }))
    }

    /// The record as one line of JSON (keys sorted, so lines diff and grep well).
    static func line(time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        var fields: [String: Any] = [:]
        for (key, value) in metadata { fields[key] = Self.json(value) }
        fields["time"] = time.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
        fields["level"] = level.rawValue
        fields["label"] = label
        fields["message"] = message
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): text
        case .stringConvertible(let value): value.description
        case .array(let values): values.map(Self.json)
        case .dictionary(let values): values.mapValues(Self.json)
        }
    }

    private static let lock = NSLock()

    public static let standardOutput: @Sendable (String) -> Void = { line in
        lock.withLock {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }
}

/// With JSON logs on, one record per request once it is answered (the request logger adds its
/// `request-id`): method, route pattern (never
/// the path as typed, nor the query, which can carry link tokens), status, duration and a hash of the
/// signed-in user's id (enough to follow one person's requests, not to name them).
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        var status: HTTPResponseStatus = .internalServerError
        defer {
            let elapsed = ContinuousClock.now - start
            let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
            var metadata: Logger.Metadata = [
                "method": .string(request.method.rawValue),
                "route": .string(request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"),
                "status": .stringConvertible(Int(status.code)),
                "duration_ms": .string(String(format: "%.2f", milliseconds)),
            ]
            if let id = request.currentUser?.id { metadata["user"] = .string(String(SecretToken.hash(id.uuidString).prefix(16))) }
            request.logger.info("request", metadata: metadata)
        }
        do {
            let response = try await next.respond(to: request)
            status = response.status
            return response
        } catch let error as any AbortError {
            status = error.status
            throw error
        }
    }
}

extension RedactingLogHandler {
    /// `ROUNDS_LOG_FORMAT=json`: JSON lines instead of the console's text, behind the same redaction (an
    /// unknown value logs as text until the configuration stops start-up with the variable named).
    public static var usesJSON: Bool { (try? AppConfig.logsJSON(ProcessInfo.processInfo.environment["ROUNDS_LOG_FORMAT"])) ?? false }
}
