import Fluent
import RoundsCore
import Tagged
import Vapor

/// The applicant's letter pages.
struct LettersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
        applicants.get(SiteRoute.letters, use: self.index)
        applicants.post(SiteRoute.letters, use: self.create)
        applicants.get(SiteRoute.letter(.key), use: self.show)
        applicants.get(SiteRoute.letterFile(.key), use: self.file)
        applicants.post(SiteRoute.remindLetter(.key), use: self.remind)
        applicants.post(SiteRoute.revokeLetter(.key), use: self.revoke)
        applicants.post(SiteRoute.assignLetter(.key), use: self.assign)
        applicants.post(SiteRoute.unassignLetter(.key, program: .key), use: self.unassign)
        applicants.post(SiteRoute.applyWithLetters(.key, program: .key), use: self.apply)
    }

    struct RequestForm: Content {
        var writerName: String?
        var writerEmail: String?
        var writerTitle: String?
        var writerInstitution: String?
        var message: String?
        var waiver: String?
        var applicationID: String?

        enum CodingKeys: String, CodingKey {
            case message, waiver
            case writerName = "writer_name"
            case writerEmail = "writer_email"
            case writerTitle = "writer_title"
            case writerInstitution = "writer_institution"
            case applicationID = "application_id"
        }

        var draft: LetterRequestDraft {
            LetterRequestDraft(
                writerName: self.writerName ?? "", writerEmail: self.writerEmail ?? "", writerTitle: self.writerTitle ?? "",
                writerInstitution: self.writerInstitution ?? "", message: self.message ?? "", waiver: self.waiver
            )
        }

        var values: [String: String] {
            [
                "writer_name": self.writerName, "writer_email": self.writerEmail, "writer_title": self.writerTitle,
                "writer_institution": self.writerInstitution, "message": self.message, "waiver": self.waiver, "application_id": self.applicationID,
            ].compactMapValues { $0 }
        }
    }

    struct AssignForm: Content {
        var programID: String?
        enum CodingKeys: String, CodingKey { case programID = "program_id" }
    }

    @Sendable func index(req: Request) async throws -> HTMLPage {
        try await self.indexPage(req, form: [:], errors: ValidationReport(), status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        let form = try req.content.decode(RequestForm.self)
        do {
            let letter = try await req.letterDesk.request(by: user, draft: form.draft, applicationID: form.applicationID)
            return req.redirect(
                to: SiteRoute.letter(try letter.requireTypedID()).path,
                flash: Flash(kind: .success, message: "Request sent: \(letter.writerName) has been e-mailed a link to upload the letter.")
            )
        } catch let report as ValidationReport {
            return try await self.indexPage(req, form: form.values, errors: report, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        try await self.detailPage(req, letter: try await self.mine(req), errors: ValidationReport(), status: .ok)
    }

    @Sendable func file(req: Request) async throws -> Response {
        let (letter, data) = try await req.letterDesk.fileForApplicant(try await self.mine(req), applicant: try req.requireUser(.applicant))
        return LetterFileResponse.make(letter, data)
    }

    @Sendable func remind(req: Request) async throws -> Response {
        let letter = try await self.mine(req)
        return try await self.act(req, letter, success: "Reminder sent with a new link; the old link no longer works.") {
            try await req.letterDesk.remind(letter, by: try req.requireUser(.applicant))
        }
    }

    @Sendable func revoke(req: Request) async throws -> Response {
        let letter = try await self.mine(req)
        return try await self.act(req, letter, success: "Request withdrawn; the writer's link no longer works.") {
            try await req.letterDesk.revoke(letter)
        }
    }

    @Sendable func assign(req: Request) async throws -> Response {
        let letter = try await self.mine(req)
        let form = try req.content.decode(AssignForm.self)
        guard let programID = form.programID.flatMap(UUID.init(uuidString:)) else {
            let report = ValidationReport([FieldError(field: "program_id", message: "Choose a program from the list.")])
            return try await self.detailPage(req, letter: letter, errors: report, status: .unprocessableEntity).encodeResponse(for: req)
        }
        do {
            return try await self.act(req, letter, success: "Letter sent to the program.") {
                try await req.letterDesk.assign(letter, to: programID)
            }
        } catch let report as ValidationReport {
            return try await self.detailPage(req, letter: letter, errors: report, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func unassign(req: Request) async throws -> Response {
        let letter = try await self.mine(req)
        guard let programID = req.parameters.get(ProgramID.self)?.rawValue else {
            throw Abort(.notFound, reason: "This letter is not assigned to that program.")
        }
        return try await self.act(req, letter, success: "Letter taken back from the program.") {
            try await req.letterDesk.unassign(letter, from: programID)
        }
    }

    @Sendable func apply(req: Request) async throws -> Response {
        let letter = try await self.mine(req)
        return try await self.act(req, letter, success: "Application submitted; the letters assigned to this program are now locked there.") {
            try await req.letterDesk.apply(with: letter, to: req.parameters.get(ProgramID.self)?.rawValue)
        }
    }

    /// Runs an action and comes back to the letter's page, with a refusal (409, 429) shown as a message.
    private func act(_ req: Request, _ letter: LetterRequest, success: String, _ body: () async throws -> Void) async throws -> Response {
        let path = SiteRoute.letter(try letter.requireTypedID()).path
        do {
            try await body()
        } catch let error as any AbortError where [.conflict, .tooManyRequests].contains(error.status) {
            return req.redirect(to: path, flash: Flash(kind: .error, message: error.reason))
        }
        return req.redirect(to: path, flash: Flash(kind: .success, message: success))
    }

    private func mine(_ req: Request) async throws -> LetterRequest {
        guard let id = req.parameters.get(LetterID.self)?.rawValue else { throw LetterDesk.notYours }
        return try await req.letterDesk.letter(id, of: try req.requireUser(.applicant))
    }

    private func indexPage(_ req: Request, form: [String: String], errors: ValidationReport, status: HTTPResponseStatus) async throws -> HTMLPage {
        let user = try req.requireUser(.applicant)
        let desk = req.letterDesk
        return LetterPages.index(
            try await desk.letters(of: user), placements: try await desk.placements(of: user), form: form, errors: errors, context: req.pageContext
        ).page(status: status)
    }

    private func detailPage(_ req: Request, letter: LetterRequest, errors: ValidationReport, status: HTTPResponseStatus) async throws -> HTMLPage {
        LetterPages.detail(
            letter, assignments: try await req.letterDesk.assignments(of: letter), programs: try await req.programLetters.programs(),
            errors: errors, context: req.pageContext
        ).page(status: status)
    }
}
