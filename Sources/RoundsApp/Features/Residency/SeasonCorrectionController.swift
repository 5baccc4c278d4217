import Fluent
import RoundsCore
import Vapor

/// Administrators correct a season milestone (a date published after the release, a date that moved)
/// with its source; every correction is kept with who made it and what it replaced.
struct SeasonCorrectionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admins = routes.grouped(SignInRequired(roles: [.admin]))
        admins.get(SiteRoute.adminSeason, use: self.show)
        admins.post(SiteRoute.adminSeason, use: self.correct)
    }

    struct CorrectionForm: Content {
        var matchYear: String?
        var milestone: String?
        var date: String?
        var time: String?
        var source: String?
        var confidence: String?
        var note: String?

        enum CodingKeys: String, CodingKey {
            case milestone, date, time, source, confidence, note
            case matchYear = "match_year"
        }

        static let maximumNoteLength = 500
        static let maximumSourceLength = 500

        /// The correction, or every problem with the form.
        func correction() -> Result<MilestoneCorrection, ValidationReport> {
            var errors: [FieldError] = []
            let year = self.matchYear.flatMap { Int($0) }
            if year == nil { errors.append(FieldError(field: "match_year", message: "Choose a Match year.")) }
            let kind = self.milestone.flatMap(MilestoneKind.init(rawValue:))
            if kind == nil { errors.append(FieldError(field: "milestone", message: "Choose a milestone.")) }
            let dateText = (self.date ?? "").trimmingCharacters(in: .whitespaces)
            let day = dateText.isEmpty ? nil : Day(iso: dateText)
            if !dateText.isEmpty, day == nil { errors.append(FieldError(field: "date", message: "Use the form YYYY-MM-DD, or leave empty for not published.")) }
            if let day, day < Day.earliestTyped { errors.append(FieldError(field: "date", message: "Check the year of the date.")) }
            let timeText = (self.time ?? "").trimmingCharacters(in: .whitespaces)
            let minute = timeText.isEmpty ? nil : SeasonCalendar.minuteOfDay(timeText)
            if !timeText.isEmpty, minute == nil { errors.append(FieldError(field: "time", message: "Use the form HH:MM (24-hour, Eastern).")) }
            let confidence = self.confidence.flatMap(SourceConfidence.init(rawValue:))
            if confidence == nil { errors.append(FieldError(field: "confidence", message: "Choose how sure the source is.")) }
            let source = (self.source ?? "").trimmingCharacters(in: .whitespaces)
            let note = (self.note ?? "").trimmingCharacters(in: .whitespaces)
            if (self.source ?? "").textLength > Self.maximumSourceLength { errors.append(FieldError(field: "source", message: "Use at most \(Self.maximumSourceLength) characters.")) }
            if (self.note ?? "").textLength > Self.maximumNoteLength { errors.append(FieldError(field: "note", message: "Use at most \(Self.maximumNoteLength) characters.")) }
            guard errors.isEmpty, let year, let kind, let confidence else { return .failure(ValidationReport(errors)) }
            return .success(
                MilestoneCorrection(
                    matchYear: year, kind: kind, day: day, minuteOfDay: day == nil ? nil : minute,
                    provenance: Provenance(source: source.isEmpty ? nil : source, confidence: confidence, note: note.isEmpty ? nil : note)))
        }
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        _ = try req.requireUser(.admin)
        return try await self.page(req, errors: ValidationReport()).page()
    }

    /// `draft` is a refused correction, shown again as typed.
    private func page(_ req: Request, errors: ValidationReport, draft: CorrectionForm? = nil) async throws -> PageLayout {
        let calendar = try await req.planner.calendar()
        let log = try await SeasonCorrection.query(on: req.db).with(\.$changedBy).sort(\.$changedAt, .descending).sort(\.$id).all()
        return SeasonCorrectionPage(calendar: calendar, log: log, errors: errors, context: req.pageContext, draft: draft).layout()
    }

    /// Checks and records a correction; throws `ValidationReport` and writes nothing when it is refused.
    static func save(_ form: CorrectionForm, by admin: User, req: Request) async throws -> SeasonCorrection {
        let correction = try form.correction().get()
        let calendar = try await req.planner.calendar()
        if let refusal = calendar.refusal(of: correction) { throw ValidationReport([FieldError(field: "date", message: refusal)]) }
        let previous = calendar[correction.matchYear]?[correction.kind].map(SeasonCorrectionPage.describe) ?? "not published"
        let saved = SeasonCorrection(correction, previous: previous, by: try admin.requireID(), now: req.now)
        try await req.db.transaction { db in
            try await saved.create(on: db)
            try await AdminAction.record(
                "season.correct", by: admin, subject: "\(saved.matchYear) Match: \(saved.milestone.title)", subjectID: saved.id,
                reason: "was \(previous); source \(form.source ?? "none")", now: req.now, on: db)
        }
        saved.$changedBy.value = admin
        return saved
    }

    @Sendable func correct(req: Request) async throws -> Response {
        let admin = try req.requireUser(.admin)
        let form = try req.content.decode(CorrectionForm.self)
        do {
            let saved = try await Self.save(form, by: admin, req: req)
            return req.redirect(
                to: SiteRoute.adminSeason.path,
                flash: Flash(kind: .success, message: "\(saved.matchYear) \(saved.milestone.title) corrected; was \(saved.previous)."))
        } catch let report as ValidationReport {
            return try await self.page(req, errors: report, draft: form).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
    }
}
