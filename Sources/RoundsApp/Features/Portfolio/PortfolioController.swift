import Fluent
import RoundsCore
import Tagged
import Vapor

/// The applicant's portfolio pages.
struct PortfolioController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
        applicants.get(SiteRoute.portfolio, use: self.overview)
        applicants.post(SiteRoute.portfolioGoals, use: self.setGoal)
        applicants.post(SiteRoute.deleteGoal(.key), use: self.deleteGoal)
        applicants.get(SiteRoute.newExperience, use: self.new)
        applicants.post(SiteRoute.experiences, use: self.create)
        applicants.get(SiteRoute.experience(.key), use: self.show)
        applicants.post(SiteRoute.experience(.key), use: self.update)
        applicants.post(SiteRoute.deleteExperience(.key), use: self.delete)
        applicants.post(SiteRoute.experienceLogs(.key), use: self.log)
        applicants.post(SiteRoute.deleteHourLog(.key, .key), use: self.deleteLog)
        applicants.post(SiteRoute.experienceVerification(.key), use: self.requestVerification)
        applicants.post(SiteRoute.experienceProcedures(.key), use: self.addProcedure)
        applicants.post(SiteRoute.experienceExports(.key), use: self.setExports)
        applicants.get(SiteRoute.portfolioExport(.key), use: self.export)
        applicants.get(SiteRoute.portfolioExportCSV(.key), use: self.exportCSV)
    }

    @Sendable func overview(req: Request) async throws -> HTMLPage {
        try await self.overviewPage(req, errors: ValidationReport(), status: .ok)
    }

    @Sendable func setGoal(req: Request) async throws -> Response {
        let form = try req.content.decode(GoalForm.self)
        do {
            try await req.portfolio.setGoal(for: try req.requireUser(.applicant), scope: form.scope ?? "", targetHours: form.targetHours ?? "")
        } catch let report as ValidationReport {
            return try await self.overviewPage(req, errors: report, status: .unprocessableEntity).encodeResponse(for: req)
        }
        return req.redirect(to: SiteRoute.portfolio.path, flash: Flash(kind: .success, message: "Goal set."))
    }

    @Sendable func deleteGoal(req: Request) async throws -> Response {
        guard let id = req.parameters.get(GoalID.self)?.rawValue else { throw Abort(.notFound, reason: "No such goal of yours.") }
        try await req.portfolio.deleteGoal(id, of: try req.requireUser(.applicant))
        return req.redirect(to: SiteRoute.portfolio.path, flash: Flash(kind: .success, message: "Goal removed."))
    }

    @Sendable func new(req: Request) async throws -> HTMLPage {
        ExperiencePages.new(draft: ExperiencePages.values(nil), errors: ValidationReport(), context: req.pageContext).page()
    }

    @Sendable func create(req: Request) async throws -> Response {
        let form = try req.content.decode(ExperienceForm.self)
        do {
            let experience = try await req.portfolio.create(by: try req.requireUser(.applicant), form.draft)
            return req.redirect(to: SiteRoute.experience(try experience.requireTypedID()).path, flash: Flash(kind: .success, message: "Experience added."))
        } catch let report as ValidationReport {
            return try await ExperiencePages.new(draft: form.draft, errors: report, context: req.pageContext).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        let loaded = try await self.mine(req)
        return try await self.detail(req, loaded, draft: ExperiencePages.values(loaded), errors: ValidationReport(), status: .ok)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let loaded = try await self.mine(req)
        let form = try req.content.decode(ExperienceForm.self)
        do {
            try await req.portfolio.update(loaded, form.draft, reopen: ExperienceForm.flag(form.reopen))
        } catch let report as ValidationReport {
            return try await self.detail(req, loaded, draft: form.draft, errors: report, status: .unprocessableEntity).encodeResponse(for: req)
        } catch let error as any AbortError where error.status == .conflict {
            return try await self.detail(req, try await self.mine(req), draft: form.draft, errors: ValidationReport([FieldError(field: "reopen", message: error.reason)]), status: .conflict)
                .encodeResponse(for: req)
        }
        return req.redirect(to: SiteRoute.experience(try loaded.experience.requireTypedID()).path, flash: Flash(kind: .success, message: "Saved."))
    }

    @Sendable func delete(req: Request) async throws -> Response {
        try await req.portfolio.delete(try await self.mine(req))
        return req.redirect(to: SiteRoute.portfolio.path, flash: Flash(kind: .success, message: "Experience deleted."))
    }

    @Sendable func log(req: Request) async throws -> Response {
        let loaded = try await self.mine(req)
        let form = try req.content.decode(HourLogForm.self)
        do {
            let log = try await req.portfolio.log(loaded, form.draft)
            return req.redirect(
                to: SiteRoute.experience(try loaded.experience.requireTypedID()).path,
                flash: Flash(kind: .success, message: "Logged \(PortfolioPages.hours(log.hours)) hours on \(Day(ordinal: log.day).inWords).")
            )
        } catch let report as ValidationReport {
            return try await self.detail(req, loaded, draft: ExperiencePages.values(loaded), errors: report, status: .unprocessableEntity, logDraft: form)
                .encodeResponse(for: req)
        }
    }

    @Sendable func deleteLog(req: Request) async throws -> Response {
        let loaded = try await self.mine(req)
        guard let logID = req.parameters.get(HourLogID.self)?.rawValue else { throw Abort(.notFound, reason: "No such hour log on this experience.") }
        try await req.portfolio.deleteLog(logID, of: loaded)
        return req.redirect(to: SiteRoute.experience(try loaded.experience.requireTypedID()).path, flash: Flash(kind: .success, message: "Hour log deleted."))
    }

    @Sendable func requestVerification(req: Request) async throws -> Response {
        let loaded = try await self.mine(req)
        let path = SiteRoute.experience(try loaded.experience.requireTypedID()).path
        do {
            try await req.experienceVerifications.request(for: loaded, by: try req.requireUser(.applicant))
        } catch let report as ValidationReport {
            return req.redirect(to: path, flash: Flash(kind: .error, message: report.summary))
        } catch let error as any AbortError where [.conflict, .tooManyRequests].contains(error.status) {
            return req.redirect(to: path, flash: Flash(kind: .error, message: error.reason))
        }
        return req.redirect(to: path, flash: Flash(kind: .success, message: "Sent: \(loaded.experience.supervisorName) has been e-mailed a link to verify this experience."))
    }

    @Sendable func addProcedure(req: Request) async throws -> Response {
        let loaded = try await self.mine(req)
        let form = try req.content.decode(ProcedureForm.self)
        do {
            _ = try await req.portfolio.addProcedure(to: loaded, procedure: form.procedure ?? "", role: form.role ?? "", count: form.count ?? "")
        } catch let report as ValidationReport {
            return try await self.detail(req, loaded, draft: ExperiencePages.values(loaded), errors: report, status: .unprocessableEntity, procedureDraft: form)
                .encodeResponse(for: req)
        }
        return req.redirect(to: SiteRoute.experience(try loaded.experience.requireTypedID()).path, flash: Flash(kind: .success, message: "Added to the procedure log."))
    }

    @Sendable func setExports(req: Request) async throws -> Response {
        let loaded = try await self.mine(req)
        let form = try req.content.decode(ExportChoiceForm.self)
        try await req.portfolio.setExports(loaded.experience, amcas: ExperienceForm.flag(form.inAMCAS), eras: ExperienceForm.flag(form.inERAS))
        return req.redirect(to: SiteRoute.experience(try loaded.experience.requireTypedID()).path, flash: Flash(kind: .success, message: "Export choices saved."))
    }

    @Sendable func export(req: Request) async throws -> HTMLPage {
        let result = try await req.portfolio.export(try Self.format(req), of: try req.requireUser(.applicant))
        return PortfolioPages.export(result, context: req.pageContext).page()
    }

    @Sendable func exportCSV(req: Request) async throws -> Response {
        try await Self.csv(req, format: try Self.format(req))
    }

    /// The CSV, or 422 naming what does not fit.
    static func csv(_ req: Request, format: PortfolioExport.Format) async throws -> Response {
        let result = try await req.portfolio.export(format, of: try req.requireUser(.applicant))
        guard result.isValid else {
            let problems = result.problems + result.entries.flatMap { entry in entry.problems.map { "\(entry.experience.title): \($0)" } }
            throw Abort(.unprocessableEntity, reason: "The \(format.displayName) export does not fit yet. " + problems.joined(separator: " "))
        }
        return Response.csv(PortfolioExport.csv(result), fileName: "rounds-\(format.rawValue)-experiences.csv")
    }

    static func format(_ req: Request) throws -> PortfolioExport.Format {
        guard let format = req.parameters.get(PortfolioExport.Format.self) else {
            throw Abort(.notFound, reason: "No such export; use amcas or eras.")
        }
        return format
    }

    private func mine(_ req: Request) async throws -> LoadedExperience {
        guard let id = req.parameters.get(ExperienceID.self)?.rawValue else { throw PortfolioStore.notYours }
        return try await req.portfolio.experience(id, of: try req.requireUser(.applicant))
    }

    private func detail(
        _ req: Request, _ loaded: LoadedExperience, draft: ExperienceDraft, errors: ValidationReport, status: HTTPResponseStatus,
        logDraft: HourLogForm? = nil, procedureDraft: ProcedureForm? = nil
    ) async throws -> HTMLPage {
        let store = req.portfolio
        return ExperienceDetailPage(
            loaded: loaded, procedures: try await store.procedures(of: loaded), evaluation: try await store.evaluation(of: loaded), draft: draft,
            errors: errors, context: req.pageContext, logDraft: logDraft, procedureDraft: procedureDraft
        ).layout().page(status: status)
    }

    private func overviewPage(_ req: Request, errors: ValidationReport, status: HTTPResponseStatus) async throws -> HTMLPage {
        let overview = try await req.portfolio.overview(of: try req.requireUser(.applicant))
        return PortfolioPages.overview(
            overview.experiences, summary: overview.summary, goals: overview.goals, errors: errors, context: req.pageContext
        ).page(status: status)
    }
}
