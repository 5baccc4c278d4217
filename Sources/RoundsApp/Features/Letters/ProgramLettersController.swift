import Fluent
import RoundsCore
import Tagged
import Vapor

/// Reviewers read the letters assigned to their programs; admins keep programs and see the read log.
struct ProgramLettersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let reviewers = routes.grouped(SignInRequired(roles: [.advisor]))
        reviewers.get(SiteRoute.reviewerPrograms, use: self.reviewerIndex)
        reviewers.get(SiteRoute.reviewerProgram(.key), use: self.reviewerProgram)
        reviewers.get(SiteRoute.reviewerLetterFile(program: .key, letter: .key), use: self.reviewerFile)
        let admins = routes.grouped(SignInRequired(roles: [.admin]))
        admins.get(SiteRoute.adminPrograms, use: self.adminIndex)
        admins.post(SiteRoute.adminPrograms, use: self.createProgram)
        admins.post(SiteRoute.adminProgramReviewers(.key), use: self.addReviewer)
        admins.get(SiteRoute.adminLetterReads, use: self.readLog)
    }

    struct ProgramForm: Content {
        var name: String?
        var specialtyID: String?
        var city: String?
        var state: String?
        enum CodingKeys: String, CodingKey {
            case name, city, state
            case specialtyID = "specialty_id"
        }
    }

    struct ReviewerForm: Content {
        var email: String?
    }

    @Sendable func reviewerIndex(req: Request) async throws -> HTMLPage {
        ProgramPages.reviewerIndex(try await req.programLetters.programs(reviewedBy: try req.requireUser(.advisor)), context: req.pageContext).page()
    }

    @Sendable func reviewerProgram(req: Request) async throws -> HTMLPage {
        guard let id = req.parameters.get(ProgramID.self)?.rawValue else { throw ProgramLetters.notYours }
        let programs = req.programLetters
        let program = try await programs.program(id, reviewedBy: try req.requireUser(.advisor))
        return ProgramPages.reviewerProgram(program, letters: try await programs.letters(assignedTo: program), context: req.pageContext).page()
    }

    @Sendable func reviewerFile(req: Request) async throws -> Response {
        guard let programID = req.parameters.get(ProgramID.self)?.rawValue, let letterID = req.parameters.get(LetterID.self)?.rawValue else {
            throw ProgramLetters.notYours
        }
        let (letter, data) = try await req.programLetters.file(letter: letterID, program: programID, reviewer: try req.requireUser(.advisor))
        return LetterFileResponse.make(letter, data)
    }

    @Sendable func adminIndex(req: Request) async throws -> HTMLPage {
        try await self.adminPage(req, form: [:], errors: ValidationReport(), status: .ok)
    }

    @Sendable func createProgram(req: Request) async throws -> Response {
        let form = try req.content.decode(ProgramForm.self)
        let draft = ProgramDraft(name: form.name ?? "", specialtyID: form.specialtyID ?? "", city: form.city ?? "", state: form.state ?? "")
        do {
            let program = try await req.programLetters.create(draft, by: try req.requireUser(.admin))
            return req.redirect(to: SiteRoute.adminPrograms.path, flash: Flash(kind: .success, message: "Added \(program.name)."))
        } catch let report as ValidationReport {
            let values = ["name": form.name, "specialty_id": form.specialtyID, "city": form.city, "state": form.state].compactMapValues { $0 }
            return try await self.adminPage(req, form: values, errors: report, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func addReviewer(req: Request) async throws -> Response {
        guard let id = req.parameters.get(ProgramID.self)?.rawValue else { throw Abort(.notFound, reason: "No such program.") }
        let email = try req.content.decode(ReviewerForm.self).email ?? ""
        do {
            try await req.programLetters.addReviewer(email: email, to: id, by: try req.requireUser(.admin))
            return req.redirect(to: SiteRoute.adminPrograms.path, flash: Flash(kind: .success, message: "\(email) now reviews the program."))
        } catch let report as ValidationReport {
            // The refused address comes back in its own program's row.
            return try await self.adminPage(req, form: ["reviewer_for": id.uuidString, "email": email], errors: report, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    @Sendable func readLog(req: Request) async throws -> HTMLPage {
        ProgramPages.readLog(try await req.programLetters.readLog(), context: req.pageContext).page()
    }

    private func adminPage(_ req: Request, form: [String: String], errors: ValidationReport, status: HTTPResponseStatus) async throws -> HTMLPage {
        let programs = req.programLetters
        var rows: [(Program, [User])] = []
        for program in try await programs.programs() { rows.append((program, try await programs.reviewers(of: program))) }
        return ProgramPages.admin(rows, form: form, errors: errors, context: req.pageContext).page(status: status)
    }
}
