import Fluent
import RoundsCore
import Tagged
import Vapor

extension API {
    /// Letters over JSON: applicants request, remind, withdraw, read (unless waived) and assign; writers
    /// answer through their link (no account); reviewers read what is assigned to their programs; admins
    /// keep programs and read the read log.
    struct LettersController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
            applicants.get(APIRoute.letters, use: self.index)
            applicants.post(APIRoute.letters, use: self.create)
            applicants.get(APIRoute.letter(.key), use: self.show)
            applicants.post(APIRoute.remindLetter(.key), use: self.remind)
            applicants.post(APIRoute.revokeLetter(.key), use: self.revoke)
            applicants.get(APIRoute.letterFile(.key), use: self.file)
            applicants.post(APIRoute.letterAssignments(.key), use: self.assign)
            applicants.delete(APIRoute.letterAssignment(.key, program: .key), use: self.unassign)
            applicants.post(APIRoute.letterProgramApplication(.key, program: .key), use: self.apply)

            routes.get(APIRoute.letterLink, use: self.openLink)
            routes.on(.POST, APIRoute.letterLinkUpload, body: .collect(maxSize: ByteCount(value: LetterFile.maximumBytes + 64 * 1_024)), use: self.upload)
            routes.post(APIRoute.letterLinkDecline, use: self.decline)

            routes.grouped(SignInRequired()).get(APIRoute.programs, use: self.programs)
            let admins = routes.grouped(SignInRequired(roles: [.admin]))
            admins.post(APIRoute.programs, use: self.createProgram)
            admins.post(APIRoute.programReviewers(.key), use: self.addReviewer)
            admins.get(APIRoute.letterReads, use: self.readLog)
            let reviewers = routes.grouped(SignInRequired(roles: [.advisor]))
            reviewers.get(APIRoute.programLetters(.key), use: self.assignedLetters)
            reviewers.get(APIRoute.programLetter(.key, letter: .key), use: self.reviewerFile)
        }

        struct RequestBody: Content {
            var writerName: String
            var writerEmail: String
            var writerTitle: String
            var writerInstitution: String
            var message: String?
            var waiver: String?
            var applicationID: UUID?

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
                    writerName: self.writerName, writerEmail: self.writerEmail, writerTitle: self.writerTitle,
                    writerInstitution: self.writerInstitution, message: self.message ?? "", waiver: self.waiver
                )
            }
        }

        struct AssignBody: Content {
            var programID: UUID
            enum CodingKeys: String, CodingKey { case programID = "program_id" }
        }

        struct DeclineBody: Content {
            var token: String
            var note: String?
        }

        struct ProgramBody: Content {
            var name: String
            var specialtyID: String
            var city: String
            var state: String
            enum CodingKeys: String, CodingKey {
                case name, city, state
                case specialtyID = "specialty_id"
            }
        }

        struct ReviewerBody: Content {
            var email: String
        }

        // MARK: applicants

        @Sendable func index(req: Request) async throws -> [LetterResponse] {
            try await req.letterDesk.letters(of: try req.requireUser(.applicant)).map { try LetterResponse($0, assignments: nil) }
        }

        @Sendable func create(req: Request) async throws -> Response {
            let user = try req.requireUser(.applicant)
            let body = try req.jsonBody(RequestBody.self)
            let letter = try await req.letterDesk.request(by: user, draft: body.draft, applicationID: body.applicationID?.uuidString)
            return try await LetterResponse(letter, assignments: []).encodeResponse(status: .created, for: req)
        }

        @Sendable func show(req: Request) async throws -> LetterResponse {
            let letter = try await self.mine(req)
            return try LetterResponse(letter, assignments: try await req.letterDesk.assignments(of: letter))
        }

        @Sendable func remind(req: Request) async throws -> LetterResponse {
            let letter = try await self.mine(req)
            try await req.letterDesk.remind(letter, by: try req.requireUser(.applicant))
            return try LetterResponse(letter, assignments: nil)
        }

        @Sendable func revoke(req: Request) async throws -> LetterResponse {
            let letter = try await self.mine(req)
            try await req.letterDesk.revoke(letter)
            return try LetterResponse(letter, assignments: nil)
        }

        @Sendable func file(req: Request) async throws -> Response {
            let (letter, data) = try await req.letterDesk.fileForApplicant(try await self.mine(req), applicant: try req.requireUser(.applicant))
            return LetterFileResponse.make(letter, data)
        }

        @Sendable func assign(req: Request) async throws -> LetterResponse {
            let letter = try await self.mine(req)
            try await req.letterDesk.assign(letter, to: try req.jsonBody(AssignBody.self).programID)
            return try LetterResponse(letter, assignments: try await req.letterDesk.assignments(of: letter))
        }

        @Sendable func unassign(req: Request) async throws -> LetterResponse {
            let letter = try await self.mine(req)
            guard let programID = req.parameters.get(ProgramID.self)?.rawValue else {
                throw Abort(.notFound, reason: "This letter is not assigned to that program.")
            }
            try await req.letterDesk.unassign(letter, from: programID)
            return try LetterResponse(letter, assignments: try await req.letterDesk.assignments(of: letter))
        }

        /// Applies to the program this letter is assigned to, with every letter assigned there.
        @Sendable func apply(req: Request) async throws -> LetterResponse {
            let letter = try await self.mine(req)
            try await req.letterDesk.apply(with: letter, to: req.parameters.get(ProgramID.self)?.rawValue)
            return try LetterResponse(letter, assignments: try await req.letterDesk.assignments(of: letter))
        }

        private func mine(_ req: Request) async throws -> LetterRequest {
            guard let id = req.parameters.get(LetterID.self)?.rawValue else { throw LetterDesk.notYours }
            return try await req.letterDesk.letter(id, of: try req.requireUser(.applicant))
        }

        // MARK: writers, by link

        @Sendable func openLink(req: Request) async throws -> LetterLinkResponse {
            let token = (try? req.query.get(String.self, at: "token")) ?? ""
            return LetterLinkResponse(try await req.letterLink.open(token: token, ip: req.clientIP))
        }

        @Sendable func upload(req: Request) async throws -> LetterLinkResponse {
            let form = try req.decodeMultipart(LetterLinkController.UploadForm.self, fields: "token and file", what: "the letter")
            let letter = try await req.letterLink.upload(
                token: form.token, fileName: form.file.filename, bytes: Array(form.file.data.readableBytesView), ip: req.clientIP
            )
            return LetterLinkResponse(letter)
        }

        @Sendable func decline(req: Request) async throws -> LetterLinkResponse {
            let body = try req.jsonBody(DeclineBody.self)
            return LetterLinkResponse(try await req.letterLink.decline(token: body.token, note: body.note ?? "", ip: req.clientIP))
        }

        // MARK: programs, reviewers, admins

        @Sendable func programs(req: Request) async throws -> [ProgramResponse] {
            try await req.programLetters.programs().map(ProgramResponse.init)
        }

        @Sendable func createProgram(req: Request) async throws -> Response {
            let body = try req.jsonBody(ProgramBody.self)
            let program = try await req.programLetters.create(
                ProgramDraft(name: body.name, specialtyID: body.specialtyID, city: body.city, state: body.state), by: try req.requireUser(.admin)
            )
            return try await ProgramResponse(program).encodeResponse(status: .created, for: req)
        }

        @Sendable func addReviewer(req: Request) async throws -> HTTPStatus {
            guard let id = req.parameters.get(ProgramID.self)?.rawValue else { throw Abort(.notFound, reason: "No such program.") }
            try await req.programLetters.addReviewer(email: try req.jsonBody(ReviewerBody.self).email, to: id, by: try req.requireUser(.admin))
            return .noContent
        }

        @Sendable func readLog(req: Request) async throws -> [LetterReadResponse] {
            try await req.programLetters.readLog().map(LetterReadResponse.init)
        }

        @Sendable func assignedLetters(req: Request) async throws -> [AssignedLetterResponse] {
            guard let id = req.parameters.get(ProgramID.self)?.rawValue else { throw ProgramLetters.notYours }
            let programs = req.programLetters
            let program = try await programs.program(id, reviewedBy: try req.requireUser(.advisor))
            return try await programs.letters(assignedTo: program).map { try AssignedLetterResponse($0, program: id) }
        }

        @Sendable func reviewerFile(req: Request) async throws -> Response {
            guard let programID = req.parameters.get(ProgramID.self)?.rawValue, let letterID = req.parameters.get(LetterID.self)?.rawValue else {
                throw ProgramLetters.notYours
            }
            let (letter, data) = try await req.programLetters.file(letter: letterID, program: programID, reviewer: try req.requireUser(.advisor))
            return LetterFileResponse.make(letter, data)
        }
    }
}
