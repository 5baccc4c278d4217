import Fluent
import Foundation
import RoundsCore
import Vapor

/// The directory as one applicant sees it: every program screened against their profile, their planner's
/// visa aim and their verified US clinical experience.
struct DirectoryScreening {
    let req: Request

    /// The applicant as screening sees them, or nil without a profile.
    func applicant(_ user: User) async throws -> ScreenedApplicant? {
        guard let profile = try await ProfileStore.load(for: user, on: self.req.db) else { return nil }
        let wantsH1B = try await self.req.planner.settings(of: user)?.wantsH1B ?? false
        let usce = try await self.req.portfolio.verifiedUSCE(of: user)
        return ScreenedApplicant(profile: profile, wantsH1B: wantsH1B, verifiedHandsOnMonths: usce.handsOnMonths, verifiedMonths: usce.months)
    }

    var currentYear: Int { Calendar.utc.component(.year, from: self.req.now) }

    /// The search's hits for `user`, screened.
    func search(_ search: DirectorySearch, for user: User) async throws -> (applicant: ScreenedApplicant?, hits: [DirectorySearch.Hit<UUID>]) {
        let applicant = try await self.applicant(user)
        let programs = try await self.req.directory.entries().map { (id: try $0.requireID(), program: $0.program()) }
        let hits = search.run(programs, applicant: applicant, currentYear: self.currentYear) { ZIPCodes.directory.place($0)?.coordinate }
        return (applicant, hits)
    }

    /// One program screened for `user`.
    func screen(_ entry: DirectoryEntry, for user: User) async throws -> ProgramScreening.Result {
        guard let applicant = try await self.applicant(user) else { return DirectorySearch.noProfile }
        return ProgramScreening.screen(entry.program().requirements, for: applicant, currentYear: self.currentYear)
    }

    /// Adds a directory program to the applicant's list for `year` (their default year when nil), as
    /// "considering", linked to its directory entry.
    func addToList(_ entry: DirectoryEntry, for user: User, requestedYear: Int?) async throws -> (ResidencyProgram, year: Int) {
        guard let year = try await self.req.planner.matchYear(for: user, requested: requestedYear) else { throw ResidencyPlanner.noSeason }
        var draft = ResidencyProgramDraft()
        draft.name = entry.name
        draft.specialty = entry.specialty
        draft.city = entry.city
        draft.state = entry.state
        draft.nrmpCode = entry.nrmpCode ?? ""
        let program = try await self.req.planner.save(draft, as: nil, for: user, year: year, directoryProgramID: try entry.requireID())
        return (program, year)
    }
}

extension Request {
    var directoryScreening: DirectoryScreening { DirectoryScreening(req: self) }
}
