import Fluent
import RoundsCore
import Vapor

/// Fictional accounts for trying Rounds locally. Loaded on the first start of the development database
/// and by `rounds seed`; loading twice changes nothing.
enum DemoData {
    /// Passes the password policy; printed at start-up. Never used outside demo databases.
    static let password = "rounds-demo-password"

    static let accounts: [(email: String, name: String, roles: Set<Role>)] = [
        ("applicant@rounds.test", "Amara Okafor", [.applicant]),
        ("premed@rounds.test", "Jordan Lee", [.applicant]),
        ("host@rounds.test", "Dr. Elena Marsh", [.host]),
        ("advisor@rounds.test", "Priya Raman", [.advisor]),
        ("admin@rounds.test", "Sam Ortiz", [.admin, .advisor]),
    ]

    /// Loads what is missing; returns how many accounts were created.
    @discardableResult
    static func load(on db: any Database, hasher: PasswordHashing, now: Date) async throws -> Int {
        let hash = try await hasher.hash(password)
        let created = try await db.transaction { db in
            var created = 0
            for account in accounts where try await User.find(email: account.email, on: db) == nil {
                let user = User(email: account.email, displayName: account.name, passwordHash: hash, roles: account.roles)
                try await user.create(on: db)
                created += 1
                if let profile = profiles[account.email] {
                    let stored = ApplicantProfile(userID: try user.requireID())
                    stored.apply(profile(Calendar.utc.component(.year, from: now)))
                    try await stored.create(on: db)
                }
            }
            return created
        }
        if let host = try await User.find(email: "host@rounds.test", on: db) {
            try await CatalogDemoData.load(hostID: try host.requireID(), on: db, today: Day(now))
        }
        return created
    }

    private static let profiles: [String: @Sendable (Int) -> ApplicantProfileInput] = [
        "applicant@rounds.test": { year in
            ApplicantProfileInput(
                track: .imgGraduate,
                medicalSchool: "University of Lagos College of Medicine",
                schoolCountry: "Nigeria",
                graduationYear: year - 2,
                step1: .passed,
                step2CKScore: 248,
                ecfmgStatus: .certified,
                visaStatus: .b1b2,
                specialtyIDs: ["internal-medicine", "internal-medicine-pediatrics"],
                targetMatchYear: year + 1
            )
        },
        "premed@rounds.test": { year in
            ApplicantProfileInput(
                track: .preMed,
                medicalSchool: "State University (B.S. Biology)",
                schoolCountry: "United States",
                graduationYear: year + 1,
                visaStatus: .usCitizen,
                specialtyIDs: ["emergency-medicine"]
            )
        },
    ]

    /// Each feature's demo data, after the accounts; each loader skips what is there.
    static func loadFeatures(_ app: Application) async throws {
        try await ApplicationDemoData.load(app)
        try await LetterDemoData.load(app)
        try await PortfolioDemoData.load(app)
        try await DirectoryDemoData.load(app)
        try await ResidencyDemoData.load(app)
        try await GuideDemoData.load(app)
        try await AdvisingDemoData.load(app)
    }

    static var loginSummary: String {
        (["Demo accounts (password: \(password)):"] + accounts.map { "  \($0.email)  \($0.roles.sorted().map(\.rawValue).joined(separator: ", "))" })
            .joined(separator: "\n")
    }
}

/// `rounds seed`: loads the demo data into the configured database.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Loads fictional demo accounts and data (skips what is already there)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let created = try await DemoData.load(
            on: app.db,
            hasher: app.services.passwordHasher,
            now: app.services.clock.now()
        )
        try await DemoData.loadFeatures(app)
        context.console.print("Created \(created) demo account(s).")
        context.console.print(DemoData.loginSummary)
    }
}

/// On the development SQLite database, `rounds` (serve) migrates and loads demo data on first start.
struct DevelopmentDatabase: LifecycleHandler {
    func willBootAsync(_ application: Application) async throws {
        guard application.isServing else { return }
        try await application.autoMigrate()
        let isFirstStart = try await User.query(on: application.db).count() == 0
        if isFirstStart {
            try await DemoData.load(
                on: application.db,
                hasher: application.services.passwordHasher,
                now: application.services.clock.now()
            )
            try await DemoData.loadFeatures(application)
        }
        application.logger.notice(
            "Rounds is starting at http://\(application.config.server.hostname):\(application.config.server.port)"
        )
        print(DemoData.loginSummary)
    }
}
