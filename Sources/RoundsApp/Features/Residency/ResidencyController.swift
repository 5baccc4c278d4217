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
        let requested = try? req.query.get(Int.self, at: "year")
        let profile = try await ProfileStore.load(for: user, on: req.db)
        guard let year = try await req.planner.matchYear(requested: requested, profile: profile) else {
            throw Abort(.notFound, reason: "Rounds has no season data for a Match that is still ahead.")
        }
        return year
    }

    @Sendable func plan(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser(.applicant)
        return try await self.planPage(req, user: user, year: try await Self.year(req, user: user), newCalendarURL: nil).page()
    }

    private func planPage(_ req: Request, user: User, year: Int, newCalendarURL: String?) async throws -> PageLayout {
        let overview = try await req.planner.overview(of: user, year: year)
        let hasCalendar = try await req.planner.settings(of: user)?.calendarTokenHash != nil
        return ResidencyPlanPage(
            overview: overview, years: req.residency.calendar.matchYears, newCalendarURL: newCalendarURL, hasCalendar: hasCalendar,
            context: req.pageContext
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
        let year = try await Self.year(req, user: user)
        return try await self.listPage(req, user: user, year: year, draft: ResidencyProgramDraft(), errors: ValidationReport()).page()
    }

    private func listPage(_ req: Request, user: User, year: Int, draft: ResidencyProgramDraft, errors: ValidationReport) async throws -> PageLayout {
        let overview = try await req.planner.overview(of: user, year: year)
        return ResidencyProgramPages.list(overview: overview, draft: draft, errors: errors, specialties: req.residency.specialties, context: req.pageContext)
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
            return try await self.listPage(req, user: user, year: year, draft: draft, errors: report)
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
        let profile = try await ProfileStore.load(for: user, on: req.db)
        guard let year = try await req.planner.matchYear(requested: form.year.flatMap { Int($0) }, profile: profile) else {
            throw Abort(.notFound, reason: "Rounds has no season data for a Match that is still ahead.")
        }
        switch form.action {
        case "create":
            let token = try await ResidencyCalendarFeed.rotate(for: user, on: req.db, now: req.now)
            let url = req.application.config.server.origin + SiteRoute.residencyCalendarFeed.path(query: [("token", token)])
            return try await self.planPage(req, user: user, year: year, newCalendarURL: url).page().encodeResponse(for: req)
        case "revoke":
            try await ResidencyCalendarFeed.revoke(for: user, on: req.db, now: req.now)
            return req.redirect(to: SiteRoute.residency.path(query: [("year", "\(year)")]), flash: Flash(kind: .success, message: "Calendar feed turned off."))
        default:
            throw Abort(.badRequest, reason: "Say create or revoke.")
        }
    }

    @Sendable func feed(req: Request) async throws -> Response {
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        guard let user = try await ResidencyCalendarFeed.owner(ofToken: token, on: req.db) else {
            throw Abort(.notFound, reason: "No calendar feed at this address; make a new one on your plan page.")
        }
        let body = try await ResidencyCalendarFeed.render(for: user, req: req)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
