import Fluent
import Foundation
import RoundsCore
import SQLKit
import Vapor

/// Everything the planner page and the API show for one applicant and Match year.
struct ResidencyOverview {
    var matchYear: Int
    var season: MatchSeason
    var profile: ApplicantProfileInput?
    var wantsH1B: Bool
    var reminderDays: Int?
    var weeklyDigest: Bool
    var hasCalendar: Bool
    var tasks: [PlanTask]
    var programs: [ResidencyProgram]
    var fees: FeeEstimate
    /// Days with two or more interviews, each with the programs' ids.
    var clashes: [Day: [String]]
    var signals: SignalTable
}

/// The residency planner's reads and writes for one applicant; shared by the pages and the API.
struct ResidencyPlanner {
    let db: any Database
    let now: Date
    let reference: ResidencyReference

    var today: Day { Day(self.now) }

    /// Answered when Rounds has no season left to plan.
    static let noSeason = Abort(.notFound, reason: "No such season: Rounds has no season data for a Match that is still ahead.")

    /// The Match year to show: the one asked for when Rounds has its season, else the profile's target,
    /// else the first whose Match Day is ahead. Nil when Rounds has no season left to plan.
    static func year(in calendar: SeasonCalendar, requested: Int?, profile: ApplicantProfileInput?, today: Day) -> Int? {
        let known = Set(calendar.matchYears)
        if let requested, known.contains(requested) { return requested }
        if let target = profile?.targetMatchYear, known.contains(target) { return target }
        return calendar.defaultMatchYear(today: today)
    }

    /// `user`'s Match year (see `year(in:…)`), reading their profile and the corrected calendar.
    func matchYear(for user: User, requested: Int?) async throws -> Int? {
        Self.year(in: try await self.calendar(), requested: requested, profile: try await ProfileStore.load(for: user, on: self.db), today: self.today)
    }

    /// The shipped season data with administrators' corrections applied.
    func calendar() async throws -> SeasonCalendar {
        try await SeasonCorrection.calendar(self.reference.calendar, on: self.db)
    }

    func settings(of user: User) async throws -> ResidencySettings? {
        try await ResidencySettings.query(on: self.db).filter(\.$owner.$id == user.requireID()).first()
    }

    /// The applicant's settings row, or a new one with the defaults (not saved yet).
    private func settingsOrNew(of user: User) async throws -> ResidencySettings {
        try await self.settings(of: user) ?? ResidencySettings(ownerID: try user.requireID(), now: self.now)
    }

    func programs(of user: User, year: Int) async throws -> [ResidencyProgram] {
        try await ResidencyProgram.query(on: self.db)
            .filter(\.$owner.$id == user.requireID()).filter(\.$matchYear == year)
            .sort(\.$name).sort(\.$specialty).all()
    }

    func program(_ id: UUID, of user: User) async throws -> ResidencyProgram {
        guard let program = try await ResidencyProgram.query(on: self.db)
            .filter(\.$id == id).filter(\.$owner.$id == user.requireID()).first()
        else { throw Abort(.notFound, reason: "No such program on your list.") }
        return program
    }

    /// The plan of the year asked for, or of the applicant's default year; nil when no season is left.
    func overview(of user: User, requested: Int?) async throws -> ResidencyOverview? {
        try await self.overview(of: user, requested: requested, profile: try await ProfileStore.load(for: user, on: self.db))
    }

    /// The same, for a caller that has read the profile already (the calendar and profile are read once).
    func overview(of user: User, requested: Int?, profile: ApplicantProfileInput?) async throws -> ResidencyOverview? {
        let calendar = try await self.calendar()
        guard let year = Self.year(in: calendar, requested: requested, profile: profile, today: self.today), let season = calendar[year] else {
            return nil
        }
        let userID = try user.requireID()
        let settings = try await self.settings(of: user)
        let wantsH1B = settings?.wantsH1B ?? false
        let programs = try await self.programs(of: user, year: year)
        let ticked = try await ResidencyTaskCheck.query(on: self.db).filter(\.$owner.$id == userID).filter(\.$matchYear == year).all()
        let letters = try await LetterRequest.query(on: self.db).filter(\.$applicant.$id == userID).filter(\.$status == .uploaded).count()
        let eras = try await PortfolioStore(db: self.db, now: self.now).export(.eras, of: user)
        let targetNames = (profile?.specialtyIDs ?? []).compactMap { Specialties.residency.find($0)?.name }
        let facts = PlanFacts(
            track: profile?.track ?? .imgGraduate, ecfmgStatus: profile?.ecfmgStatus ?? .notApplicable, step1: profile?.step1 ?? .notTaken,
            step2CKScore: profile?.step2CKScore, wantsH1B: wantsH1B, targetSpecialties: targetNames,
            erasExportReady: !eras.entries.isEmpty && eras.isValid, lettersReceived: letters,
            programsApplied: programs.filter { $0.status.hasApplied }.count, signalsAssigned: programs.filter { $0.signal != nil }.count,
            anySpecialtySignals: (targetNames + programs.map(\.specialty)).contains { self.reference.signals.allowance(for: $0) != nil },
            ticked: Set(ticked.map(\.task)))
        let applying = programs.filter { $0.status != .considering && $0.status != .withdrawn }
        let fees = FeeEstimate(
            fees: self.reference.fees, matchYear: year, programsBySpecialty: Dictionary(grouping: applying, by: \.specialty).mapValues(\.count),
            isIMG: facts.track.isIMG, ranks: programs.filter { $0.rank != nil || $0.status == .ranked }.count)
        let scheduled = programs.filter { !$0.status.isClosed }.compactMap(\.interviewSlot)
        return ResidencyOverview(
            matchYear: year, season: season, profile: profile, wantsH1B: wantsH1B, reminderDays: settings?.reminderDays,
            weeklyDigest: settings?.weeklyDigest ?? false, hasCalendar: settings?.calendarTokenHash != nil,
            tasks: profile == nil ? [] : SeasonPlan.tasks(rules: self.reference.rules, season: season, facts: facts, today: self.today),
            programs: programs, fees: fees, clashes: InterviewClashes.find(scheduled), signals: self.reference.signals)
    }

    /// Adds a program, or changes one already on the list, refusing a status move the list does not
    /// allow, a duplicate, and a signal past the specialty's budget; nothing is written on refusal.
    @discardableResult
    func save(_ draft: ResidencyProgramDraft, as existing: ResidencyProgram?, for user: User, year: Int, directoryProgramID: UUID? = nil) async throws -> ResidencyProgram {
        let input = try draft.validate(specialties: Set(self.reference.specialties)).get()
        let userID = try user.requireID()
        return try await self.db.transaction { db in
            // One applicant's list changes one request at a time, so two signals sent at once cannot
            // both fit a budget with room for one.
            try await db.lockRow(User.schema, id: userID)
            var errors: [FieldError] = []
            if let existing, !existing.status.canMove(to: input.status) {
                errors.append(FieldError(field: "status", message: "A program cannot go from \(existing.status.displayName) to \(input.status.displayName)."))
            }
            let duplicate = try await ResidencyProgram.query(on: db).filter(\.$owner.$id == userID).filter(\.$matchYear == year)
                .filter(\.$name == input.name).filter(\.$specialty == input.specialty).first()
            if let duplicate, duplicate.id != existing?.id {
                errors.append(FieldError(field: "name", message: "\(input.name) (\(input.specialty)) is already on your \(year) list."))
            }
            if let tier = input.signal, tier != existing?.signal || input.specialty != existing?.specialty {
                var used = ResidencyProgram.query(on: db).filter(\.$owner.$id == userID).filter(\.$matchYear == year)
                    .filter(\.$specialty ~~ self.reference.signals.specialties(sharingBudgetWith: input.specialty, among: self.reference.specialties))
                    .filter(\.$signal == tier)
                if let id = existing?.id { used = used.filter(\.$id != id) }
                if let refusal = self.reference.signals.refusal(specialty: input.specialty, tier: tier, alreadyUsed: try await used.count()) {
                    errors.append(FieldError(field: "signal", message: refusal))
                }
            }
            guard errors.isEmpty else { throw ValidationReport(errors) }
            let program = existing ?? ResidencyProgram(ownerID: userID, matchYear: year, now: self.now)
            program.apply(input, now: self.now)
            if let directoryProgramID { program.directoryProgramID = directoryProgramID }
            try await program.save(on: db)
            return program
        }
    }

    func delete(_ program: ResidencyProgram) async throws {
        try await program.delete(on: self.db)
    }

    /// Ticks a task off (or back on) for a year; only tasks Rounds cannot see done can be ticked.
    func tick(_ task: PlanTaskKind, done: Bool, for user: User, year: Int) async throws {
        guard task.isTickedByApplicant else {
            throw Abort(.unprocessableEntity, reason: "Rounds marks this task done from your profile, portfolio and program list; update those instead.")
        }
        let userID = try user.requireID()
        try await self.db.transaction { db in
            try await ResidencyTaskCheck.query(on: db).filter(\.$owner.$id == userID).filter(\.$matchYear == year).filter(\.$task == task).delete()
            if done { try await ResidencyTaskCheck(ownerID: userID, matchYear: year, task: task, now: self.now).create(on: db) }
        }
    }

    /// Saves the planner settings; reminder days must be one of `ReminderRule.dayChoices` (nil: none).
    func saveSettings(wantsH1B: Bool, reminderDays: Int?, weeklyDigest: Bool, for user: User) async throws {
        if let days = reminderDays, !ReminderRule.dayChoices.contains(days) {
            throw ValidationReport([FieldError(field: "reminder_days", message: "Choose \(ReminderRule.dayChoices.map(String.init).joined(separator: ", ")) days, or no reminders.")])
        }
        let settings = try await self.settingsOrNew(of: user)
        settings.wantsH1B = wantsH1B
        settings.reminderDays = reminderDays
        settings.weeklyDigest = weeklyDigest
        settings.updatedAt = self.now
        try await settings.save(on: self.db)
    }
}

extension ResidencyPlanner {
    /// Makes (or replaces) the calendar feed's secret and returns the feed's address, once: only the
    /// secret's hash is stored.
    func rotateCalendar(for user: User, origin: String) async throws -> String {
        let token = SecretToken(prefix: "cal_")
        let settings = try await self.settingsOrNew(of: user)
        settings.calendarTokenHash = token.hash
        settings.updatedAt = self.now
        try await settings.save(on: self.db)
        return origin + SiteRoute.residencyCalendarFeed.path(query: [("token", token.value)])
    }

    /// Turns the calendar feed off: its address answers 404 from now on.
    func revokeCalendar(for user: User) async throws {
        guard let settings = try await self.settings(of: user) else { return }
        settings.calendarTokenHash = nil
        settings.updatedAt = self.now
        try await settings.save(on: self.db)
    }
}

extension Request {
    var planner: ResidencyPlanner { ResidencyPlanner(db: self.db, now: self.now, reference: self.residency) }
}
