import Fluent
import RoundsCore
import Tagged
import Vapor

extension API {
    /// The portfolio over JSON: applicants keep experiences, hour logs, goals and exports; supervisors
    /// answer verification links (no account); hosts evaluate completed placements.
    struct PortfolioController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let portfolio = routes.grouped(SignInRequired(roles: [.applicant]))
            portfolio.get(APIRoute.portfolio, use: self.overview)
            portfolio.post(APIRoute.experiences, use: self.create)
            portfolio.get(APIRoute.experience(.key), use: self.show)
            portfolio.put(APIRoute.experience(.key), use: self.update)
            portfolio.delete(APIRoute.experience(.key), use: self.delete)
            portfolio.post(APIRoute.experienceLogs(.key), use: self.log)
            portfolio.delete(APIRoute.experienceLog(.key, .key), use: self.deleteLog)
            portfolio.post(APIRoute.experienceVerification(.key), use: self.requestVerification)
            portfolio.post(APIRoute.experienceProcedures(.key), use: self.addProcedure)
            portfolio.put(APIRoute.goals, use: self.setGoal)
            portfolio.delete(APIRoute.goal(.key), use: self.deleteGoal)
            portfolio.get(APIRoute.export(.key), use: self.exportCheck)
            portfolio.get(APIRoute.exportCSV(.key), use: self.exportCSV)

            routes.get(APIRoute.verification, use: self.openVerification)
            routes.post(APIRoute.verification, use: self.answerVerification)
            routes.grouped(SignInRequired(roles: [.host])).post(APIRoute.evaluation(.key), use: self.evaluate)
        }

        struct LogBody: Content {
            var day: String
            var hours: Double
            var activities: String?
        }

        struct GoalBody: Content {
            var scope: String
            var targetHours: Int
            enum CodingKeys: String, CodingKey {
                case scope
                case targetHours = "target_hours"
            }
        }

        struct ProcedureBody: Content {
            var procedure: String
            var role: String
            var count: Int
        }

        struct AnswerBody: Content {
            var token: String
            var outcome: String
            var typedName: String
            var hours: Int?
            var note: String?
            enum CodingKeys: String, CodingKey {
                case token, outcome, hours, note
                case typedName = "typed_name"
            }
        }

        @Sendable func overview(req: Request) async throws -> PortfolioResponse {
            let overview = try await req.portfolio.overview(of: try req.requireUser(.applicant))
            return try PortfolioResponse(summary: overview.summary, goals: overview.goals, experiences: overview.experiences)
        }

        @Sendable func create(req: Request) async throws -> Response {
            let body = try req.jsonBody(ExperienceBody.self)
            let store = req.portfolio
            let experience = try await store.create(by: try req.requireUser(.applicant), try body.checkedDraft())
            return try await ExperienceResponse(try await store.load(experience)).encodeResponse(status: .created, for: req)
        }

        @Sendable func show(req: Request) async throws -> ExperienceResponse {
            let loaded = try await self.mine(req)
            let store = req.portfolio
            return try ExperienceResponse(loaded, procedures: try await store.procedures(of: loaded), evaluation: try await store.evaluation(of: loaded))
        }

        @Sendable func update(req: Request) async throws -> ExperienceResponse {
            let loaded = try await self.mine(req)
            let body = try req.jsonBody(ExperienceBody.self)
            try await req.portfolio.update(loaded, try body.checkedDraft(), reopen: body.reopen ?? false)
            return try ExperienceResponse(try await req.portfolio.load(loaded.experience))
        }

        @Sendable func delete(req: Request) async throws -> HTTPStatus {
            try await req.portfolio.delete(try await self.mine(req))
            return .noContent
        }

        @Sendable func log(req: Request) async throws -> Response {
            let loaded = try await self.mine(req)
            let body = try req.jsonBody(LogBody.self)
            _ = try await req.portfolio.log(loaded, HourLogDraft(day: body.day, hours: String(body.hours), activities: body.activities ?? ""))
            return try await ExperienceResponse(try await req.portfolio.load(loaded.experience)).encodeResponse(status: .created, for: req)
        }

        @Sendable func deleteLog(req: Request) async throws -> ExperienceResponse {
            let loaded = try await self.mine(req)
            guard let logID = req.parameters.get(HourLogID.self)?.rawValue else { throw Abort(.notFound, reason: "No such hour log on this experience.") }
            try await req.portfolio.deleteLog(logID, of: loaded)
            return try ExperienceResponse(try await req.portfolio.load(loaded.experience))
        }

        @Sendable func requestVerification(req: Request) async throws -> HTTPStatus {
            try await req.experienceVerifications.request(for: try await self.mine(req), by: try req.requireUser(.applicant))
            return .accepted
        }

        @Sendable func addProcedure(req: Request) async throws -> HTTPStatus {
            let loaded = try await self.mine(req)
            let body = try req.jsonBody(ProcedureBody.self)
            _ = try await req.portfolio.addProcedure(to: loaded, procedure: body.procedure, role: body.role, count: String(body.count))
            return .created
        }

        @Sendable func setGoal(req: Request) async throws -> PortfolioResponse {
            let body = try req.jsonBody(GoalBody.self)
            try await req.portfolio.setGoal(for: try req.requireUser(.applicant), scope: body.scope, targetHours: String(body.targetHours))
            return try await self.overview(req: req)
        }

        @Sendable func deleteGoal(req: Request) async throws -> HTTPStatus {
            guard let id = req.parameters.get(GoalID.self)?.rawValue else { throw Abort(.notFound, reason: "No such goal of yours.") }
            try await req.portfolio.deleteGoal(id, of: try req.requireUser(.applicant))
            return .noContent
        }

        @Sendable func exportCheck(req: Request) async throws -> ExportCheckResponse {
            ExportCheckResponse(try await req.portfolio.export(try RoundsApp.PortfolioController.format(req), of: try req.requireUser(.applicant)))
        }

        @Sendable func exportCSV(req: Request) async throws -> Response {
            try await RoundsApp.PortfolioController.csv(req, format: try RoundsApp.PortfolioController.format(req))
        }

        @Sendable func openVerification(req: Request) async throws -> VerificationRequestResponse {
            let token = (try? req.query.get(String.self, at: "token")) ?? ""
            let (verification, loaded, applicant) = try await req.experienceVerifications.open(token: token, ip: req.clientIP)
            return VerificationRequestResponse(
                applicantName: applicant.displayName, experience: loaded.experience.title, organization: loaded.experience.organization,
                completedHours: loaded.completedHours, expiresAt: verification.expiresAt
            )
        }

        @Sendable func answerVerification(req: Request) async throws -> HTTPStatus {
            let body = try req.jsonBody(AnswerBody.self)
            let draft = VerificationAnswerDraft(outcome: body.outcome, typedName: body.typedName, hours: body.hours.map(String.init) ?? "", note: body.note ?? "")
            _ = try await req.experienceVerifications.answer(token: body.token, draft, ip: req.clientIP)
            return .noContent
        }

        @Sendable func evaluate(req: Request) async throws -> HTTPStatus {
            let host = try req.requireUser(.host)
            let loaded = try await LoadedApplication.visible(req, to: host)
            let form = try EvaluationForm.decode(req)
            try await req.placementEvaluations.record(loaded, by: host, scores: form.scores, comments: form.comments)
            return .created
        }

        private func mine(_ req: Request) async throws -> LoadedExperience {
            guard let id = req.parameters.get(ExperienceID.self)?.rawValue else { throw PortfolioStore.notYours }
            return try await req.portfolio.experience(id, of: try req.requireUser(.applicant))
        }
    }
}
