import Foundation
import Vapor

/// Everything Rounds reads from its environment, read once in `AppConfig.load` and passed on.
/// Every value has a working development default; production refuses to boot without its secrets.
public struct AppConfig: Sendable {
    public enum DatabaseLocation: Sendable, Equatable {
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(url: String)

        var isSQLite: Bool {
            if case .postgres = self { return false }
            return true
        }
    }

    public struct Server: Sendable {
        public var hostname = "127.0.0.1"
        public var port = 8080
        /// The URL people use to reach Rounds, e.g. `https://rounds.example.org`; links in e-mails start with it.
        public var publicURL: String?
        /// PEM certificate chain and private key for serving HTTPS directly, without a proxy in front.
        public var tlsCertificateFile: String?
        public var tlsKeyFile: String?

        /// True when Rounds serves HTTPS itself.
        public var servesTLS: Bool { self.tlsCertificateFile != nil && self.tlsKeyFile != nil }

        /// True when Rounds is told it is served over TLS, which turns on Secure cookies and HSTS.
        public var isBehindTLS: Bool { self.servesTLS || (self.publicURL?.lowercased().hasPrefix("https://") ?? false) }

        /// The bearer token `/metrics` asks for; nil turns `/metrics` off.
        public var metricsToken: String?

        /// The origin links are built from.
        public var origin: String { self.publicURL ?? "\(self.servesTLS ? "https" : "http")://\(self.hostname):\(self.port)" }
    }

    public struct Sessions: Sendable {
        public var idleTimeout: TimeInterval = 30 * 60
        public var absoluteTimeout: TimeInterval = 12 * 60 * 60
    }

    public struct RateLimits: Sendable {
        /// Wrong passwords for one account from one address (one browser or script, as far as we can tell).
        public var signInFailuresPerAccountAndIP = RateLimit(limit: 5, window: 15 * 60)
        /// Wrong passwords for one account from all addresses without a trusted-device cookie together: a short
        /// window, so a stranger who knows an e-mail address slows its sign-in down but cannot lock it.
        public var signInFailuresPerAccount = RateLimit(limit: 10, window: 60)
        /// Wrong passwords from one browser that signed in to the account before (its device cookie).
        public var signInFailuresPerDevice = RateLimit(limit: 10, window: 15 * 60)
        public var signInFailuresPerIP = RateLimit(limit: 50, window: 15 * 60)
        /// Wrong second-factor codes for one account (reached only with its password).
        public var twoFactorFailuresPerAccount = RateLimit(limit: 5, window: 15 * 60)
        public var signUpsPerIP = RateLimit(limit: 10, window: 60 * 60)
        public var passwordResetsPerIP = RateLimit(limit: 5, window: 60 * 60)
        /// Data exports per account: each builds a ZIP of everything the account holds.
        public var dataExportsPerAccount = RateLimit(limit: 5, window: 60 * 60)
        /// Wrong or expired single-use links (password reset now; verification and letter links later).
        public var badLinksPerIP = RateLimit(limit: 20, window: 15 * 60)
    }

    public struct Security: Sendable {
        /// Bcrypt work factor; ASVS asks for at least 10, we use 12. Tests lower it to keep the suite fast.
        public var bcryptCost = 12
        /// Base URL of a Pwned Passwords range API to check new passwords against; nil asks nobody.
        public var pwnedPasswordsURL: String?
    }

    public struct Mail: Sendable {
        public var from = "Rounds <no-reply@rounds.invalid>"
        public var smtpHost: String?
        public var smtpPort = 587
        public var smtpUsername: String?
        public var smtpPassword: String?
        public var smtpRequiresTLS = false
        public var smtpCertificateAuthorityFile: String?
        /// Send credentials to a server on this machine without TLS (a local test server); ignored otherwise.
        public var smtpAllowsPlaintextAuthentication = false

        /// The SMTP client's settings, when a server is configured.
        var smtp: SMTPClient.Configuration? {
            guard let host = self.smtpHost else { return nil }
            return SMTPClient.Configuration(
                host: host,
                port: self.smtpPort,
                username: self.smtpUsername,
                password: self.smtpPassword,
                requiresTLS: self.smtpRequiresTLS,
                certificateAuthorityFile: self.smtpCertificateAuthorityFile,
                allowsPlaintextAuthentication: self.smtpAllowsPlaintextAuthentication
            )
        }
    }

    public var database: DatabaseLocation
    public var server = Server()
    public var sessions = Sessions()
    public var rateLimits = RateLimits()
    public var security = Security()
    public var mail = Mail()
    /// How often an instance checks whether the catalog changed and applies the changes to its search index
    /// (one small query, made only when searches come in).
    public var catalogRecheckInterval: Duration = .milliseconds(250)
    /// Where this instance keeps the search index's documents between runs (nil: it reads the whole catalog
    /// from the database at every start). Used only when the database's change log proves it current.
    public var searchSnapshotPath: String?
    /// Where uploaded files live, outside the web root and shared by every instance.
    public var storageDirectory = "storage"
    /// Where uploaded files' bytes are kept: the storage directory (default) or the database.
    public var documentStore = DocumentStoreKind.directory
    /// One JSON line per request (and JSON log records) instead of the console's text lines.
    public var logsJSON = false
    /// The largest document an applicant may upload.
    public var uploadMaximumBytes = 10 * 1_024 * 1_024
    /// The largest upload request: the file plus room for the multipart envelope and form fields.
    public var uploadRequestMaximumBytes: Int { self.uploadMaximumBytes + 64 * 1_024 }
    /// How often each instance expires offers whose time ran out.
    public var offerSweepInterval: Duration = .seconds(60)
    /// How often each instance looks for residency reminders and digests to send.
    public var reminderSweepInterval: Duration = .seconds(300)
    /// How long an account waits between its owner asking for deletion and the deletion; signing in
    /// before then cancels it. Rounds' own policy (no official rule), stated on the page.
    public var accountDeletionGrace: TimeInterval = 14 * 24 * 3600
    /// Migrate and load demo data at start-up; only for the development SQLite database.
    public var preparesDevelopmentDatabase = false
    /// The level SQL statements are logged at. Trace keeps them (and their bound values) out of every
    /// log that is not explicitly asked for at trace level.
    public var sqlLogLevel: Logger.Level = .trace

    public init(database: DatabaseLocation) {
        self.database = database
    }

    /// The configuration for one test: its own in-memory database, cheap password hashing.
    public static func testing(database: DatabaseLocation = .sqliteMemory) -> AppConfig {
        var config = AppConfig(database: database)
        config.security.bcryptCost = 4
        config.catalogRecheckInterval = .zero
        config.storageDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rounds-test-\(UUID().uuidString)").path
        return config
    }
}

/// A fixed-window limit: at most `limit` events per `window` seconds.
public struct RateLimit: Sendable, Equatable {
    public var limit: Int
    public var window: TimeInterval

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }
}
