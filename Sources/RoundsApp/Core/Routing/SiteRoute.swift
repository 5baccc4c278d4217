import RoundsCore

/// Every page and form target of the site. Controllers register these and views link with them, so each
/// path is written once, here. A parameter is `.key` when registering and a typed value when linking.
enum SiteRoute: RouteAddress {
    case home, healthz, readyz, metrics, stylesheet, favicon, script

    // Accounts
    case signUp, signIn, signOut, signInTwoFactor, forgotPassword, resetPassword
    case account, changePassword, tokens, revokeToken(APITokenID?)
    case twoFactor, enableTwoFactor, disableTwoFactor, recoveryCodes
    case profile, notifications, readNotifications
    case accountName, accountEmail, endSession(UserSessionID?), endOtherSessions
    case accountData, accountExport, accountDeletion
    case applicationMessages(ApplicationID?), reportMessage(MessageID?), messageAttachment(MessageID?), messageEmail, adminReports, resolveReport(MessageReportID?)
    case questions(OpportunityID?, UserID?), hostQuestions, questionSetting(OpportunityID?)
    case reportListing(OpportunityID?), adminListingReports, resolveListingReport(ListingReportID?)
    case savedSearches, savedSearch(SavedSearchID?), deleteSavedSearch(SavedSearchID?)
    case favourites, favourite(OpportunityID?)
    /// The one-click link of an alert e-mail; the token travels in the query, which logs never record.
    case searchAlertUnsubscribe
    /// The new address's confirmation link; the token travels in the query, which logs never record.
    case confirmEmailChange

    // Catalog
    case opportunities, opportunity(OpportunityID?)
    case hostSites, newSite, newOpportunity(site: SiteID?), createOpportunity(site: SiteID?)
    case hostOpportunity(OpportunityID?), editOpportunity(OpportunityID?), publishOpportunity(OpportunityID?)
    case archiveOpportunity(OpportunityID?), addSession(OpportunityID?), deleteSession(SessionID?)
    case adminSites, verifySite(SiteID?), reviewSite(SiteID?, SiteReviewAction?), resubmitSite(SiteID?), adminAudit
    case adminUsers, adminUser(UserID?), adminUserRoles(UserID?), adminUserDisable(UserID?), adminUserEnable(UserID?), adminUserSignOut(UserID?)

    // Documents and applications
    case documents, document(DocumentID?), deleteDocument(DocumentID?)
    case apply(session: SessionID?), applications, application(ApplicationID?), editApplication(ApplicationID?)
    case applicationAction(ApplicationID?, ApplicationAction?)
    case hostApplications, hostBulkReject

    // Placement cycles
    case cycles, placementCycle(CycleID?), cycleList(CycleID?), cyclePairs(CycleID?), confirmPartner(CycleID?)
    case advisorCycles, advisorCycle(CycleID?), runCycle(CycleID?), publishCycle(CycleID?)
    case hostCycleSession(CycleID?, SessionID?)

    // Letters
    case letters, letter(LetterID?), letterFile(LetterID?), remindLetter(LetterID?), revokeLetter(LetterID?)
    case assignLetter(LetterID?), unassignLetter(LetterID?, program: ProgramID?), applyWithLetters(LetterID?, program: ProgramID?)
    /// The writer's page; the token travels in the query, which logs never record.
    case letterLink, letterLinkUpload, letterLinkDecline
    case reviewerPrograms, reviewerProgram(ProgramID?), reviewerLetterFile(program: ProgramID?, letter: LetterID?)
    case adminPrograms, adminProgramReviewers(ProgramID?), adminLetterReads

    // Portfolio
    case portfolio, portfolioGoals, deleteGoal(GoalID?)
    case newExperience, experiences, experience(ExperienceID?), deleteExperience(ExperienceID?)
    case experienceLogs(ExperienceID?), deleteHourLog(ExperienceID?, HourLogID?), experienceVerification(ExperienceID?)
    case experienceProcedures(ExperienceID?), experienceExports(ExperienceID?)
    case portfolioExport(PortfolioExport.Format?), portfolioExportCSV(PortfolioExport.Format?)
    /// The supervisor's page; the token travels in the query.
    case verifyExperience
    case evaluatePlacement(ApplicationID?)

    // Residency planner
    case residency, residencySettings, residencyTask(PlanTaskKind?)
    case residencyPrograms, residencyProgram(ResidencyProgramID?), deleteResidencyProgram(ResidencyProgramID?)
    /// The calendar feed; its secret travels in the query, which logs never record.
    case residencyCalendar, residencyCalendarFeed
    case adminSeason
    case residencyDirectory, residencyDirectoryProgram(DirectoryProgramID?), addDirectoryProgram(DirectoryProgramID?)
    case adminDirectory, adminDirectoryImport, adminDirectoryExport, adminDirectoryNew, adminDirectoryProgram(DirectoryProgramID?)
    case visaPaths, researchPrograms

    // Guides
    case guides, guidesFeed, newGuide, manageGuides, guide(GuideSlug?), editGuide(GuideSlug?), deleteGuide(GuideSlug?)

    // Newsletter
    /// The confirmation and unsubscribe links carry their token in the query, which logs never record.
    case newsletter, newsletterConfirm, newsletterUnsubscribe, newsletterIssues, newsletterIssue(NewsletterIssueID?)
    case adminNewsletter, adminNewsletterNew, adminNewsletterIssue(NewsletterIssueID?), adminNewsletterSend(NewsletterIssueID?)
    // Advising
    case statements, statement(StatementID?), statementVersions(StatementID?), statementDiff(StatementID?)
    case reviews, review(ReviewID?), reviewComments(ReviewID?), deleteReviewComment(ReviewID?, ReviewCommentID?)
    case reviewAction(ReviewID?, ReviewAction?), reviewDecisions(ReviewID?)
    case advisingSessions, bookSlot(AdvisorSlotID?), cancelBooking(AdvisorSlotID?), advisorSlots, cancelSlot(AdvisorSlotID?)
    /// The advisor's calendar feed; its secret travels in the query, which logs never record.
    case advisorCalendar, advisorCalendarFeed

    case rankList, rankListMove, rankListSupplemental, rankListCertify, rankListCSV, rankListSimulation
    case rankListAdvisors, deleteRankListShare(RankListShareID?), advisorRankLists, advisorRankList(RankListShareID?)
    case coupleRankList, coupleConfirm, coupleLeave, couplePairs, couplePairsMove, coupleCertify

    var pieces: [PathPiece] {
        switch self {
        case .home: []
        case .healthz: ["healthz"]
        case .readyz: ["readyz"]
        case .metrics: ["metrics"]
        case .stylesheet: ["assets", "rounds.css"]
        case .favicon: ["assets", "favicon.svg"]
        case .script: ["assets", "rounds.js"]

        case .signUp: ["sign-up"]
        case .signIn: ["sign-in"]
        case .signOut: ["sign-out"]
        case .signInTwoFactor: ["sign-in", "two-factor"]
        case .forgotPassword: ["password", "forgot"]
        case .resetPassword: ["password", "reset"]
        case .account: ["account"]
        case .changePassword: ["account", "password"]
        case .tokens: ["account", "tokens"]
        case .revokeToken(let id): ["account", "tokens", .id(id), "revoke"]
        case .twoFactor: ["account", "two-factor"]
        case .enableTwoFactor: ["account", "two-factor", "enable"]
        case .disableTwoFactor: ["account", "two-factor", "disable"]
        case .recoveryCodes: ["account", "two-factor", "recovery-codes"]
        case .accountName: ["account", "name"]
        case .accountEmail: ["account", "email"]
        case .confirmEmailChange: ["account", "email", "confirm"]
        case .endSession(let id): ["account", "sessions", .id(id), "end"]
        case .endOtherSessions: ["account", "sessions", "end-others"]
        case .accountData: ["account", "data"]
        case .accountExport: ["account", "data", "export"]
        case .accountDeletion: ["account", "data", "delete"]
        case .applicationMessages(let id): ["applications", .id(id), "messages"]
        case .reportMessage(let id): ["messages", .id(id), "report"]
        case .messageAttachment(let id): ["messages", .id(id), "attachment"]
        case .messageEmail: ["account", "message-email"]
        case .adminReports: ["admin", "reports"]
        case .resolveReport(let id): ["admin", "reports", .id(id), "resolve"]
        case .questions(let opportunity, let applicant): ["opportunities", .id(opportunity), "questions", .id(applicant)]
        case .hostQuestions: ["host", "questions"]
        case .questionSetting(let id): ["host", "opportunities", .id(id), "questions"]
        case .reportListing(let id): ["opportunities", .id(id), "reports"]
        case .adminListingReports: ["admin", "listing-reports"]
        case .savedSearches: ["account", "searches"]
        case .favourites: ["account", "favourites"]
        case .favourite(let id): ["opportunities", .id(id), "favourite"]
        case .savedSearch(let id): ["account", "searches", .id(id)]
        case .deleteSavedSearch(let id): ["account", "searches", .id(id), "delete"]
        case .searchAlertUnsubscribe: ["searches", "unsubscribe"]
        case .resolveListingReport(let id): ["admin", "listing-reports", .id(id), "resolve"]
        case .profile: ["profile"]
        case .notifications: ["notifications"]
        case .readNotifications: ["notifications", "read"]

        case .opportunities: ["opportunities"]
        case .opportunity(let id): ["opportunities", .id(id)]
        case .hostSites: ["host", "sites"]
        case .newSite: ["host", "sites", "new"]
        case .newOpportunity(let site): ["host", "sites", .id(site), "opportunities", "new"]
        case .createOpportunity(let site): ["host", "sites", .id(site), "opportunities"]
        case .hostOpportunity(let id): ["host", "opportunities", .id(id)]
        case .editOpportunity(let id): ["host", "opportunities", .id(id), "edit"]
        case .publishOpportunity(let id): ["host", "opportunities", .id(id), "publish"]
        case .archiveOpportunity(let id): ["host", "opportunities", .id(id), "archive"]
        case .addSession(let id): ["host", "opportunities", .id(id), "sessions"]
        case .deleteSession(let id): ["host", "sessions", .id(id), "delete"]
        case .adminSites: ["admin", "sites"]
        case .verifySite(let id): ["admin", "sites", .id(id), "verify"]
        case .reviewSite(let id, let action): ["admin", "sites", .id(id), "review", .id(action)]
        case .resubmitSite(let id): ["host", "sites", .id(id), "resubmit"]
        case .adminAudit: ["admin", "audit"]
        case .adminUsers: ["admin", "users"]
        case .adminUser(let id): ["admin", "users", .id(id)]
        case .adminUserRoles(let id): ["admin", "users", .id(id), "roles"]
        case .adminUserDisable(let id): ["admin", "users", .id(id), "disable"]
        case .adminUserEnable(let id): ["admin", "users", .id(id), "enable"]
        case .adminUserSignOut(let id): ["admin", "users", .id(id), "sign-out"]

        case .documents: ["documents"]
        case .document(let id): ["documents", .id(id)]
        case .deleteDocument(let id): ["documents", .id(id), "delete"]
        case .apply(let session): ["sessions", .id(session), "apply"]
        case .applications: ["applications"]
        case .application(let id): ["applications", .id(id)]
        case .editApplication(let id): ["applications", .id(id), "edit"]
        case .applicationAction(let id, let action): ["applications", .id(id), "actions", .id(action)]
        case .hostApplications: ["host", "applications"]
        case .hostBulkReject: ["host", "applications", "reject"]

        case .cycles: ["cycles"]
        case .placementCycle(let id): ["cycles", .id(id)]
        case .cycleList(let id): ["cycles", .id(id), "list"]
        case .cyclePairs(let id): ["cycles", .id(id), "pairs"]
        case .confirmPartner(let id): ["cycles", .id(id), "partner", "confirm"]
        case .advisorCycles: ["advisor", "cycles"]
        case .advisorCycle(let id): ["advisor", "cycles", .id(id)]
        case .runCycle(let id): ["advisor", "cycles", .id(id), "run"]
        case .publishCycle(let id): ["advisor", "cycles", .id(id), "publish"]
        case .hostCycleSession(let cycle, let session): ["host", "cycles", .id(cycle), "sessions", .id(session)]

        case .letters: ["letters"]
        case .letter(let id): ["letters", .id(id)]
        case .letterFile(let id): ["letters", .id(id), "file"]
        case .remindLetter(let id): ["letters", .id(id), "remind"]
        case .revokeLetter(let id): ["letters", .id(id), "revoke"]
        case .assignLetter(let id): ["letters", .id(id), "assign"]
        case .unassignLetter(let id, let program): ["letters", .id(id), "assignments", .id(program), "delete"]
        case .applyWithLetters(let id, let program): ["letters", .id(id), "assignments", .id(program), "apply"]
        case .letterLink: ["letter-link"]
        case .letterLinkUpload: ["letter-link", "upload"]
        case .letterLinkDecline: ["letter-link", "decline"]
        case .reviewerPrograms: ["reviewer", "programs"]
        case .reviewerProgram(let id): ["reviewer", "programs", .id(id)]
        case .reviewerLetterFile(let program, let letter): ["reviewer", "programs", .id(program), "letters", .id(letter)]
        case .adminPrograms: ["admin", "programs"]
        case .adminProgramReviewers(let id): ["admin", "programs", .id(id), "reviewers"]
        case .adminLetterReads: ["admin", "letter-reads"]

        case .portfolio: ["portfolio"]
        case .portfolioGoals: ["portfolio", "goals"]
        case .deleteGoal(let id): ["portfolio", "goals", .id(id), "delete"]
        case .newExperience: ["portfolio", "experiences", "new"]
        case .experiences: ["portfolio", "experiences"]
        case .experience(let id): ["portfolio", "experiences", .id(id)]
        case .deleteExperience(let id): ["portfolio", "experiences", .id(id), "delete"]
        case .experienceLogs(let id): ["portfolio", "experiences", .id(id), "logs"]
        case .deleteHourLog(let id, let log): ["portfolio", "experiences", .id(id), "logs", .id(log), "delete"]
        case .experienceVerification(let id): ["portfolio", "experiences", .id(id), "verification"]
        case .experienceProcedures(let id): ["portfolio", "experiences", .id(id), "procedures"]
        case .experienceExports(let id): ["portfolio", "experiences", .id(id), "exports"]
        case .portfolioExport(let format): ["portfolio", "export", .id(format)]
        case .portfolioExportCSV(let format): ["portfolio", "export", .id(format), "csv"]
        case .verifyExperience: ["verify-experience"]
        case .evaluatePlacement(let id): ["host", "applications", .id(id), "evaluation"]

        case .residency: ["residency"]
        case .residencySettings: ["residency", "settings"]
        case .residencyTask(let task): ["residency", "tasks", .id(task)]
        case .residencyPrograms: ["residency", "programs"]
        case .residencyProgram(let id): ["residency", "programs", .id(id)]
        case .deleteResidencyProgram(let id): ["residency", "programs", .id(id), "delete"]
        case .residencyCalendar: ["residency", "calendar"]
        case .residencyCalendarFeed: ["residency", "calendar.ics"]
        case .adminSeason: ["admin", "season"]
        case .residencyDirectory: ["residency", "directory"]
        case .residencyDirectoryProgram(let id): ["residency", "directory", .id(id)]
        case .addDirectoryProgram(let id): ["residency", "directory", .id(id), "add"]
        case .adminDirectory: ["admin", "directory"]
        case .adminDirectoryImport: ["admin", "directory", "import"]
        case .adminDirectoryExport: ["admin", "directory.csv"]
        case .adminDirectoryNew: ["admin", "directory", "new"]
        case .adminDirectoryProgram(let id): ["admin", "directory", .id(id)]
        case .rankList: ["residency", "rank-list"]
        case .rankListMove: ["residency", "rank-list", "move"]
        case .rankListSupplemental: ["residency", "rank-list", "supplemental"]
        case .rankListCertify: ["residency", "rank-list", "certify"]
        case .rankListCSV: ["residency", "rank-list.csv"]
        case .rankListSimulation: ["residency", "rank-list", "simulation"]
        case .rankListAdvisors: ["residency", "rank-list", "advisors"]
        case .coupleRankList: ["residency", "rank-list", "couple"]
        case .coupleConfirm: ["residency", "rank-list", "couple", "confirm"]
        case .coupleLeave: ["residency", "rank-list", "couple", "leave"]
        case .couplePairs: ["residency", "rank-list", "couple", "pairs"]
        case .couplePairsMove: ["residency", "rank-list", "couple", "pairs", "move"]
        case .coupleCertify: ["residency", "rank-list", "couple", "certify"]
        case .deleteRankListShare(let id): ["residency", "rank-list", "advisors", .id(id), "delete"]
        case .advisorRankLists: ["advisor", "rank-lists"]
        case .advisorRankList(let id): ["advisor", "rank-lists", .id(id)]
        case .visaPaths: ["visa-paths"]
        case .researchPrograms: ["research-programs"]

        case .guides: ["guides"]
        case .guidesFeed: ["guides.atom"]
        case .newGuide: ["guides", "new"]
        case .manageGuides: ["guides", "manage"]
        case .guide(let slug): ["guides", .id(slug)]
        case .editGuide(let slug): ["guides", .id(slug), "edit"]
        case .deleteGuide(let slug): ["guides", .id(slug), "delete"]

        case .newsletter: ["newsletter"]
        case .newsletterConfirm: ["newsletter", "confirm"]
        case .newsletterUnsubscribe: ["newsletter", "unsubscribe"]
        case .newsletterIssues: ["newsletter", "issues"]
        case .newsletterIssue(let id): ["newsletter", "issues", .id(id)]
        case .adminNewsletter: ["admin", "newsletter"]
        case .adminNewsletterNew: ["admin", "newsletter", "new"]
        case .adminNewsletterIssue(let id): ["admin", "newsletter", .id(id)]
        case .adminNewsletterSend(let id): ["admin", "newsletter", .id(id), "send"]

        case .statements: ["statements"]
        case .statement(let id): ["statements", .id(id)]
        case .statementVersions(let id): ["statements", .id(id), "versions"]
        case .statementDiff(let id): ["statements", .id(id), "diff"]
        case .reviews: ["reviews"]
        case .review(let id): ["reviews", .id(id)]
        case .reviewComments(let id): ["reviews", .id(id), "comments"]
        case .deleteReviewComment(let id, let comment): ["reviews", .id(id), "comments", .id(comment), "delete"]
        case .reviewAction(let id, let action): ["reviews", .id(id), "actions", .id(action)]
        case .reviewDecisions(let id): ["reviews", .id(id), "decisions"]
        case .advisingSessions: ["advising", "sessions"]
        case .bookSlot(let id): ["advising", "slots", .id(id), "book"]
        case .cancelBooking(let id): ["advising", "slots", .id(id), "cancel-booking"]
        case .advisorSlots: ["advisor", "slots"]
        case .cancelSlot(let id): ["advisor", "slots", .id(id), "cancel"]
        case .advisorCalendar: ["advisor", "calendar"]
        case .advisorCalendarFeed: ["advisor", "calendar.ics"]
        }
    }
}
