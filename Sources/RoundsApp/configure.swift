import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import NIOSSL
import RoundsCore
import Vapor

/// Builds the app from a configuration. Tests call this with `AppConfig.testing()` and their own services.
public func configure(_ app: Application, config: AppConfig, services: AppServices? = nil) async throws {
    app.config = config
    // Every domain limit and list (rules.json): checked before anything reads one.
    try DomainRules.checkShipped()
    RoundsMetrics.bootstrap()
    app.services = try services ?? AppServices(
        clock: SystemClock(),
        passwordHasher: PasswordHashing(cost: config.security.bcryptCost),
        passwordPolicy: CommonPasswords.policy(year: Calendar.utc.component(.year, from: Date())),
        breachedPasswords: config.security.pwnedPasswordsURL.map { PwnedPasswordsRange(baseURL: $0, client: app.client) }
    )

    do {  // database
        switch config.database {
        case .sqliteFile(let path):
            app.databases.use(.singleConnectionSQLite(.file(path), sqlLogLevel: config.sqlLogLevel), as: .sqlite)
            app.lifecycle.use(SQLiteDurability())
        case .sqliteMemory:
            app.databases.use(.singleConnectionSQLite(.memory, sqlLogLevel: config.sqlLogLevel), as: .sqlite)
        case .postgres(let url):
            var postgres = try SQLPostgresConfiguration(url: url)
            postgres.searchPath = nil
            app.databases.use(.postgres(configuration: postgres, sqlLogLevel: config.sqlLogLevel), as: .psql)
        }
        Migrations.register(on: app)
    }

    do {  // server
        // Our own HTTP/1.1 server in front of Vapor's responder: it answers unreadable requests (414,
        // 431, 400) where Vapor's closes the connection without a word.
        app.servers.use(.rounds)
        app.http.server.configuration.hostname = config.server.hostname
        app.http.server.configuration.port = config.server.port
        if let certificate = config.server.tlsCertificateFile, let key = config.server.tlsKeyFile {
            app.http.server.configuration.tlsConfiguration = .makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
            )
        }
        app.routes.defaultMaxBodySize = "64kb"
        // Vapor's content coders are process-wide; every app sets the same one, so repeats are harmless.
        ContentConfiguration.global.use(decoder: GuardedFormDataDecoder(), for: .formData)
        ContentConfiguration.global.use(decoder: NULRefusingDecoder.json(), for: .json)
        ContentConfiguration.global.use(decoder: NULRefusingDecoder.form(), for: .urlEncodedForm)
    }

    do {  // middleware, outermost first
        app.middleware = Middlewares()
        // Headers first, so error pages get them too.
        app.middleware.use(SecurityHeadersMiddleware(isBehindTLS: config.server.isBehindTLS))
        // Errors next: everything below is rendered as a clean HTML or JSON answer with a request id.
        app.middleware.use(RoundsErrorMiddleware())
        // Refusals the server made before routing (a body over the limit) are thrown here, inside the chain.
        app.middleware.use(ServerRefusalMiddleware())
        // Logs method and path (or, as JSON, the route pattern) only, never query strings (links carry tokens there).
        if config.logsJSON {
            app.middleware.use(RequestLogMiddleware())
        } else {
            app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
        }
        app.middleware.use(FlashMiddleware(isSecure: config.server.isBehindTLS))
        // CSRF before sessions: a forged form is refused without touching the session table.
        app.middleware.use(
            CSRFMiddleware(isSecure: config.server.isBehindTLS, trustedOrigin: config.server.publicURL.map(origin(of:)))
        )
        app.middleware.use(
            SessionAuthenticator(
                cookie: SessionCookie(isSecure: config.server.isBehindTLS),
                idleTimeout: config.sessions.idleTimeout,
                absoluteTimeout: config.sessions.absoluteTimeout
            )
        )
        // After sign-in is known: roles that see others' data must set up two-factor sign-in first.
        app.middleware.use(TwoFactorRequired())
        app.middleware.use(UnreadNotificationsMiddleware())
    }

    app.catalogSearch = CatalogSearchService(
        recheckInterval: config.catalogRecheckInterval, snapshotFile: config.searchSnapshotPath.map(CatalogSnapshotFile.init(path:)), logger: app.logger
    ) { [unowned app] in app.db }
    // Checked at boot, like the stylesheet: distance search needs the bundled ZIP centroids.
    guard ZIPCodes.directory.count > 40_000 else { throw ResourceMissing(name: "data/us-zipcodes.csv") }
    // Season dates, fees, signals and plan rules: a malformed file stops start-up, naming itself.
    app.residency = try ResidencyReference.shipped.get()
    try routes(app, assets: SiteAssets.load())
    app.routeTable = RouteTable(app.routes.all)

    do {  // commands
        app.asyncCommands.use(SeedCommand(), as: "seed")
        app.asyncCommands.use(BackupCommand(), as: "backup")
        app.asyncCommands.use(ImportCommand(), as: "import")
        app.asyncCommands.use(ExportCommand(), as: "export")
        app.asyncCommands.use(DocumentsCommand(), as: "documents")
    }

    if config.preparesDevelopmentDatabase {
        app.lifecycle.use(DevelopmentDatabase())
    }
    app.lifecycle.use(OutboxWorker())
    app.lifecycle.use(ApplicationSweepWorker.make())
    app.lifecycle.use(ResidencyReminderWorker.make())
    app.lifecycle.use(AccountDeletionWorker.make())
    app.lifecycle.use(MessageDigestWorker.make())
    app.lifecycle.use(SavedSearchAlertWorker.make())
}

/// `scheme://host[:port]` of a URL, as browsers send it in the Origin header.
func origin(of url: String) -> String {
    guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else {
        return url
    }
    return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
}
