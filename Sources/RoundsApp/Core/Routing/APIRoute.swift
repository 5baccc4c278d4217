import RoundsCore

/// Every route of the JSON API under `/api/v1`, registered and documented (OpenAPI) from these pieces.
enum APIRoute: RouteAddress {
    case root, openAPI
    case tokens, token(APITokenID?), me, meExport, profile
    case opportunities, opportunity(OpportunityID?)
    case documents, document(DocumentID?)
    case applications, application(ApplicationID?), applicationAction(ApplicationID?, ApplicationAction?)
    case hostApplications, hostBulkReject, evaluation(ApplicationID?)
    case hostSites, hostSiteOpportunities(SiteID?), hostOpportunity(OpportunityID?), hostOpportunityStatus(OpportunityID?, ListingAction?)
    case hostOpportunitySessions(OpportunityID?), hostSession(SessionID?)
    case notifications, readNotifications

    case cycles, cycle(CycleID?), runCycle(CycleID?), publishCycle(CycleID?), cycleList(CycleID?), confirmPartner(CycleID?)
    case cycleSessionApplicants(CycleID?, SessionID?), cycleSessionList(CycleID?, SessionID?)

    case letters, letter(LetterID?), remindLetter(LetterID?), revokeLetter(LetterID?), letterFile(LetterID?)
    case letterAssignments(LetterID?), letterAssignment(LetterID?, program: ProgramID?), letterProgramApplication(LetterID?, program: ProgramID?)
    case letterLink, letterLinkUpload, letterLinkDecline
    case programs, programReviewers(ProgramID?), programLetters(ProgramID?), programLetter(ProgramID?, letter: LetterID?)
    case letterReads

    case portfolio, experiences, experience(ExperienceID?), experienceLogs(ExperienceID?), experienceLog(ExperienceID?, HourLogID?)
    case experienceVerification(ExperienceID?), experienceProcedures(ExperienceID?)
    case goals, goal(GoalID?), export(PortfolioExport.Format?), exportCSV(PortfolioExport.Format?)
    case verification

    case residencyCalendar, seasonCorrections
    case residencyPlan, residencySettings, residencyPrograms, residencyProgram(ResidencyProgramID?), residencyTask(PlanTaskKind?)
    case directory, directoryProgram(DirectoryProgramID?), addDirectoryProgram(DirectoryProgramID?)
    case rankList, rankListSupplemental, rankListCertify, rankListCSV, rankListSimulation
    case rankListCouple, rankListCoupleConfirmation, rankListCouplePairs, rankListCoupleCertification
    case rankListAdvisors, rankListAdvisor(RankListShareID?), advisorRankLists, advisorRankList(RankListShareID?)
    case adminDirectory, adminDirectoryProgram(DirectoryProgramID?), adminDirectoryImport, adminDirectoryExport
    case guides, guide(GuideSlug?)
    case newsletterSubscriptions, newsletterIssues, newsletterIssue(NewsletterIssueID?)
    case adminNewsletter, adminNewsletterIssues, adminNewsletterIssue(NewsletterIssueID?), adminNewsletterSend(NewsletterIssueID?)
    case statements, statement(StatementID?), statementVersions(StatementID?), statementDiff(StatementID?)
    case reviews, review(ReviewID?), reviewComments(ReviewID?), reviewComment(ReviewID?, ReviewCommentID?)
    case reviewAction(ReviewID?, ReviewAction?), reviewDecisions(ReviewID?)
    case applicationMessages(ApplicationID?), messageReports(MessageID?), messageAttachment(MessageID?)
    case questions(OpportunityID?, UserID?), hostQuestions, hostQuestionSetting(OpportunityID?)
    case listingReports(OpportunityID?), adminListingReports, adminListingReportResolution(ListingReportID?)
    case savedSearches, savedSearch(SavedSearchID?), favourites, favourite(OpportunityID?)
    case adminUsers, adminUser(UserID?), adminUserRoles(UserID?), adminUserAction(UserID?, AdminUserAction?), adminAudit
    case adminSites, adminSiteReview(SiteID?, SiteReviewAction?), adminReports, adminReportResolution(MessageReportID?)
    case advisingSlots, slotBooking(AdvisorSlotID?), advisorSlots, cancelSlot(AdvisorSlotID?)

    var pieces: [PathPiece] { ["api", "v1"] + self.relativePieces }

    private var relativePieces: [PathPiece] {
        switch self {
        case .root: []
        case .openAPI: ["openapi.json"]
        case .tokens: ["tokens"]
        case .token(let id): ["tokens", .id(id)]
        case .me: ["me"]
        case .meExport: ["me", "export"]
        case .profile: ["profile"]
        case .opportunities: ["opportunities"]
        case .opportunity(let id): ["opportunities", .id(id)]
        case .documents: ["documents"]
        case .document(let id): ["documents", .id(id)]
        case .applications: ["applications"]
        case .application(let id): ["applications", .id(id)]
        case .applicationAction(let id, let action): ["applications", .id(id), "actions", .id(action)]
        case .hostApplications: ["host", "applications"]
        case .hostBulkReject: ["host", "applications", "reject"]
        case .evaluation(let id): ["applications", .id(id), "evaluation"]
        case .hostSites: ["host", "sites"]
        case .hostSiteOpportunities(let id): ["host", "sites", .id(id), "opportunities"]
        case .hostOpportunity(let id): ["host", "opportunities", .id(id)]
        case .hostOpportunityStatus(let id, let action): ["host", "opportunities", .id(id), "actions", .id(action)]
        case .hostOpportunitySessions(let id): ["host", "opportunities", .id(id), "sessions"]
        case .hostSession(let id): ["host", "sessions", .id(id)]
        case .notifications: ["notifications"]
        case .readNotifications: ["notifications", "read"]

        case .cycles: ["cycles"]
        case .cycle(let id): ["cycles", .id(id)]
        case .runCycle(let id): ["cycles", .id(id), "run"]
        case .publishCycle(let id): ["cycles", .id(id), "publish"]
        case .cycleList(let id): ["cycles", .id(id), "list"]
        case .confirmPartner(let id): ["cycles", .id(id), "partner", "confirm"]
        case .cycleSessionApplicants(let cycle, let session): ["cycles", .id(cycle), "sessions", .id(session), "applicants"]
        case .cycleSessionList(let cycle, let session): ["cycles", .id(cycle), "sessions", .id(session), "list"]

        case .letters: ["letters"]
        case .letter(let id): ["letters", .id(id)]
        case .remindLetter(let id): ["letters", .id(id), "remind"]
        case .revokeLetter(let id): ["letters", .id(id), "revoke"]
        case .letterFile(let id): ["letters", .id(id), "file"]
        case .letterAssignments(let id): ["letters", .id(id), "assignments"]
        case .letterAssignment(let id, let program): ["letters", .id(id), "assignments", .id(program)]
        case .letterProgramApplication(let id, let program): ["letters", .id(id), "assignments", .id(program), "application"]
        case .letterLink: ["letter-link"]
        case .letterLinkUpload: ["letter-link", "letter"]
        case .letterLinkDecline: ["letter-link", "decline"]
        case .programs: ["programs"]
        case .programReviewers(let id): ["programs", .id(id), "reviewers"]
        case .programLetters(let id): ["programs", .id(id), "letters"]
        case .programLetter(let id, let letter): ["programs", .id(id), "letters", .id(letter)]
        case .letterReads: ["letter-reads"]

        case .portfolio: ["portfolio"]
        case .experiences: ["portfolio", "experiences"]
        case .experience(let id): ["portfolio", "experiences", .id(id)]
        case .experienceLogs(let id): ["portfolio", "experiences", .id(id), "logs"]
        case .experienceLog(let id, let log): ["portfolio", "experiences", .id(id), "logs", .id(log)]
        case .experienceVerification(let id): ["portfolio", "experiences", .id(id), "verification"]
        case .experienceProcedures(let id): ["portfolio", "experiences", .id(id), "procedures"]
        case .goals: ["portfolio", "goals"]
        case .goal(let id): ["portfolio", "goals", .id(id)]
        case .export(let format): ["portfolio", "exports", .id(format)]
        case .exportCSV(let format): ["portfolio", "exports", .id(format), "csv"]
        case .residencyPlan: ["residency", "plan"]
        case .residencyCalendar: ["residency", "calendar"]
        case .seasonCorrections: ["admin", "season-corrections"]
        case .residencySettings: ["residency", "settings"]
        case .residencyPrograms: ["residency", "programs"]
        case .residencyProgram(let id): ["residency", "programs", .id(id)]
        case .residencyTask(let task): ["residency", "tasks", .id(task)]
        case .directory: ["residency", "directory"]
        case .rankList: ["residency", "rank-list"]
        case .rankListSupplemental: ["residency", "rank-list", "supplemental"]
        case .rankListCertify: ["residency", "rank-list", "certify"]
        case .rankListCSV: ["residency", "rank-list", "csv"]
        case .rankListSimulation: ["residency", "rank-list", "simulation"]
        case .rankListCouple: ["residency", "rank-list", "couple"]
        case .rankListCoupleConfirmation: ["residency", "rank-list", "couple", "confirmation"]
        case .rankListCouplePairs: ["residency", "rank-list", "couple", "pairs"]
        case .rankListCoupleCertification: ["residency", "rank-list", "couple", "certification"]
        case .rankListAdvisors: ["residency", "rank-list", "advisors"]
        case .rankListAdvisor(let id): ["residency", "rank-list", "advisors", .id(id)]
        case .advisorRankLists: ["advisor", "rank-lists"]
        case .advisorRankList(let id): ["advisor", "rank-lists", .id(id)]
        case .directoryProgram(let id): ["residency", "directory", .id(id)]
        case .addDirectoryProgram(let id): ["residency", "directory", .id(id), "add"]
        case .adminDirectory: ["admin", "directory", "programs"]
        case .adminDirectoryProgram(let id): ["admin", "directory", "programs", .id(id)]
        case .adminDirectoryImport: ["admin", "directory", "import"]
        case .adminDirectoryExport: ["admin", "directory", "export"]
        case .guides: ["guides"]
        case .guide(let slug): ["guides", .id(slug)]
        case .newsletterSubscriptions: ["newsletter", "subscriptions"]
        case .newsletterIssues: ["newsletter", "issues"]
        case .newsletterIssue(let id): ["newsletter", "issues", .id(id)]
        case .adminNewsletter: ["admin", "newsletter"]
        case .adminNewsletterIssues: ["admin", "newsletter", "issues"]
        case .adminNewsletterIssue(let id): ["admin", "newsletter", "issues", .id(id)]
        case .adminNewsletterSend(let id): ["admin", "newsletter", "issues", .id(id), "send"]
        case .statements: ["statements"]
        case .statement(let id): ["statements", .id(id)]
        case .statementVersions(let id): ["statements", .id(id), "versions"]
        case .statementDiff(let id): ["statements", .id(id), "diff"]
        case .reviews: ["reviews"]
        case .review(let id): ["reviews", .id(id)]
        case .reviewComments(let id): ["reviews", .id(id), "comments"]
        case .reviewComment(let id, let comment): ["reviews", .id(id), "comments", .id(comment)]
        case .reviewAction(let id, let action): ["reviews", .id(id), "actions", .id(action)]
        case .reviewDecisions(let id): ["reviews", .id(id), "decisions"]
        case .applicationMessages(let id): ["applications", .id(id), "messages"]
        case .messageReports(let id): ["messages", .id(id), "reports"]
        case .messageAttachment(let id): ["messages", .id(id), "attachment"]
        case .questions(let opportunity, let applicant): ["opportunities", .id(opportunity), "questions", .id(applicant)]
        case .hostQuestions: ["host", "questions"]
        case .hostQuestionSetting(let id): ["host", "opportunities", .id(id), "questions"]
        case .listingReports(let id): ["opportunities", .id(id), "reports"]
        case .adminListingReports: ["admin", "listing-reports"]
        case .savedSearches: ["searches"]
        case .favourites: ["favourites"]
        case .favourite(let id): ["favourites", .id(id)]
        case .savedSearch(let id): ["searches", .id(id)]
        case .adminListingReportResolution(let id): ["admin", "listing-reports", .id(id), "resolution"]
        case .adminUsers: ["admin", "users"]
        case .adminUser(let id): ["admin", "users", .id(id)]
        case .adminUserRoles(let id): ["admin", "users", .id(id), "roles"]
        case .adminUserAction(let id, let action): ["admin", "users", .id(id), "actions", .id(action)]
        case .adminAudit: ["admin", "audit"]
        case .adminSites: ["admin", "sites"]
        case .adminSiteReview(let id, let action): ["admin", "sites", .id(id), "review", .id(action)]
        case .adminReports: ["admin", "reports"]
        case .adminReportResolution(let id): ["admin", "reports", .id(id), "resolution"]
        case .advisingSlots: ["advising", "slots"]
        case .slotBooking(let id): ["advising", "slots", .id(id), "booking"]
        case .advisorSlots: ["advisor", "slots"]
        case .cancelSlot(let id): ["advisor", "slots", .id(id), "cancel"]
        case .verification: ["verification"]
        }
    }

    /// Whether a request's path is in the API (errors are JSON there, pages elsewhere).
    static func contains(path: String) -> Bool {
        let root = APIRoute.root.path
        return path == root || path.hasPrefix(root + "/")
    }
}
