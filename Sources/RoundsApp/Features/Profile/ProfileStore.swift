import Fluent
import RoundsCore
import Vapor

/// Reads and saves an applicant's profile; shared by the page and the API.
enum ProfileStore {
    static func load(for user: User, on db: any Database) async throws -> ApplicantProfileInput? {
        try await ApplicantProfile.find(userID: user.requireID(), on: db)?.input
    }

    /// The profiles of several applicants in one query (a host's inbox), by user id; those without one are absent.
    static func load(forUserIDs ids: [UUID], on db: any Database) async throws -> [UUID: ApplicantProfileInput] {
        guard !ids.isEmpty else { return [:] }
        let profiles = try await ApplicantProfile.query(on: db).filter(\.$user.$id ~~ Array(Set(ids))).all()
        return Dictionary(profiles.map { ($0.$user.id, $0.input) }, uniquingKeysWith: { first, _ in first })
    }

    /// Validates and saves in one step; throws `ValidationReport` and writes nothing when the draft is bad.
    @discardableResult
    static func save(_ draft: ApplicantProfileDraft, for user: User, on db: any Database, now: Date) async throws
        -> ApplicantProfileInput
    {
        let input = try draft.parse(currentYear: Calendar.utc.component(.year, from: now), today: Day(now)).get()
        let userID = try user.requireID()
        let profile = try await ApplicantProfile.find(userID: userID, on: db) ?? ApplicantProfile(userID: userID)
        profile.apply(input)
        try await profile.save(on: db)
        return input
    }
}

extension Calendar {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
