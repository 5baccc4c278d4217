import Fluent
import RoundsCore
import Tagged
import Vapor

/// The applicant's program directory: search with verdicts, one program, and "add to my list".
struct DirectoryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
        applicants.get(SiteRoute.residencyDirectory, use: self.search)
        applicants.get(SiteRoute.residencyDirectoryProgram(.key), use: self.program)
        applicants.post(SiteRoute.addDirectoryProgram(.key), use: self.add)
    }

    /// The directory programs already on any of the applicant's lists.
    static func onList(_ user: User, on db: any Database) async throws -> Set<UUID> {
        Set(try await ResidencyProgram.query(on: db).filter(\.$owner.$id == user.requireID()).filter(\.$directoryProgramID != nil).all().compactMap(\.directoryProgramID))
    }

    @Sendable func search(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let query = try req.query.decode(DirectoryQuery.self)
        let specialties = req.residency.specialties
        var errors = ValidationReport()
        let search: DirectorySearch
        switch query.search(specialties: Set(specialties)) {
        case .success(let valid): search = valid
        case .failure(let report):
            errors = report
            search = DirectorySearch()
        }
        let (applicant, hits) = try await req.directoryScreening.search(search, for: user)
        let page = DirectoryPages.search(
            DirectoryPages.SearchPage(
                query: query, errors: errors, hits: errors.isValid ? hits : [], hasProfile: applicant != nil, onList: try await Self.onList(user, on: req.db),
                specialties: specialties, context: req.pageContext))
        return try await page.page(status: errors.isValid ? .ok : .unprocessableEntity).encodeResponse(for: req)
    }

    @Sendable func program(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser(.applicant)
        let entry = try await req.directory.entry(req.parameters.get(DirectoryProgramID.self))
        return try DirectoryPages.detail(
            entry, screening: try await req.directoryScreening.screen(entry, for: user), onList: try await Self.onList(user, on: req.db).contains(entry.requireID()),
            hospital: entry.ccn.flatMap { CMSHospital.shipped[$0] }, context: req.pageContext
        ).page()
    }

    struct AddForm: Content {
        var year: String?
    }

    @Sendable func add(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let entry = try await req.directory.entry(req.parameters.get(DirectoryProgramID.self))
        let year = try req.content.decode(AddForm.self).year.flatMap { Int($0) }
        do {
            let (program, year) = try await req.directoryScreening.addToList(entry, for: user, requestedYear: year)
            return req.redirect(
                to: SiteRoute.residencyDirectoryProgram(try entry.requireTypedID()).path,
                flash: Flash(kind: .success, message: "\(program.name) added to your \(year) program list."))
        } catch let report as ValidationReport {
            return req.redirect(
                to: SiteRoute.residencyDirectoryProgram(try entry.requireTypedID()).path, flash: Flash(kind: .error, message: report.errors.map(\.message).joined(separator: " ")))
        }
    }
}
