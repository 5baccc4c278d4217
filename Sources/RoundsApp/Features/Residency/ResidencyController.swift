import Fluent
import RoundsCore
import Tagged
import Vapor

/// The residency planner's pages: the season plan, the program list and one program, the calendar feed.
struct ResidencyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
        applicants.get(SiteRoute.residency, use: self.plan)
        applicants.post(SiteRoute.residencySettings, use: self.saveSettings)
        applicants.post(SiteRoute.residencyTask(.key), use: self.tick)
        applicants.get(SiteRoute.residencyPrograms, use: self.programs)
        applicants.post(SiteRoute.residencyPrograms, use: self.addProgram)
        applicants.get(SiteRoute.residencyProgram(.key), use: self.program)
        applicants.post(SiteRoute.residencyProgram(.key), use: self.updateProgram)
        applicants.post(SiteRoute.deleteResidencyProgram(.key), use: self.deleteProgram)
        applicants.post(SiteRoute.residencyCalendar, use: self.calendar)
        // The feed is fetched by calendar apps, which carry no session: the secret in the query is the key.
        routes.get(SiteRoute.residencyCalendarFeed, use: self.feed)
    }

    /// The Match year the request asks for (`?year=`) when Rounds has it, else the applicant's default.
    static func year(_ req: Request, user: User) async throws -> Int {
        guard let year = try await req.planner.matchYear(for: user, requested: Self.requestedYear(req)) else { throw ResidencyPlanner.noSeason }
        return year
    }

    /// `?year=` when it is a number; anything else means the applicant's default year.
    static func requestedYear(_ req: Request) -> Int? { try? req.query.get(Int.self, at: "year") }

    /// The overview of the year asked for (or the default), or 404 when no season is left.
    static func overview(_ req: Request, user: User, requested: Int?) async throws -> ResidencyOverview {
        guard let overview = try await req.planner.overview(of: user, requested: requested) else { throw ResidencyPlanner.noSeason }
        return overview
    }

    @Sendable func plan(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser(.applicant)
        return try await self.planPage(req, user: user, requested: Self.requestedYear(req), newCalendarURL: nil).page()
    }

    private func planPage(_ req: Request, user: User, requested: Int?, newCalendarURL: String?) async throws -> PageLayout {
        ResidencyPlanPage(
            overview: try await Self.overview(req, user: user, requested: requested), years: req.residency.calendar.matchYears,
            newCalendarURL: newCalendarURL, relatedGuides: try await req.guides.related(to: GuideTag.residencyPlanner), context: req.pageContext
        ).layout()
    }

    struct SettingsForm: Content {
        var wantsH1B: String?
        var reminderDays: String?
        var weeklyDigest: String?

        enum CodingKeys: String, CodingKey {
            case wantsH1B = "wants_h1b"
            case reminderDays = "reminder_days"
            case weeklyDigest = "weekly_digest"
        }
    }

    @Sendable func saveSettings(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let year = try await Self.year(req, user: user)
        let form = try req.content.decode(SettingsForm.self)
        let days = form.reminderDays.flatMap { $0.isEmpty ? nil : $0 }
        guard days == nil || Int(days!) != nil else { throw Abort(.unprocessableEntity, reason: "Choose how many days before a due date to be reminded.") }
        do {
            try await req.planner.saveSettings(
                wantsH1B: form.wantsH1B == "true", reminderDays: days.flatMap { Int($0) }, weeklyDigest: form.weeklyDigest == "true", for: user)
        } catch let report as ValidationReport {
            throw Abort(.unprocessableEntity, reason: report.errors.map(\.message).joined(separator: " "))
        }
        return req.redirect(to: SiteRoute.residency.path(query: [("year", "\(year)")]), flash: Flash(kind: .success, message: "Settings saved."))
    }

    struct TickForm: Content {
        var done: String?
    }

    @Sendable func tick(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let year = try await Self.year(req, user: user)
        guard let task = req.parameters.get(PlanTaskKind.self) else { throw Abort(.notFound, reason: "No such task.") }
        let done = try req.content.decode(TickForm.self).done == "true"
        try await req.planner.tick(task, done: done, for: user, year: year)
        return req.redirect(to: SiteRoute.residency.path(query: [("year", "\(year)")]), flash: Flash(kind: .success, message: done ? "Marked done." : "Marked not done."))
    }

    @Sendable func programs(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser(.applicant)
        return try await self.listPage(req, user: user, requested: Self.requestedYear(req), draft: ResidencyProgramDraft(), errors: ValidationReport()).page()
    }

    private func listPage(_ req: Request, user: User, requested: Int?, draft: ResidencyProgramDraft, errors: ValidationReport) async throws -> PageLayout {
        ResidencyProgramPages.list(
            overview: try await Self.overview(req, user: user, requested: requested), draft: draft, errors: errors,
            specialties: req.residency.specialties, context: req.pageContext)
    }

    @Sendable func addProgram(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let year = try await Self.year(req, user: user)
        let draft = try req.content.decode(ResidencyProgramForm.self).draft
        do {
            let program = try await req.planner.save(draft, as: nil, for: user, year: year)
            return req.redirect(
                to: SiteRoute.residencyPrograms.path(query: [("year", "\(year)")]),
                flash: Flash(kind: .success, message: "\(program.name) added to your \(year) list."))
        } catch let report as ValidationReport {
            return try await self.listPage(req, user: user, requested: year, draft: draft, errors: report)
                .page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    private func owned(_ req: Request, user: User) async throws -> ResidencyProgram {
        guard let id = req.parameters.get(ResidencyProgramID.self) else { throw Abort(.notFound, reason: "No such program on your list.") }
        return try await req.planner.program(id.rawValue, of: user)
    }

    @Sendable func program(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser(.applicant)
        let program = try await self.owned(req, user: user)
        return try ResidencyProgramPages.edit(
            program, draft: ResidencyProgramDraft(program), errors: ValidationReport(), specialties: req.residency.specialties, context: req.pageContext
        ).page()
    }

    @Sendable func updateProgram(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let program = try await self.owned(req, user: user)
        let draft = try req.content.decode(ResidencyProgramForm.self).draft
        do {
            try await req.planner.save(draft, as: program, for: user, year: program.matchYear)
        } catch let report as ValidationReport {
            return try await ResidencyProgramPages.edit(program, draft: draft, errors: report, specialties: req.residency.specialties, context: req.pageContext)
                .page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        return req.redirect(to: SiteRoute.residencyPrograms.path(query: [("year", "\(program.matchYear)")]), flash: Flash(kind: .success, message: "Saved."))
    }

    @Sendable func deleteProgram(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let program = try await self.owned(req, user: user)
        try await req.planner.delete(program)
        return req.redirect(
            to: SiteRoute.residencyPrograms.path(query: [("year", "\(program.matchYear)")]),
            flash: Flash(kind: .success, message: "\(program.name) removed from your list."))
    }

    struct CalendarForm: Content {
        var action: String?
        var year: String?
    }

    @Sendable func calendar(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let form = try req.content.decode(CalendarForm.self)
        let requested = form.year.flatMap { Int($0) }
        switch form.action {
        case "create":
            let url = try await req.planner.rotateCalendar(for: user, origin: req.application.config.server.origin)
            return try await self.planPage(req, user: user, requested: requested, newCalendarURL: url).page().encodeResponse(for: req)
        case "revoke":
            let year = try await req.planner.matchYear(for: user, requested: requested)
            try await req.planner.revokeCalendar(for: user)
            return req.redirect(to: SiteRoute.residency.path(query: year.map { [("year", "\($0)")] } ?? []), flash: Flash(kind: .success, message: "Calendar feed turned off."))
        default:
            throw Abort(.badRequest, reason: "Say create or revoke.")
        }
    }

    @Sendable func feed(req: Request) async throws -> Response {
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        guard let user = try await ResidencyCalendarFeed.owner(ofToken: token, on: req.db) else {
            throw Abort(.notFound, reason: "No calendar feed at this address; make a new one on your plan page.")
        }
        return .iCalendar(try await ResidencyCalendarFeed.render(for: user, req: req))
    }
}
