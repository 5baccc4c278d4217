import Foundation
import Vapor

extension AppConfig {
    /// Every variable Rounds reads, for `--help` texts, the README and start-up logging.
    static let variables: [(name: String, meaning: String)] = [
        ("DATABASE_URL", "postgres://user:password@host:port/database; unset means SQLite"),
        ("ROUNDS_SQLITE_PATH", "SQLite file when DATABASE_URL is unset (default rounds.sqlite)"),
        ("ROUNDS_HOSTNAME", "address to listen on (default 127.0.0.1)"),
        ("ROUNDS_PORT", "port to listen on (default 8080)"),
        ("ROUNDS_PUBLIC_URL", "URL people use; https turns on Secure cookies and HSTS"),
        ("ROUNDS_LOG_FORMAT", "text (default) or json: one JSON object per log line and one per request"),
        ("ROUNDS_METRICS_TOKEN", "bearer token for /metrics (Prometheus); unset turns /metrics off; at least 24 characters"),
        ("ROUNDS_STORAGE_DIR", "directory for uploads (default ./storage)"),
        ("ROUNDS_DOCUMENT_STORE", "directory (default: files under ROUNDS_STORAGE_DIR) or database (uploads kept in the database; no shared directory)"),
        ("ROUNDS_UPLOAD_MAX_MB", "largest document an applicant may upload, in MB (default 10)"),
        ("ROUNDS_CATALOG_RECHECK_SECONDS", "how often search checks for catalog changes (default 1; 0 = every search, rebuilt before answering)"),
        ("ROUNDS_SEARCH_SNAPSHOT", "file where search keeps its documents so a restart need not read the whole catalog (default: the SQLite file's path + .search; unset with PostgreSQL; off: none)"),
        ("ROUNDS_ACCOUNT_DELETION_GRACE_HOURS", "how long a requested account deletion waits; signing in before then cancels it (default 336, 14 days)"),
        ("ROUNDS_SESSION_IDLE_MINUTES", "sign out after this much inactivity (default 30)"),
        ("ROUNDS_SESSION_MAX_HOURS", "sign out this long after sign-in (default 12)"),
        ("ROUNDS_SIGNIN_FAILURES_PER_ACCOUNT", "failed sign-ins per account per 15 minutes (default 5)"),
        ("ROUNDS_SIGNIN_FAILURES_PER_IP", "failed sign-ins per IP address per 15 minutes (default 50)"),
        ("ROUNDS_SIGNUPS_PER_IP", "sign-ups per IP address per hour (default 10)"),
        ("ROUNDS_PASSWORD_RESETS_PER_IP", "password reset requests per IP address per hour (default 5)"),
        ("ROUNDS_BAD_LINKS_PER_IP", "wrong or expired single-use links per IP address per 15 minutes (default 20)"),
        ("ROUNDS_SMTP_HOST", "SMTP server for outgoing mail; unset keeps mail in the outbox"),
        ("ROUNDS_SMTP_PORT", "SMTP port (default 587)"),
        ("ROUNDS_SMTP_USERNAME", "SMTP user name"),
        ("ROUNDS_SMTP_PASSWORD", "SMTP password"),
        ("ROUNDS_SMTP_REQUIRE_TLS", "true: never send mail unless the server offers STARTTLS"),
        ("ROUNDS_SMTP_CA_FILE", "PEM file of extra trusted certificates for the SMTP server"),
        ("ROUNDS_SMTP_ALLOW_PLAINTEXT_AUTH", "true: send credentials without TLS to a server on localhost (a test server)"),
        ("ROUNDS_MAIL_FROM", "From address of outgoing mail"),
    ]

    /// Reads the process environment. `environment` decides the defaults (testing uses memory).
    public static func load(
        for environment: Environment,
        from values: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> AppConfig {
        func string(_ name: String) -> String? {
            guard let value = values[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        func number(_ name: String) throws -> Int? {
            guard let raw = string(name) else { return nil }
            guard let value = Int(raw), value > 0 else {
                throw ConfigurationError(variable: name, reason: "must be a positive whole number, got “\(raw)”")
            }
            return value
        }

        let database: DatabaseLocation
        if let url = string("DATABASE_URL") {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw ConfigurationError(variable: "DATABASE_URL", reason: "must start with postgres://")
            }
            database = .postgres(url: url)
        } else if environment == .testing {
            database = .sqliteMemory
        } else {
            database = .sqliteFile(path: string("ROUNDS_SQLITE_PATH") ?? "rounds.sqlite")
        }

        var config = environment == .testing ? AppConfig.testing(database: database) : AppConfig(database: database)
        config.server.hostname = string("ROUNDS_HOSTNAME") ?? config.server.hostname
        config.server.port = try number("ROUNDS_PORT") ?? config.server.port
        config.server.publicURL = string("ROUNDS_PUBLIC_URL")
        config.server.tlsCertificateFile = string("ROUNDS_TLS_CERT_FILE")
        config.server.tlsKeyFile = string("ROUNDS_TLS_KEY_FILE")
        if (config.server.tlsCertificateFile == nil) != (config.server.tlsKeyFile == nil) {
            throw ConfigurationError(variable: "ROUNDS_TLS_CERT_FILE", reason: "and ROUNDS_TLS_KEY_FILE must be set together")
        }
        config.logsJSON = try Self.logsJSON(string("ROUNDS_LOG_FORMAT"))
        if let token = string("ROUNDS_METRICS_TOKEN") {
            guard token.count >= 24, token.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
                throw ConfigurationError(variable: "ROUNDS_METRICS_TOKEN", reason: "must be at least 24 characters without spaces (e.g. openssl rand -hex 24)")
            }
            config.server.metricsToken = token
        }
        config.storageDirectory = string("ROUNDS_STORAGE_DIR") ?? config.storageDirectory
        if let raw = string("ROUNDS_DOCUMENT_STORE") {
            guard let kind = DocumentStoreKind(rawValue: raw.lowercased()) else {
                throw ConfigurationError(variable: "ROUNDS_DOCUMENT_STORE", reason: "must be directory or database")
            }
            config.documentStore = kind
        }
        if let megabytes = try number("ROUNDS_UPLOAD_MAX_MB") { config.uploadMaximumBytes = megabytes * 1_024 * 1_024 }
        if let raw = string("ROUNDS_CATALOG_RECHECK_SECONDS") {
            guard let seconds = Double(raw), seconds.isFinite, (0...3_600).contains(seconds) else {
                throw ConfigurationError(variable: "ROUNDS_CATALOG_RECHECK_SECONDS", reason: "must be a number of seconds from 0 to 3600, such as 0.25")
            }
            config.catalogRecheckInterval = .milliseconds(Int((seconds * 1_000).rounded()))
        }
        if let path = string("ROUNDS_SEARCH_SNAPSHOT") {
            config.searchSnapshotPath = path.lowercased() == "off" ? nil : path
        } else if case .sqliteFile(let path) = database {
            config.searchSnapshotPath = path + ".search"
        }
        if let seconds = try number("ROUNDS_REMINDER_SWEEP_SECONDS") {
            guard seconds >= 1 else { throw ConfigurationError(variable: "ROUNDS_REMINDER_SWEEP_SECONDS", reason: "must be 1 or more") }
            config.reminderSweepInterval = .seconds(seconds)
        }
        if let raw = string("ROUNDS_ACCOUNT_DELETION_GRACE_HOURS") {
            guard let hours = Int(raw), (0...24 * 365).contains(hours) else {
                throw ConfigurationError(variable: "ROUNDS_ACCOUNT_DELETION_GRACE_HOURS", reason: "must be a whole number of hours from 0 to 8760")
            }
            config.accountDeletionGrace = Double(hours) * 3600
        }
        if let minutes = try number("ROUNDS_SESSION_IDLE_MINUTES") { config.sessions.idleTimeout = Double(minutes) * 60 }
        if let hours = try number("ROUNDS_SESSION_MAX_HOURS") { config.sessions.absoluteTimeout = Double(hours) * 3600 }
        if let limit = try number("ROUNDS_SIGNIN_FAILURES_PER_ACCOUNT_AND_IP") {
            config.rateLimits.signInFailuresPerAccountAndIP.limit = limit
        }
        if let limit = try number("ROUNDS_SIGNIN_FAILURES_PER_ACCOUNT") {
            config.rateLimits.signInFailuresPerAccount.limit = limit
        }
        if let limit = try number("ROUNDS_SIGNIN_FAILURES_PER_DEVICE") {
            config.rateLimits.signInFailuresPerDevice.limit = limit
        }
        if let limit = try number("ROUNDS_SIGNIN_FAILURES_PER_IP") { config.rateLimits.signInFailuresPerIP.limit = limit }
        if let limit = try number("ROUNDS_SIGNUPS_PER_IP") { config.rateLimits.signUpsPerIP.limit = limit }
        if let limit = try number("ROUNDS_PASSWORD_RESETS_PER_IP") { config.rateLimits.passwordResetsPerIP.limit = limit }
        if let limit = try number("ROUNDS_BAD_LINKS_PER_IP") { config.rateLimits.badLinksPerIP.limit = limit }
        // Outbound HTTPS to a breached-password service is opt-in: many deployments allow none.
        if let url = string("ROUNDS_PWNED_PASSWORDS_URL") {
            config.security.pwnedPasswordsURL = url
        } else if let on = string("ROUNDS_PWNED_PASSWORDS"), ["1", "true", "yes", "on"].contains(on.lowercased()) {
            config.security.pwnedPasswordsURL = PwnedPasswordsRange.defaultBaseURL
        }
        config.mail.smtpHost = string("ROUNDS_SMTP_HOST")
        config.mail.smtpPort = try number("ROUNDS_SMTP_PORT") ?? config.mail.smtpPort
        config.mail.smtpUsername = string("ROUNDS_SMTP_USERNAME")
        config.mail.smtpPassword = string("ROUNDS_SMTP_PASSWORD")
        config.mail.from = string("ROUNDS_MAIL_FROM") ?? config.mail.from
        config.mail.smtpRequiresTLS = string("ROUNDS_SMTP_REQUIRE_TLS").map { ["1", "true", "yes"].contains($0.lowercased()) } ?? false
        config.mail.smtpCertificateAuthorityFile = string("ROUNDS_SMTP_CA_FILE")
        config.mail.smtpAllowsPlaintextAuthentication =
            string("ROUNDS_SMTP_ALLOW_PLAINTEXT_AUTH").map { ["1", "true", "yes"].contains($0.lowercased()) } ?? false
        config.preparesDevelopmentDatabase = environment == .development && config.database.isSQLite

        if environment == .production && config.server.publicURL == nil {
            throw ConfigurationError(
                variable: "ROUNDS_PUBLIC_URL",
                reason: "is required in production so links and cookies are right"
            )
        }
        return config
    }

    /// Lists each variable as set or unset (never its value), for diagnosing a failed boot.
    /// ROUNDS_LOG_FORMAT: read here for the configuration and by the log bootstrap, which runs first.
    static func logsJSON(_ raw: String?) throws -> Bool {
        switch raw?.trimmingCharacters(in: .whitespaces).lowercased() {
        case nil, "", "text": false
        case "json": true
        default: throw ConfigurationError(variable: "ROUNDS_LOG_FORMAT", reason: "must be text or json")
        }
    }

    static func describeVariables(_ values: [String: String] = ProcessInfo.processInfo.environment) -> String {
        variables.map { "\($0.name): \(values[$0.name] == nil ? "unset" : "set")" }.joined(separator: "\n")
    }
}

struct ConfigurationError: Error, CustomStringConvertible {
    var variable: String
    var reason: String
    var description: String { "\(self.variable) \(self.reason)" }
}
