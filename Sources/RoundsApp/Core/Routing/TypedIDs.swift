import Fluent
import Foundation
import RoundsCore
import Tagged

// Ids that say what they identify, so an application's id cannot be passed where a session's is expected.
// Each is tagged with its model and names the route parameter it travels in.
typealias APITokenID = Tagged<APIToken, UUID>
typealias ApplicationID = Tagged<SessionApplication, UUID>
typealias CycleID = Tagged<PlacementCycle, UUID>
typealias DirectoryProgramID = Tagged<DirectoryEntry, UUID>
typealias DocumentID = Tagged<Document, UUID>
typealias ExperienceID = Tagged<Experience, UUID>
typealias GoalID = Tagged<HourGoal, UUID>
typealias HourLogID = Tagged<HourLog, UUID>
typealias LetterID = Tagged<LetterRequest, UUID>
typealias OpportunityID = Tagged<Opportunity, UUID>
typealias ProgramID = Tagged<Program, UUID>
typealias RankListShareID = Tagged<RankListShare, UUID>
typealias ResidencyProgramID = Tagged<ResidencyProgram, UUID>
typealias SessionID = Tagged<OpportunitySession, UUID>
typealias SiteID = Tagged<Site, UUID>
typealias NewsletterIssueID = Tagged<NewsletterIssue, UUID>
typealias UserSessionID = Tagged<UserSession, UUID>
typealias UserID = Tagged<User, UUID>
typealias StatementID = Tagged<PersonalStatement, UUID>
typealias ReviewID = Tagged<Review, UUID>
typealias ReviewCommentID = Tagged<ReviewComment, UUID>
typealias AdvisorSlotID = Tagged<AdvisorSlot, UUID>
typealias MessageID = Tagged<ApplicationMessage, UUID>
typealias MessageReportID = Tagged<MessageReport, UUID>
typealias ListingReportID = Tagged<ListingReport, UUID>
typealias SavedSearchID = Tagged<SavedSearch, UUID>

/// A model whose id travels in routes, under this parameter name.
protocol RouteIdentified {
    static var routeParameterName: String { get }
}

extension Tagged: RouteParameter where Tag: RouteIdentified, RawValue == UUID {
    static var parameterName: String { Tag.routeParameterName }
    init?(pathValue: String) {
        guard let id = UUID(uuidString: pathValue) else { return nil }
        self.init(rawValue: id)
    }
    var pathValue: String { self.rawValue.uuidString }
}

extension Model where IDValue == UUID, Self: RouteIdentified {
    /// The row's id, typed; throws like `requireID()` for a row not saved yet.
    func requireTypedID() throws -> Tagged<Self, UUID> {
        Tagged(rawValue: try self.requireID())
    }
}

extension APIToken: RouteIdentified { static let routeParameterName = "tokenID" }
extension SessionApplication: RouteIdentified { static let routeParameterName = "applicationID" }
extension PlacementCycle: RouteIdentified { static let routeParameterName = "cycleID" }
extension Document: RouteIdentified { static let routeParameterName = "documentID" }
extension Experience: RouteIdentified { static let routeParameterName = "experienceID" }
extension HourGoal: RouteIdentified { static let routeParameterName = "goalID" }
extension HourLog: RouteIdentified { static let routeParameterName = "logID" }
extension LetterRequest: RouteIdentified { static let routeParameterName = "letterID" }
extension Opportunity: RouteIdentified { static let routeParameterName = "opportunityID" }
extension Program: RouteIdentified { static let routeParameterName = "programID" }
extension OpportunitySession: RouteIdentified { static let routeParameterName = "sessionID" }
extension Site: RouteIdentified { static let routeParameterName = "siteID" }
extension ResidencyProgram: RouteIdentified { static let routeParameterName = "residencyProgramID" }
extension DirectoryEntry: RouteIdentified { static let routeParameterName = "directoryProgramID" }
extension RankListShare: RouteIdentified { static let routeParameterName = "shareID" }
extension NewsletterIssue: RouteIdentified { static let routeParameterName = "issueID" }
extension User: RouteIdentified { static let routeParameterName = "userID" }
extension UserSession: RouteIdentified { static let routeParameterName = "browserSessionID" }
extension PersonalStatement: RouteIdentified { static let routeParameterName = "statementID" }
extension Review: RouteIdentified { static let routeParameterName = "reviewID" }
extension ReviewComment: RouteIdentified { static let routeParameterName = "commentID" }
extension AdvisorSlot: RouteIdentified { static let routeParameterName = "slotID" }

extension ApplicationAction: RouteParameter { static let parameterName = "action" }
extension ListingAction: RouteParameter { static let parameterName = "listingAction" }
extension AdminUserAction: RouteParameter { static let parameterName = "userAction" }
extension PortfolioExport.Format: RouteParameter { static let parameterName = "format" }
extension PlanTaskKind: RouteParameter { static let parameterName = "task" }
extension ReviewAction: RouteParameter { static let parameterName = "reviewAction" }
extension SiteReviewAction: RouteParameter { static let parameterName = "siteAction" }
