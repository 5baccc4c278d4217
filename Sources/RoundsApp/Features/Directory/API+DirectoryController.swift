import Fluent
import RoundsCore
import Tagged
import Vapor

extension API {
    /// The program directory over JSON: applicants search it screened and add programs to their list;
    /// administrators and advisors keep it (CSV import and export, create, update, change log).
    struct DirectoryController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
            applicants.get(APIRoute.directory, use: self.search)
            applicants.get(APIRoute.directoryProgram(.key), use: self.program)
            applicants.post(APIRoute.addDirectoryProgram(.key), use: self.add)
            let editors = routes.grouped(SignInRequired(roles: [.admin, .advisor]))
            editors.get(APIRoute.adminDirectory, use: self.list)
            editors.post(APIRoute.adminDirectory, use: self.create)
            editors.get(APIRoute.adminDirectoryProgram(.key), use: self.entry)
            editors.put(APIRoute.adminDirectoryProgram(.key), use: self.update)
            editors.on(.POST, APIRoute.adminDirectoryImport, body: .collect(maxSize: ByteCount(value: DirectoryAdminController.maximumImportBytes)), use: self.importCSV)
            editors.get(APIRoute.adminDirectoryExport, use: self.export)
        }

        /// The API is strict where the page is forgiving: a page number out of range is 400.
        static func page(_ query: DirectoryQuery) throws -> Int {
            guard let text = query.page else { return 1 }
            guard let page = Int(digits: text), (1...DirectoryQuery.maximumPage).contains(page) else {
                throw Abort(.badRequest, reason: "page must be a whole number from 1 to \(DirectoryQuery.maximumPage).")
            }
            return page
        }

        @Sendable func search(req: Request) async throws -> DirectorySearchResponse {
            let user = try req.requireUser(.applicant)
            let query = try req.query.decode(DirectoryQuery.self)
            let page = try Self.page(query)
            let search = try query.search(specialties: Set(req.residency.specialties)).get()
            let (applicant, hits) = try await req.directoryScreening.search(search, for: user)
            let onList = try await RoundsApp.DirectoryController.onList(user, on: req.db)
            let shown = hits.dropFirst((page - 1) * DirectoryQuery.perPage).prefix(DirectoryQuery.perPage)
            return DirectorySearchResponse(
                total: hits.count, page: page, perPage: DirectoryQuery.perPage, hasProfile: applicant != nil,
                programs: shown.map { ScreenedProgramResponse(id: $0.id, program: $0.program, screening: $0.screening, miles: $0.miles, onList: onList.contains($0.id)) })
        }

        @Sendable func program(req: Request) async throws -> ScreenedProgramResponse {
            let user = try req.requireUser(.applicant)
            let entry = try await req.directory.entry(req.parameters.get(DirectoryProgramID.self))
            let id = try entry.requireID()
            return ScreenedProgramResponse(
                id: id, program: entry.program(), screening: try await req.directoryScreening.screen(entry, for: user), miles: nil,
                onList: try await RoundsApp.DirectoryController.onList(user, on: req.db).contains(id))
        }

        struct AddBody: Content {
            var year: Int?
        }

        @Sendable func add(req: Request) async throws -> Response {
            let user = try req.requireUser(.applicant)
            let entry = try await req.directory.entry(req.parameters.get(DirectoryProgramID.self))
            let body = try req.jsonBody(AddBody.self, orWhenEmpty: AddBody())
            if let year = body.year, req.residency.calendar[year] == nil {
                throw Abort(.notFound, reason: "No such season: Rounds has data for the \(req.residency.calendar.matchYears.map(String.init).joined(separator: " and ")) Match.")
            }
            let (program, _) = try await req.directoryScreening.addToList(entry, for: user, requestedYear: body.year)
            return try await ResidencyProgramResponse(program).encodeResponse(status: .created, for: req)
        }

        @Sendable func list(req: Request) async throws -> [DirectoryProgramResponse] {
            _ = try DirectoryAdminController.editor(req)
            return try await req.directory.entries().map(DirectoryProgramResponse.init)
        }

        /// The body: one object of strings named like the CSV's columns (facts with their provenance).
        static func draft(_ req: Request) throws -> DirectoryProgramDraft {
            // JSON null is read as absent, as for every request body.
            let fields = try req.jsonBody([String: String?].self).compactMapValues { $0 }
            let known = Set(DirectoryCSV.columns)
            if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
                throw Abort(.badRequest, reason: "Unknown field “\(unknown.prefix(60))”; the fields are the directory CSV's columns.")
            }
            return DirectoryProgramDraft(columns: fields)
        }

        @Sendable func create(req: Request) async throws -> Response {
            let user = try DirectoryAdminController.editor(req)
            let entry = try await req.directory.save(try Self.draft(req), as: nil, by: try DirectoryEditor(user))
            return try await DirectoryProgramResponse(entry).encodeResponse(status: .created, for: req)
        }

        @Sendable func entry(req: Request) async throws -> DirectoryEntryResponse {
            _ = try DirectoryAdminController.editor(req)
            let entry = try await req.directory.entry(req.parameters.get(DirectoryProgramID.self))
            return DirectoryEntryResponse(program: try DirectoryProgramResponse(entry), changes: try await req.directory.changes(of: entry.requireID()).map(DirectoryChangeResponse.init))
        }

        @Sendable func update(req: Request) async throws -> DirectoryProgramResponse {
            let user = try DirectoryAdminController.editor(req)
            let entry = try await req.directory.entry(req.parameters.get(DirectoryProgramID.self))
            return try DirectoryProgramResponse(try await req.directory.save(try Self.draft(req), as: entry, by: try DirectoryEditor(user)))
        }

        @Sendable func importCSV(req: Request) async throws -> DirectoryImportResponse {
            let user = try DirectoryAdminController.editor(req)
            guard let contentType = req.headers.contentType, contentType.type == "text", contentType.subType == "csv" else {
                throw Abort(.unsupportedMediaType, reason: "Send the directory as text/csv.")
            }
            guard let body = req.body.data, body.readableBytes > 0 else { throw Abort(.badRequest, reason: "The body is empty; send the CSV file.") }
            guard let text = String(validating: body.readableBytesView, as: UTF8.self) else { throw Abort(.badRequest, reason: "The CSV is not UTF-8 text.") }
            do {
                let summary = try await req.directory.importCSV(text, by: try DirectoryEditor(user))
                return DirectoryImportResponse(added: summary.added, updated: summary.updated, unchanged: summary.unchanged)
            } catch let report as DirectoryCSV.Report {
                throw ValidationReport(report.errors.map { FieldError(field: "line \($0.line), \($0.column)", message: $0.reason) })
            }
        }

        @Sendable func export(req: Request) async throws -> Response {
            _ = try DirectoryAdminController.editor(req)
            return Response.csv(try await req.directory.exportCSV())
        }
    }
}
