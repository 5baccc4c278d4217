import Logging
import Vapor

/// Wraps the real log handler and drops the records that would carry user data verbatim: FluentKit logs
/// every query at debug level with its bound values ("Running query"), which would put password hashes,
/// outgoing e-mails with their links and other secrets into debug logs. SQL text stays available at
/// trace level through the drivers' own query logging.
public struct RedactingLogHandler: LogHandler {
    public var wrapped: any LogHandler

    public init(wrapping handler: any LogHandler) {
        self.wrapped = handler
    }

    public var logLevel: Logger.Level {
        get { self.wrapped.logLevel }
        set { self.wrapped.logLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { self.wrapped.metadata }
        set { self.wrapped.metadata = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.wrapped[metadataKey: key] }
        set { self.wrapped[metadataKey: key] = newValue }
    }

    /// Messages whose metadata holds bound values.
    static let droppedMessages: Set<String> = ["Running query"]

    public func log(
        level: Logger.Level,
        message: Logger.Message,
        metadata: Logger.Metadata?,
        source: String,
        file: String,
        function: String,
        line: UInt
    ) {
        if Self.droppedMessages.contains(message.description) { return }
        self.wrapped.log(
            level: level, message: message, metadata: metadata, source: source, file: file, function: function, line: line
        )
    }

    /// Vapor's console logging (or JSON lines with `ROUNDS_LOG_FORMAT=json`), behind the redaction; used
    /// by the `rounds` executable.
    public static func bootstrap(from environment: inout Environment) throws {
        let json = Self.usesJSON
        try LoggingSystem.bootstrap(from: &environment) { level in
            let console = Terminal()
            return { label in
                RedactingLogHandler(wrapping: json ? JSONLogHandler(label: label, level: level) : ConsoleLogger(label: label, console: console, level: level))
            }
        }
    }
}
