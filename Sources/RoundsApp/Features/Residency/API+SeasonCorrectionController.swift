import Fluent
import RoundsCore
import Vapor

extension API {
    /// Administrators' corrections of season milestones over JSON: the change log, and a new correction.
    struct SeasonCorrectionController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let admins = routes.grouped(SignInRequired(roles: [.admin]))
            admins.get(APIRoute.seasonCorrections, use: self.index)
            admins.post(APIRoute.seasonCorrections, use: self.create)
        }

        struct Body: Content {
            var matchYear: Int
            var milestone: String
            var date: String?
            var time: String?
            var source: String?
            var confidence: String
            var note: String?

            enum CodingKeys: String, CodingKey {
                case milestone, date, time, source, confidence, note
                case matchYear = "match_year"
            }
        }

        @Sendable func index(req: Request) async throws -> [SeasonCorrectionResponse] {
            _ = try req.requireUser(.admin)
            return try await SeasonCorrection.query(on: req.db).with(\.$changedBy).sort(\.$changedAt, .descending).sort(\.$id).all()
                .map(SeasonCorrectionResponse.init)
        }

        @Sendable func create(req: Request) async throws -> Response {
            let admin = try req.requireUser(.admin)
            let body = try req.jsonBody(Body.self)
            let form = RoundsApp.SeasonCorrectionController.CorrectionForm(
                matchYear: String(body.matchYear), milestone: body.milestone, date: body.date, time: body.time, source: body.source,
                confidence: body.confidence, note: body.note)
            let saved = try await RoundsApp.SeasonCorrectionController.save(form, by: admin, req: req)
            return try await SeasonCorrectionResponse(saved).encodeResponse(status: .created, for: req)
        }
    }
}

/// A correction in the change log, as the API shows it.
struct SeasonCorrectionResponse: Content {
    var id: UUID
    var matchYear: Int
    var milestone: String
    var date: String?
    var time: String?
    var source: String?
    var confidence: String
    var note: String
    var previous: String
    var changedBy: String?
    var changedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, milestone, date, time, source, confidence, note, previous
        case matchYear = "match_year"
        case changedBy = "changed_by"
        case changedAt = "changed_at"
    }

    init(_ correction: SeasonCorrection) throws {
        self.id = try correction.requireID()
        self.matchYear = correction.matchYear
        self.milestone = correction.milestone.rawValue
        self.date = correction.day.map { Day(ordinal: $0).iso }
        self.time = correction.minute.map(SeasonCalendar.clockText)
        self.source = correction.source
        self.confidence = correction.confidence.rawValue
        self.note = correction.note
        self.previous = correction.previous
        self.changedBy = correction.$changedBy.value??.displayName
        self.changedAt = correction.changedAt
    }
}
