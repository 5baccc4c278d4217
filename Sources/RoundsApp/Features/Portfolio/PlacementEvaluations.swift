import Fluent
import Foundation
import RoundsCore
import Vapor

/// Hosts evaluate a completed placement once, on the six ACGME competencies; the applicant sees it on the
/// experience the placement produced.
struct PlacementEvaluations {
    let db: any Database
    let now: Date
    let origin: String

    static func scores(_ evaluation: PlacementEvaluation) -> [Competency: Int] {
        let values = evaluation.scores.split(separator: ",").compactMap { Int($0) }
        return Dictionary(uniqueKeysWithValues: zip(Competency.allCases, values))
    }

    func evaluation(of applicationID: UUID) async throws -> PlacementEvaluation? {
        try await PlacementEvaluation.query(on: self.db).filter(\.$application.$id == applicationID).first()
    }

    func record(_ loaded: LoadedApplication, by host: User, scores: [String: String], comments: String) async throws {
        guard loaded.parties(of: host).contains(.host) else { throw ApplicationWorkflow.notFound }
        guard loaded.status == .completed else {
            throw Abort(.conflict, reason: "Only a completed placement can be evaluated; this one is \(loaded.status.displayName.lowercased()).")
        }
        let checked = try Competency.check(scores: scores, comments: comments).get()
        let applicationID = try loaded.application.requireID()
        let evaluation = PlacementEvaluation()
        evaluation.$application.id = applicationID
        evaluation.$host.id = try host.requireID()
        evaluation.scores = Competency.allCases.map { String(checked[$0] ?? 0) }.joined(separator: ",")
        evaluation.comments = comments.trimmingWhitespace()
        evaluation.createdAt = self.now
        do {
            try await self.db.transaction { db in
                try await evaluation.create(on: db)
                try await Notifier.notify(
                    loaded.applicant, title: "\(host.displayName) evaluated your placement",
                    body: "\(loaded.opportunity.title): the evaluation is on the experience in your portfolio.",
                    link: SiteRoute.portfolio.path, origin: self.origin, now: self.now, on: db
                )
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Abort(.conflict, reason: "This placement has been evaluated already.")
        }
    }
}

extension Request {
    var placementEvaluations: PlacementEvaluations { PlacementEvaluations(db: self.db, now: self.now, origin: self.config.server.origin) }
}

extension PortfolioStore {
    func procedures(of loaded: LoadedExperience) async throws -> [ProcedureLog] {
        try await ProcedureLog.query(on: self.db).filter(\.$experience.$id == loaded.experience.requireID()).sort(\.$createdAt).all()
    }

    func addProcedure(to loaded: LoadedExperience, procedure: String, role: String, count: String) async throws -> ProcedureLog {
        var errors: [FieldError] = []
        let name = procedure.trimmingWhitespace()
        if name.isEmpty || procedure.textLength > 120 { errors.append(FieldError(field: "procedure", message: "Name the procedure or case (at most 120 characters).")) }
        errors += GuardedText.problems(name, field: "procedure", label: "The procedure")
        let parsedRole = ProcedureRole(rawValue: role)
        if parsedRole == nil { errors.append(FieldError(field: "role", message: "Choose observed, assisted or performed.")) }
        let parsedCount = Int(count.trimmingWhitespace()).flatMap { (1...1_000).contains($0) ? $0 : nil }
        if parsedCount == nil { errors.append(FieldError(field: "count", message: "Enter how many, from 1 to 1,000.")) }
        guard errors.isEmpty, let parsedRole, let parsedCount else { throw ValidationReport(errors) }
        let log = ProcedureLog()
        log.$experience.id = try loaded.experience.requireID()
        log.procedure = name
        log.role = parsedRole.rawValue
        log.count = parsedCount
        log.createdAt = self.now
        try await log.create(on: self.db)
        return log
    }

    /// The evaluation of the placement an experience came from, if any.
    func evaluation(of loaded: LoadedExperience) async throws -> PlacementEvaluation? {
        guard let applicationID = loaded.experience.$application.id else { return nil }
        return try await PlacementEvaluation.query(on: self.db).filter(\.$application.$id == applicationID).first()
    }
}
