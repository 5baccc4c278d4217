import Fluent
import RoundsCore
import Tagged
import Vapor

extension API {
    /// The residency planner over JSON: the plan of a Match year, the program list, ticking tasks.
    struct ResidencyController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
            applicants.get(APIRoute.residencyPlan, use: self.plan)
            applicants.put(APIRoute.residencySettings, use: self.saveSettings)
            applicants.post(APIRoute.residencyCalendar, use: self.makeCalendar)
            applicants.delete(APIRoute.residencyCalendar, use: self.revokeCalendar)
            applicants.put(APIRoute.residencyTask(.key), use: self.tick)
            applicants.get(APIRoute.residencyPrograms, use: self.programs)
            applicants.post(APIRoute.residencyPrograms, use: self.create)
            applicants.get(APIRoute.residencyProgram(.key), use: self.show)
            applicants.put(APIRoute.residencyProgram(.key), use: self.update)
            applicants.delete(APIRoute.residencyProgram(.key), use: self.delete)
        }

        /// `?year=`: absent (nil) means the applicant's default season; a year Rounds has no season for
        /// is 404, anything but a whole number 400.
        static func requestedYear(_ req: Request) throws -> Int? {
            guard let text = req.query[String.self, at: "year"] else { return nil }
            guard let number = Int(digits: text) else { throw Abort(.badRequest, reason: "year must be a whole number, e.g. 2027.") }
            guard req.residency.calendar[number] != nil else {
                throw Abort(.notFound, reason: "No such season: Rounds has data for the \(req.residency.calendar.matchYears.map(String.init).joined(separator: " and ")) Match.")
            }
            return number
        }

        static func year(_ req: Request, user: User) async throws -> Int {
            guard let year = try await req.planner.matchYear(for: user, requested: try Self.requestedYear(req)) else { throw ResidencyPlanner.noSeason }
            return year
        }

        @Sendable func plan(req: Request) async throws -> ResidencyPlanResponse {
            let user = try req.requireUser(.applicant)
            guard let overview = try await req.planner.overview(of: user, requested: try Self.requestedYear(req)) else { throw ResidencyPlanner.noSeason }
            return ResidencyPlanResponse(overview, seasons: req.residency.calendar.matchYears)
        }

        struct SettingsBody: Content {
            var wantsH1B: Bool
            var reminderDays: Int?
            var weeklyDigest: Bool

            enum CodingKeys: String, CodingKey {
                case wantsH1B = "wants_h1b"
                case reminderDays = "reminder_days"
                case weeklyDigest = "weekly_digest"
            }
        }

        @Sendable func saveSettings(req: Request) async throws -> SettingsBody {
            let user = try req.requireUser(.applicant)
            let body = try req.jsonBody(SettingsBody.self)
            try await req.planner.saveSettings(wantsH1B: body.wantsH1B, reminderDays: body.reminderDays, weeklyDigest: body.weeklyDigest, for: user)
            return body
        }

        struct CalendarAddress: Content {
            var url: String
        }

        /// A new secret feed address (any earlier one stops working); shown once, only its hash is kept.
        @Sendable func makeCalendar(req: Request) async throws -> Response {
            let user = try req.requireUser(.applicant)
            let url = try await req.planner.rotateCalendar(for: user, origin: req.application.config.server.origin)
            return try await CalendarAddress(url: url).encodeResponse(status: .created, for: req)
        }

        @Sendable func revokeCalendar(req: Request) async throws -> HTTPStatus {
            try await req.planner.revokeCalendar(for: try req.requireUser(.applicant))
            return .noContent
        }

        struct TickBody: Content {
            var done: Bool
        }

        @Sendable func tick(req: Request) async throws -> HTTPStatus {
            let user = try req.requireUser(.applicant)
            guard let task = req.parameters.get(PlanTaskKind.self) else { throw Abort(.notFound, reason: "No such task.") }
            let body = try req.jsonBody(TickBody.self)
            try await req.planner.tick(task, done: body.done, for: user, year: try await Self.year(req, user: user))
            return .noContent
        }

        @Sendable func programs(req: Request) async throws -> [ResidencyProgramResponse] {
            let user = try req.requireUser(.applicant)
            return try await req.planner.programs(of: user, year: try await Self.year(req, user: user)).map(ResidencyProgramResponse.init)
        }

        @Sendable func create(req: Request) async throws -> Response {
            let user = try req.requireUser(.applicant)
            let year = try await Self.year(req, user: user)
            let draft = try req.jsonBody(ResidencyProgramForm.self).draft
            let program = try await req.planner.save(draft, as: nil, for: user, year: year)
            return try await ResidencyProgramResponse(program).encodeResponse(status: .created, for: req)
        }

        private func owned(_ req: Request) async throws -> (User, ResidencyProgram) {
            let user = try req.requireUser(.applicant)
            guard let id = req.parameters.get(ResidencyProgramID.self) else { throw Abort(.notFound, reason: "No such program on your list.") }
            return (user, try await req.planner.program(id.rawValue, of: user))
        }

        @Sendable func show(req: Request) async throws -> ResidencyProgramResponse {
            try ResidencyProgramResponse(try await self.owned(req).1)
        }

        @Sendable func update(req: Request) async throws -> ResidencyProgramResponse {
            let (user, program) = try await self.owned(req)
            let draft = try req.jsonBody(ResidencyProgramForm.self).draft
            return try ResidencyProgramResponse(try await req.planner.save(draft, as: program, for: user, year: program.matchYear))
        }

        @Sendable func delete(req: Request) async throws -> HTTPStatus {
            let (_, program) = try await self.owned(req)
            try await req.planner.delete(program)
            return .noContent
        }
    }
}
