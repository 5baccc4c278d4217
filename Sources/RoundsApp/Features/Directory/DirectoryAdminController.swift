import Fluent
import RoundsCore
import Tagged
import Vapor

/// Administrators and advisors keep the program directory: CSV import and export, a form per program,
/// and each program's change log.
struct DirectoryAdminController: RouteCollection {
    static let maximumImportBytes = 5 * 1024 * 1024

    func boot(routes: any RoutesBuilder) throws {
        let editors = routes.grouped(SignInRequired(roles: [.admin, .advisor]))
        editors.get(SiteRoute.adminDirectory, use: self.list)
        editors.on(.POST, SiteRoute.adminDirectoryImport, body: .collect(maxSize: ByteCount(value: Self.maximumImportBytes)), use: self.importCSV)
        editors.get(SiteRoute.adminDirectoryExport, use: self.export)
        editors.get(SiteRoute.adminDirectoryNew, use: self.new)
        editors.post(SiteRoute.adminDirectory, use: self.create)
        editors.get(SiteRoute.adminDirectoryProgram(.key), use: self.show)
        editors.post(SiteRoute.adminDirectoryProgram(.key), use: self.update)
    }

    static func editor(_ req: Request) throws -> User {
        let user = try req.requireUser()
        guard user.has(.admin) || user.has(.advisor) else {
            throw Abort(.forbidden, reason: "Only administrators and advisors keep the directory.")
        }
        return user
    }

    @Sendable func list(req: Request) async throws -> HTMLPage {
        _ = try Self.editor(req)
        return try await self.listPage(req, importErrors: []).page()
    }

    private func listPage(_ req: Request, importErrors: [DirectoryCSV.RowError]) async throws -> PageLayout {
        DirectoryAdminPages.list(try await req.directory.entries(), importErrors: importErrors, context: req.pageContext)
    }

    struct ImportForm: Content {
        var file: File
    }

    @Sendable func importCSV(req: Request) async throws -> Response {
        let user = try Self.editor(req)
        let form = try req.decodeMultipart(ImportForm.self, fields: "file", what: "a directory CSV")
        guard let text = String(validating: form.file.data.readableBytesView, as: UTF8.self) else {
            return try await self.listPage(req, importErrors: [DirectoryCSV.RowError(line: 1, column: "-", reason: "the file is not UTF-8 text")])
                .page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        do {
            let summary = try await req.directory.importCSV(text, by: try DirectoryEditor(user))
            return req.redirect(to: SiteRoute.adminDirectory.path, flash: Flash(kind: .success, message: "Imported: " + summary.sentence))
        } catch let report as DirectoryCSV.Report {
            return try await self.listPage(req, importErrors: report.errors).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func export(req: Request) async throws -> Response {
        _ = try Self.editor(req)
        return Response.csv(try await req.directory.exportCSV(), fileName: "rounds-program-directory.csv")
    }

    /// A new program's form starts with today's date and the editor's name as each fact's checker.
    static func blankDraft(_ req: Request, editor: User) -> DirectoryProgramDraft {
        var draft = DirectoryProgramDraft()
        draft["application_service"] = DirectoryProgram.Service.eras.rawValue
        for field in ScreeningField.allCases {
            draft.facts[field] = .init(verifiedOn: Day(req.now).iso, verifiedBy: editor.displayName)
        }
        return draft
    }

    @Sendable func new(req: Request) async throws -> HTMLPage {
        let user = try Self.editor(req)
        return DirectoryAdminPages.edit(nil, draft: Self.blankDraft(req, editor: user), errors: ValidationReport(), changes: [], specialties: req.residency.specialties, context: req.pageContext).page()
    }

    /// The form's fields by column name (the CSV's and the API's), as a draft.
    static func draft(_ req: Request) throws -> DirectoryProgramDraft {
        DirectoryProgramDraft(columns: try req.content.decode([String: String].self))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try Self.editor(req)
        let draft = try Self.draft(req)
        do {
            let entry = try await req.directory.save(draft, as: nil, by: try DirectoryEditor(user))
            return req.redirect(to: SiteRoute.adminDirectoryProgram(try entry.requireTypedID()).path, flash: Flash(kind: .success, message: "\(entry.name) added to the directory."))
        } catch let report as ValidationReport {
            return try await DirectoryAdminPages.edit(nil, draft: draft, errors: report, changes: [], specialties: req.residency.specialties, context: req.pageContext)
                .page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        let user = try Self.editor(req)
        let entry = try await req.directory.entry(req.parameters.get(DirectoryProgramID.self))
        var draft = DirectoryProgramDraft(entry.program())
        let blank = Self.blankDraft(req, editor: user)
        for field in ScreeningField.allCases where draft.facts[field] == nil { draft.facts[field] = blank.facts[field] }
        return DirectoryAdminPages.edit(
            entry, draft: draft, errors: ValidationReport(), changes: try await req.directory.changes(of: entry.requireID()), specialties: req.residency.specialties,
            context: req.pageContext
        ).page()
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try Self.editor(req)
        let entry = try await req.directory.entry(req.parameters.get(DirectoryProgramID.self))
        let draft = try Self.draft(req)
        do {
            try await req.directory.save(draft, as: entry, by: try DirectoryEditor(user))
            return req.redirect(to: SiteRoute.adminDirectoryProgram(try entry.requireTypedID()).path, flash: Flash(kind: .success, message: "Saved."))
        } catch let report as ValidationReport {
            return try await DirectoryAdminPages.edit(
                entry, draft: draft, errors: report, changes: try await req.directory.changes(of: entry.requireID()), specialties: req.residency.specialties,
                context: req.pageContext
            ).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }
}
