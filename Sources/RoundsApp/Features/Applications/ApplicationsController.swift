import Fluent
import RoundsCore
import Tagged
import Vapor

/// Applications in HTML: applicants apply, edit drafts and answer offers; hosts review in their inbox.
/// Both sides share the application's page, each seeing the actions that are theirs.
struct ApplicationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
        applicants.get(SiteRoute.apply(session: .key), use: self.applyForm)
        applicants.post(SiteRoute.apply(session: .key), use: self.apply)
        applicants.get(SiteRoute.applications, use: self.mine)
        applicants.get(SiteRoute.editApplication(.key), use: self.editForm)
        applicants.post(SiteRoute.editApplication(.key), use: self.edit)
        let parties = routes.grouped(SignInRequired(roles: [.applicant, .host]))
        parties.get(SiteRoute.application(.key), use: self.show)
        parties.post(SiteRoute.applicationAction(.key, .key), use: self.act)
        let hosts = routes.grouped(SignInRequired(roles: [.host]))
        hosts.get(SiteRoute.hostApplications, use: self.inbox)
        hosts.post(SiteRoute.hostBulkReject, use: self.bulkReject)
    }

    @Sendable func applyForm(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser(.applicant)
        let session = try await req.applicationDrafting.openSession(try self.sessionID(req))
        let documents = try await req.documentVault.documents(of: user)
        return ApplicationPages.form(
            .new(session), values: ApplicationForm(), documents: documents, errors: ValidationReport(), context: req.pageContext
        ).page()
    }

    @Sendable func apply(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let sessionID = try self.sessionID(req)
        let form = try req.content.decode(ApplicationForm.self)
        do {
            let id = try await req.applicationDrafting.create(by: user, sessionID: sessionID, try form.input(), submit: form.submits)
            let message = form.submits ? "Application sent to the host." : "Draft saved. Submit it before the deadline."
            return req.redirect(to: SiteRoute.application(ApplicationID(id)).path, flash: Flash(kind: .success, message: message))
        } catch let report as ValidationReport {
            let session = try await req.applicationDrafting.openSession(sessionID)
            let documents = try await req.documentVault.documents(of: user)
            return try await ApplicationPages.form(.new(session), values: form, documents: documents, errors: report, context: req.pageContext)
                .page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func mine(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser(.applicant)
        return ApplicationPages.mine(try await ApplicationQueries.mine(user, on: req.db), context: req.pageContext).page()
    }

    @Sendable func editForm(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser(.applicant)
        let loaded = try await self.ownDraft(req, user)
        let documents = try await req.documentVault.documents(of: user)
        let attached = try await ApplicationQueries.documents(of: [try loaded.application.requireID()], on: req.db).values.flatMap { $0 }
        let values = ApplicationForm(
            statement: loaded.application.statement, documentIDs: attached.compactMap { $0.id?.uuidString },
            requirements: Set<Requirement>(storedList: loaded.application.confirmedRequirements).map(\.rawValue), intent: nil
        )
        return ApplicationPages.form(.draft(loaded), values: values, documents: documents, errors: ValidationReport(), context: req.pageContext).page()
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let loaded = try await self.ownDraft(req, user)
        let id = try loaded.application.requireID()
        let form = try req.content.decode(ApplicationForm.self)
        do {
            try await req.applicationDrafting.update(loaded, by: user, try form.input())
            if form.submits {
                try await req.applicationWorkflow.perform(.init(action: .submit), on: id, by: .user(user))
            }
        } catch let report as ValidationReport {
            let documents = try await req.documentVault.documents(of: user)
            return try await ApplicationPages.form(.draft(loaded), values: form, documents: documents, errors: report, context: req.pageContext)
                .page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        let message = form.submits ? "Application sent to the host." : "Draft saved."
        return req.redirect(to: SiteRoute.application(ApplicationID(id)).path, flash: Flash(kind: .success, message: message))
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser()
        return try await self.detailPage(try await LoadedApplication.visible(req, to: user), for: user, errors: ValidationReport(), req)
    }

    /// The application's page as `user` sees it; the host also sees the applicant's profile.
    private func detailPage(_ loaded: LoadedApplication, for user: User, errors: ValidationReport, _ req: Request) async throws -> HTMLPage {
        let detail = try await ApplicationQueries.detail(loaded, viewer: user, on: req.db)
        let isHost = loaded.parties(of: user).contains(.host)
        let profile = isHost ? try await ProfileStore.load(for: loaded.applicant, on: req.db) : nil
        let page = ApplicationPages.detail(detail, hostView: isHost, profile: profile, errors: errors, context: req.pageContext)
        return page.page(status: errors.isValid ? .ok : .unprocessableEntity)
    }

    @Sendable func act(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let loaded = try await LoadedApplication.visible(req, to: user)
        let id = try loaded.application.requireID()
        guard let action = req.parameters.get(ApplicationAction.self) else {
            throw Abort(.notFound, reason: "No such action.")
        }
        let form = try req.content.decode(ActionForm.self)
        do {
            try await req.applicationWorkflow.perform(try form.change(action), on: id, by: .user(user))
        } catch let report as ValidationReport {
            return try await self.detailPage(loaded, for: user, errors: report, req).encodeResponse(for: req)
        }
        return req.redirect(to: SiteRoute.application(ApplicationID(id)).path, flash: Flash(kind: .success, message: "Done: \(action.displayName.lowercased())."))
    }

    @Sendable func inbox(req: Request) async throws -> HTMLPage {
        try await self.inboxPage(req, filter: try InboxFilter.decode(req))
    }

    private func inboxPage(_ req: Request, filter: InboxFilter, rejectDraft: BulkRejectForm? = nil, errors: ValidationReport = ValidationReport()) async throws -> HTMLPage {
        let host = try req.requireUser(.host)
        let list = try await ApplicationQueries.inbox(host, session: filter.sessionID, status: filter.status, on: req.db)
        let sessions = try await HostCatalog(db: req.db, host: host, today: req.today).sessions()
        let profiles = try await ProfileStore.load(forUserIDs: list.map { $0.application.$applicant.id }, on: req.db)
        return ApplicationPages.inbox(
            list, profiles: profiles, sessions: sessions, filter: filter, rejectDraft: rejectDraft, errors: errors, context: req.pageContext
        ).page(status: errors.isValid ? .ok : .unprocessableEntity)
    }

    @Sendable func bulkReject(req: Request) async throws -> Response {
        let host = try req.requireUser(.host)
        let form = try req.content.decode(BulkRejectForm.self)
        let ids = (form.applicationIDs ?? []).compactMap(UUID.init(uuidString:))
        let outcome: HostReview.Outcome
        do {
            outcome = try await HostReview(workflow: req.applicationWorkflow, host: host).reject(ids, note: form.note ?? "")
        } catch let report as ValidationReport {
            return try await self.inboxPage(req, filter: InboxFilter(), rejectDraft: form, errors: report).encodeResponse(for: req)
        }
        var message = "Rejected \(counted(outcome.rejected.count, "application"))."
        if !outcome.skipped.isEmpty { message += " Skipped \(outcome.skipped.count): \(outcome.skipped.map(\.reason).joined(separator: " "))" }
        return req.redirect(to: SiteRoute.hostApplications.path, flash: Flash(kind: outcome.skipped.isEmpty ? .success : .error, message: message))
    }

    private func sessionID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get(SessionID.self)?.rawValue else { throw Abort(.notFound, reason: "No such session open for applications.") }
        return id
    }

    private func ownDraft(_ req: Request, _ user: User) async throws -> LoadedApplication {
        let loaded = try await LoadedApplication.visible(req, to: user)
        guard loaded.parties(of: user).contains(.applicant) else { throw ApplicationWorkflow.notFound }
        guard loaded.status == .draft else {
            throw Abort(.conflict, reason: "Only a draft can be edited; this application is \(loaded.status.displayName.lowercased()).")
        }
        return loaded
    }
}
