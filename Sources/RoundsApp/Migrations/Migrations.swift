import Fluent
import Vapor

/// The only place migrations are registered. History is append-only: never edit a batch that is on main.
enum Migrations {
    static func register(on app: Application) {
        do {  // 0001: accounts, sessions, API tokens, profiles, outbox, rate limits
            app.migrations.add(CreateUser())
            app.migrations.add(CreateUserSession())
            app.migrations.add(CreateAPIToken())
            app.migrations.add(CreatePasswordReset())
            app.migrations.add(CreateApplicantProfile())
            app.migrations.add(CreateOutboxMessage())
            app.migrations.add(CreateRateLimitCounter())
        }
        do {  // 0002: two-factor sign-in (TOTP), recovery codes, sign-ins waiting for their second factor
            app.migrations.add(AddTwoFactorToUser())
            app.migrations.add(CreateRecoveryCode())
            app.migrations.add(CreatePendingSignIn())
        }
        do {  // 0003: catalog: sites, opportunities, sessions, and the version counter for search indexes
            app.migrations.add(CreateSite())
            app.migrations.add(CreateOpportunity())
            app.migrations.add(CreateOpportunitySession())
            app.migrations.add(CreateCatalogVersion())
        }
        do {  // 0004: document vault, applications with their events, seats taken, notifications
            app.migrations.add(CreateDocument())
            app.migrations.add(AddSeatsTakenToSession())
            app.migrations.add(CreateApplication())
            app.migrations.add(CreateNotification())
        }
        do {  // 0005: placement cycles decided by the match engine
            app.migrations.add(CreatePlacementCycle())
        }
        do {  // 0006: letters of recommendation, the programs they are assigned to, and who read them
            app.migrations.add(CreateLetters())
        }
        do {  // 0007: portfolio: experiences, periods, hour logs, goals, verifications, evaluations, procedures
            app.migrations.add(CreatePortfolio())
        }
        do {  // 0008: browsers trusted for sign-in (device cookies), so strangers' guesses cannot lock an owner out
            app.migrations.add(CreateTrustedDevice())
        }
        do {  // 0009: listings nobody could lawfully join (visitors on hands-on care) back to draft, hosts told why
            app.migrations.add(UnpublishUnlawfulVisaListings())
        }
        do {  // 0010: the residency planner: program lists, ticked plan tasks, planner settings
            app.migrations.add(CreateResidencyPlanner())
        }
        do {  // 0011: ERAS frequency of participation and key characteristic on experiences; exams on profiles
            app.migrations.add(AddERASParticipation())
            app.migrations.add(AddExamRecord())
        }
        do {  // 0012: the residency program directory with its screening facts and change log; rank order lists
            app.migrations.add(CreateProgramDirectory())
            app.migrations.add(AddRankOrderList())
        }
        do {  // 0013: supplemental rank order lists
            app.migrations.add(AddSupplementalLists())
        }
        do {  // 0014: guides in Markdown
            app.migrations.add(CreateGuides())
        }
        do {  // 0015: the newsletter, with double opt-in and one-click unsubscribe
            app.migrations.add(CreateNewsletter())
        }
        do {  // 0016: personal statements, reviews, advisor slots
            app.migrations.add(CreateAdvising())
        }
        do {  // 0017: changing one's e-mail address, confirmed from the new address
            app.migrations.add(CreateEmailChanges())
        }
        do {  // 0018: rejecting and suspending sites with a reason; the administrators' audit log
            app.migrations.add(AddSiteReviewsAndAudit())
        }
        do {  // 0019: disabled accounts
            app.migrations.add(AddUserDisabling())
        }
        do {  // 0020: uploaded files in the database, for instances that share no directory
            app.migrations.add(CreateStoredBytes())
        }
        do {  // 0021: deleting one's own account after a grace period
            app.migrations.add(AddAccountDeletion())
        }
        do {  // 0022: messages between applicants and hosts, reports, e-mail settings
            app.migrations.add(CreateMessages())
        }
        do {  // 0023: questions to a host before applying
            app.migrations.add(AddOpportunityQuestions())
        }
        do {  // 0024: reports of listings
            app.migrations.add(CreateListingReports())
        }
        do {  // 0025: couples' rank order lists
            app.migrations.add(CreateRankCouples())
        }
        do {  // 0026: NRMP program types on the program list
            app.migrations.add(AddProgramPositionType())
        }
        do {  // 0027: saved searches with e-mail alerts
            app.migrations.add(CreateSavedSearches())
        }
        do {  // 0028: favourite listings
            app.migrations.add(CreateFavourites())
        }
        do {  // 0029: the catalog's change log, so search indexes apply changes instead of rebuilding
            app.migrations.add(CreateCatalogChanges())
        }
        do {  // 0030: each partner's certification of a couple's rank order list
            app.migrations.add(CreateRankCoupleCertifications())
        }
        do {  // 0031: applications submitted with letters, which lock them (ERAS: replaceable until applied with)
            app.migrations.add(CreateProgramApplications())
        }
        do {  // 0032: programs, target specialties and statements on the residency specialty list
            app.migrations.add(MoveToResidencySpecialties())
        }
        do {  // 0033: an id for the database's catalog, so a search snapshot is only used on the database it came from
            app.migrations.add(AddCatalogEpoch())
        }
        do {  // 0034: indexes on the catalog's foreign keys (sessions of a listing, listings of a site, …)
            app.migrations.add(AddCatalogLookupIndexes())
        }
        do {  // 0035: indexes on every other foreign key (lookups by them, deletions of their parents)
            app.migrations.add(IndexForeignKeys())
        }
    }
}
