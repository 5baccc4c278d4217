import Fluent
import Foundation
import RoundsCore
import SQLKit
import Vapor

/// An experience with its periods and hour logs, and the hours they add up to.
struct LoadedExperience: Sendable {
    let experience: Experience
    let periods: [ExperiencePeriod]
    let logs: [HourLog]

    var ranges: [ExperienceRange] { self.periods.map(\.range) }

    /// A period's completed hours: what was entered for it plus the logs that fall in it.
    func completedHours(_ period: ExperiencePeriod) -> Int {
        let range = period.range
        let logged = self.logs.filter { range.contains(Day(ordinal: $0.day)) }.map(\.quarterHours).reduce(0, +)
        return period.priorHours + logged / 4
    }

    var completedHours: Int { self.periods.map(self.completedHours).reduce(0, +) }
    var anticipatedHours: Int { self.periods.map(\.anticipatedHours).reduce(0, +) }
    var loggedHours: Double { Double(self.logs.map(\.quarterHours).reduce(0, +)) / 4 }

    /// A digest of the fields a supervisor's confirmation covers; a change to any of them needs a new one.
    var lockedDigest: String {
        let e = self.experience
        let periods = self.periods.map { "\($0.startDay)-\($0.endDay.map(String.init) ?? "")-\($0.priorHours)" }.joined(separator: ",")
        return SecretToken.hash([e.title, e.organization, e.supervisorName, e.supervisorEmail.lowercased(), periods].joined(separator: "\u{1F}"))
    }

    var exportable: ExportableExperience {
        let e = self.experience
        return ExportableExperience(
            title: e.title, organization: e.organization, city: e.city, state: e.state, country: e.country, amcasType: e.amcas, erasType: e.eras,
            erasSetting: e.erasSetting.flatMap(ERASSetting.init), focusArea: e.focusArea.flatMap(ERASFocusArea.init),
            frequency: e.frequency.flatMap(ERASFrequency.init), keyCharacteristic: e.keyCharacteristic.flatMap(ERASKeyCharacteristic.init),
            supervisorName: e.supervisorName, supervisorTitle: e.supervisorTitle, supervisorEmail: e.supervisorEmail, description: e.description,
            amcasMostMeaningful: e.amcasMostMeaningful, amcasReflection: e.amcasReflection, erasMostMeaningful: e.erasMostMeaningful,
            erasReflection: e.erasReflection,
            ranges: self.periods.map {
                .init(start: Day(ordinal: $0.startDay), end: $0.endDay.map(Day.init(ordinal:)), completedHours: self.completedHours($0), anticipatedHours: $0.anticipatedHours)
            },
            verification: e.verificationLine
        )
    }
}

/// The applicant's portfolio: experiences, hour logs, goals, the USCE summary and the exports. Other
/// people's experiences are invisible (404), whatever the caller's role.
struct PortfolioStore {
    static let notYours = Abort(.notFound, reason: "No such experience of yours.")
    static let maximumExperiences = 100

    let db: any Database
    let now: Date
    /// The signed-in writer's name, which their own texts may contain (the identifier guard allows it).
    var writerName: String? = nil

    var today: Day { Day(self.now) }

    func experiences(of owner: User) async throws -> [LoadedExperience] {
        let experiences = try await Experience.query(on: self.db).filter(\.$owner.$id == owner.requireID()).sort(\.$createdAt).all()
        let ids = try experiences.map { try $0.requireID() }
        guard !ids.isEmpty else { return [] }
        let periods = try await ExperiencePeriod.query(on: self.db).filter(\.$experience.$id ~~ ids).sort(\.$position).all()
        let logs = try await HourLog.query(on: self.db).filter(\.$experience.$id ~~ ids).sort(\.$day).all()
        return experiences.map { experience in
            LoadedExperience(
                experience: experience, periods: periods.filter { $0.$experience.id == experience.id }, logs: logs.filter { $0.$experience.id == experience.id }
            )
        }
    }

    func experience(_ id: UUID, of owner: User) async throws -> LoadedExperience {
        guard let experience = try await Experience.find(id, on: self.db), experience.$owner.id == (try owner.requireID()) else { throw Self.notYours }
        return try await self.load(experience)
    }

    func load(_ experience: Experience) async throws -> LoadedExperience {
        let id = try experience.requireID()
        return LoadedExperience(
            experience: experience,
            periods: try await ExperiencePeriod.query(on: self.db).filter(\.$experience.$id == id).sort(\.$position).all(),
            logs: try await HourLog.query(on: self.db).filter(\.$experience.$id == id).sort(\.$day).all()
        )
    }

    func create(by owner: User, _ draft: ExperienceDraft) async throws -> Experience {
        let checked = try draft.check(today: self.today, allowing: [owner.displayName]).get()
        let ownerID = try owner.requireID()
        let count = try await Experience.query(on: self.db).filter(\.$owner.$id == ownerID).count()
        guard count < Self.maximumExperiences else { throw Abort(.conflict, reason: "You have \(count) experiences, the most Rounds keeps.") }
        let experience = Experience(ownerID: ownerID, now: self.now)
        experience.apply(checked)
        try await self.db.transaction { db in
            try await experience.create(on: db)
            try await Self.replacePeriods(of: experience, with: checked.ranges, on: db)
        }
        return experience
    }

    /// Saves changes. A verified experience keeps its verification unless a verified field changed; then
    /// the change is refused unless `reopen` says to drop the verification (and ask again).
    func update(_ loaded: LoadedExperience, _ draft: ExperienceDraft, reopen: Bool) async throws {
        let checked = try draft.check(today: self.today, allowing: self.writerName.map { [$0] } ?? []).get()
        let experience = loaded.experience
        try await self.db.transaction { db in
            experience.apply(checked)
            experience.updatedAt = self.now
            try await Self.replacePeriods(of: experience, with: checked.ranges, on: db)
            let periods = try await ExperiencePeriod.query(on: db).filter(\.$experience.$id == experience.requireID()).sort(\.$position).all()
            let changed = LoadedExperience(experience: experience, periods: periods, logs: loaded.logs).lockedDigest != experience.verifiedDigest
            if experience.isVerified && changed {
                guard reopen else {
                    throw Abort(
                        .conflict,
                        reason: "\(experience.verificationLine ?? "This experience is verified"); changing its title, organization, supervisor or periods needs a new verification. Save again with “reopen” to drop the verification."
                    )
                }
                experience.verifiedBy = nil
                experience.verifiedAt = nil
                experience.verifiedHours = nil
                experience.verifiedDigest = nil
            }
            try await experience.save(on: db)
        }
    }

    func delete(_ loaded: LoadedExperience) async throws {
        try await loaded.experience.delete(on: self.db)
    }

    func setExports(_ experience: Experience, amcas: Bool, eras: Bool) async throws {
        experience.inAMCAS = amcas
        experience.inERAS = eras
        experience.updatedAt = self.now
        try await experience.save(on: self.db)
    }

    private static func replacePeriods(of experience: Experience, with ranges: [ExperienceRange], on db: any Database) async throws {
        let id = try experience.requireID()
        try await ExperiencePeriod.query(on: db).filter(\.$experience.$id == id).delete()
        for (position, range) in ranges.enumerated() {
            try await ExperiencePeriod(experienceID: id, position: position, range: range).create(on: db)
        }
    }

    // MARK: hour logs and goals

    func log(_ loaded: LoadedExperience, _ draft: HourLogDraft) async throws -> HourLog {
        let names = [loaded.experience.supervisorName] + (self.writerName.map { [$0] } ?? [])
        let checked = try draft.check(today: self.today, ranges: loaded.ranges, allowing: names).get()
        let log = HourLog(experienceID: try loaded.experience.requireID(), checked: checked, now: self.now)
        try await log.create(on: self.db)
        return log
    }

    func deleteLog(_ logID: UUID, of loaded: LoadedExperience) async throws {
        let deleted = try await self.db.sql.delete(from: HourLog.schema)
            .where("id", .equal, SQLBind(logID)).where("experience_id", .equal, SQLBind(try loaded.experience.requireID()))
            .returning("id").all().count
        guard deleted == 1 else { throw Abort(.notFound, reason: "No such hour log on this experience.") }
    }

    struct GoalProgress: Sendable {
        var goal: HourGoal
        var hours: Int
        var label: String
        var fraction: Double { self.goal.targetHours == 0 ? 1 : min(1, Double(self.hours) / Double(self.goal.targetHours)) }
    }

    static func goalLabel(_ scope: String) -> String? {
        switch scope {
        case "all": "All experiences"
        case "clinical": "Clinical experience"
        default: AMCASExperienceType(rawValue: scope)?.displayName
        }
    }

    func goals(of owner: User, experiences: [LoadedExperience]) async throws -> [GoalProgress] {
        try await HourGoal.query(on: self.db).filter(\.$owner.$id == owner.requireID()).sort(\.$createdAt).all().map { goal in
            let counted = experiences.filter { loaded in
                switch goal.scope {
                case "all": true
                case "clinical": loaded.experience.amcas.isClinical
                default: loaded.experience.amcasType == goal.scope
                }
            }
            return GoalProgress(goal: goal, hours: counted.map(\.completedHours).reduce(0, +), label: Self.goalLabel(goal.scope) ?? goal.scope)
        }
    }

    /// Sets (or replaces) the goal for a scope.
    func setGoal(for owner: User, scope: String, targetHours: String) async throws {
        guard Self.goalLabel(scope) != nil else {
            throw ValidationReport([FieldError(field: "scope", message: "Choose what the goal counts: all, clinical, or an experience type.")])
        }
        guard let target = Int(targetHours.trimmingWhitespace()), (1...10_000).contains(target) else {
            throw ValidationReport([FieldError(field: "target_hours", message: "Enter the goal in hours, from 1 to 10,000.")])
        }
        let ownerID = try owner.requireID()
        try await self.db.transaction { db in
            try await HourGoal.query(on: db).filter(\.$owner.$id == ownerID).filter(\.$scope == scope).delete()
            try await HourGoal(ownerID: ownerID, scope: scope, targetHours: target, now: self.now).create(on: db)
        }
    }

    func deleteGoal(_ id: UUID, of owner: User) async throws {
        let deleted = try await self.db.sql.delete(from: HourGoal.schema)
            .where("id", .equal, SQLBind(id)).where("owner_id", .equal, SQLBind(try owner.requireID()))
            .returning("id").all().count
        guard deleted == 1 else { throw Abort(.notFound, reason: "No such goal of yours.") }
    }

    // MARK: summary and exports

    /// Everything the portfolio's front page shows, HTML and API alike.
    struct Overview: Sendable {
        var experiences: [LoadedExperience]
        var summary: USCESummary
        var goals: [GoalProgress]
    }

    func overview(of owner: User) async throws -> Overview {
        let experiences = try await self.experiences(of: owner)
        return Overview(
            experiences: experiences, summary: try await self.summary(of: owner, experiences: experiences),
            goals: try await self.goals(of: owner, experiences: experiences)
        )
    }

    func summary(of owner: User, experiences: [LoadedExperience]) async throws -> USCESummary {
        let letters = try await LetterRequest.query(on: self.db)
            .filter(\.$applicant.$id == owner.requireID()).filter(\.$status == LetterStatus.uploaded).count()
        return USCESummary(experiences.map(\.usce), lettersObtained: letters, today: self.today)
    }

    /// Months of supervisor-verified US clinical experience, as program screening counts them.
    func verifiedUSCE(of owner: User) async throws -> VerifiedUSCE {
        VerifiedUSCE(try await self.experiences(of: owner).map { ($0.usce, $0.experience.verifiedAt != nil) }, today: self.today)
    }

    func export(_ format: PortfolioExport.Format, of owner: User) async throws -> PortfolioExport.Result {
        let included = try await self.experiences(of: owner).filter { format == .amcas ? $0.experience.inAMCAS : $0.experience.inERAS }
        return PortfolioExport.check(included.map(\.exportable), format: format)
    }
}

extension LoadedExperience {
    /// The experience as the US clinical experience summaries count it.
    var usce: USCESummary.Experience {
        USCESummary.Experience(
            isClinical: self.experience.amcas.isClinical,
            isInUS: ["united states", "usa", "us", "united states of america"].contains(self.experience.country.lowercased()),
            handsOn: self.experience.handsOn,
            ranges: self.ranges.map { ($0.start, $0.end) },
            specialtyID: self.experience.specialtyID,
            completedHours: self.completedHours,
            verifiedHours: self.experience.verifiedHours ?? 0
        )
    }
}

extension Request {
    var portfolio: PortfolioStore { PortfolioStore(db: self.db, now: self.now, writerName: self.auth.get(User.self)?.displayName) }
}
