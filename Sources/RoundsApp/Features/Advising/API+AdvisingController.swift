import Fluent
import Foundation
import RoundsCore
import Tagged
import Vapor

extension API {
    /// Statements, reviews and advisor slots over JSON, with the rules of the pages.
    struct AdvisingController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
            applicants.get(APIRoute.statements, use: self.statements)
            applicants.post(APIRoute.statements, use: self.createStatement)
            applicants.get(APIRoute.statement(.key), use: self.statement)
            applicants.post(APIRoute.statementVersions(.key), use: self.addVersion)
            applicants.get(APIRoute.statementDiff(.key), use: self.diff)
            applicants.post(APIRoute.reviews, use: self.requestReview)
            applicants.post(APIRoute.reviewDecisions(.key), use: self.decide)
            applicants.get(APIRoute.advisingSlots, use: self.sessions)
            applicants.post(APIRoute.slotBooking(.key), use: self.book)
            applicants.delete(APIRoute.slotBooking(.key), use: self.cancelBooking)
            let parties = routes.grouped(SignInRequired(roles: [.applicant, .advisor]))
            parties.get(APIRoute.reviews, use: self.reviews)
            parties.get(APIRoute.review(.key), use: self.review)
            parties.post(APIRoute.reviewAction(.key, .key), use: self.act)
            let advisors = routes.grouped(SignInRequired(roles: [.advisor]))
            advisors.post(APIRoute.reviewComments(.key), use: self.comment)
            advisors.delete(APIRoute.reviewComment(.key, .key), use: self.deleteComment)
            advisors.get(APIRoute.advisorSlots, use: self.advisorSlots)
            advisors.post(APIRoute.advisorSlots, use: self.publish)
            advisors.post(APIRoute.cancelSlot(.key), use: self.cancelSlot)
        }

        struct StatementInput: Content {
            var title: String
            var specialty: String
            var service: String
            var text: String
            var note: String?

            var draft: StatementDraft { StatementDraft(title: self.title, specialty: self.specialty, service: self.service, text: self.text, note: self.note ?? "") }
        }

        @Sendable func statements(req: Request) async throws -> [StatementResponse] {
            try await req.statements.statements(of: try req.requireUser(.applicant)).map { try StatementResponse($0.statement, versions: [$0.latest]) }
        }

        @Sendable func createStatement(req: Request) async throws -> Response {
            let user = try req.requireUser(.applicant)
            let statement = try await req.statements.create(try req.jsonBody(StatementInput.self).draft, by: user)
            return try await StatementResponse(statement, versions: statement.versions).encodeResponse(status: .created, for: req)
        }

        @Sendable func statement(req: Request) async throws -> StatementResponse {
            let statement = try await req.statements.statement(req.parameters.get(StatementID.self), of: try req.requireUser(.applicant))
            return try StatementResponse(statement, versions: statement.versions)
        }

        @Sendable func addVersion(req: Request) async throws -> Response {
            let user = try req.requireUser(.applicant)
            let statement = try await req.statements.statement(req.parameters.get(StatementID.self), of: user)
            let version = try await req.statements.addVersion(try req.jsonBody(StatementInput.self).draft, to: statement, by: user)
            return try await StatementVersionResponse(version).encodeResponse(status: .created, for: req)
        }

        /// Read as text: the form decoder's `Int` takes a sign ("+1"), which the document's integer does not.
        struct DiffQuery: Content {
            var from: String
            var to: String
        }

        @Sendable func diff(req: Request) async throws -> DiffResponse {
            let statement = try await req.statements.statement(req.parameters.get(StatementID.self), of: try req.requireUser(.applicant))
            guard let query = try? req.query.decode(DiffQuery.self), let fromNumber = Int(digits: query.from), let toNumber = Int(digits: query.to) else {
                throw Abort(.badRequest, reason: "Give from and to, two version numbers.")
            }
            guard let from = statement.versions.first(where: { $0.number == fromNumber }), let to = statement.versions.first(where: { $0.number == toNumber }) else {
                throw Abort(.notFound, reason: "No such version of this statement.")
            }
            return DiffResponse(from: from.number, to: to.number, result: WordDiff.compare(from.text, to.text))
        }

        @Sendable func reviews(req: Request) async throws -> [ReviewResponse] {
            try await req.reviews.reviews(of: try req.requireUser()).map { try ReviewResponse($0, full: false) }
        }

        @Sendable func requestReview(req: Request) async throws -> Response {
            let user = try req.requireUser(.applicant)
            let form = try req.jsonBody(ReviewDesk.RequestForm.self)
            let review = try await req.reviews.request(form, by: user, sending: { try await ReviewsController.sent($0, version: $1, by: user, req: req) })
            review.$comments.value = []
            return try await ReviewResponse(review, full: true).encodeResponse(status: .created, for: req)
        }

        @Sendable func review(req: Request) async throws -> ReviewResponse {
            try ReviewResponse(try await req.reviews.review(req.parameters.get(ReviewID.self), for: try req.requireUser()), full: true)
        }

        struct CommentInput: Content {
            var quote: String
            var near: Int?
            var body: String?
            /// Absent or null for a plain comment; a string (possibly empty: remove the passage) suggests it.
            var replacement: String?
        }

        @Sendable func comment(req: Request) async throws -> Response {
            let user = try req.requireUser(.advisor)
            let review = try await req.reviews.review(req.parameters.get(ReviewID.self), for: user)
            let input = try req.jsonBody(CommentInput.self)
            let draft = ReviewCommentDraft(
                quote: input.quote, near: input.near.map(String.init) ?? "", body: input.body ?? "", replacement: input.replacement ?? "", suggests: input.replacement != nil)
            return try await ReviewCommentResponse(try await req.reviews.comment(draft, on: review, by: user)).encodeResponse(status: .created, for: req)
        }

        @Sendable func deleteComment(req: Request) async throws -> HTTPStatus {
            let user = try req.requireUser(.advisor)
            let review = try await req.reviews.review(req.parameters.get(ReviewID.self), for: user)
            try await req.reviews.deleteComment(req.parameters.get(ReviewCommentID.self), on: review, by: user)
            return .noContent
        }

        struct ActionInput: Content {
            var summary: String?
        }

        @Sendable func act(req: Request) async throws -> ReviewResponse {
            let user = try req.requireUser()
            let review = try await req.reviews.review(req.parameters.get(ReviewID.self), for: user)
            guard let action = req.parameters.get(ReviewAction.self) else { throw Abort(.notFound, reason: "No such action.") }
            let input = try req.jsonBody(ActionInput.self, orWhenEmpty: ActionInput())
            try await req.reviews.act(action, on: review, by: user, summary: input.summary)
            return try ReviewResponse(review, full: true)
        }

        struct DecisionsInput: Content {
            struct Decision: Content {
                var comment: UUID
                var decision: SuggestionDecision
            }

            var decisions: [Decision]
        }

        struct DecisionsResponse: Content {
            /// The version made from the accepted suggestions; absent when none was accepted.
            var version: StatementVersionResponse?
        }

        @Sendable func decide(req: Request) async throws -> DecisionsResponse {
            let user = try req.requireUser(.applicant)
            let review = try await req.reviews.review(req.parameters.get(ReviewID.self), for: user)
            let input = try req.jsonBody(DecisionsInput.self)
            guard input.decisions.count <= 200 else { throw Abort(.badRequest, reason: "At most 200 decisions at once.") }
            let decisions = Dictionary(input.decisions.map { ($0.comment, $0.decision) }, uniquingKeysWith: { $1 })
            let version = try await req.reviews.decide(decisions, on: review, by: user, statements: req.statements)
            return DecisionsResponse(version: try version.map(StatementVersionResponse.init))
        }

        @Sendable func sessions(req: Request) async throws -> SessionsResponse {
            let user = try req.requireUser(.applicant)
            return SessionsResponse(
                policy: BookingPolicy.summary, open: try await req.advisorSlots.open().map { try SlotResponse($0, for: user) },
                bookings: try await req.advisorSlots.bookings(of: user).map { try SlotResponse($0, for: user) })
        }

        @Sendable func book(req: Request) async throws -> SlotResponse {
            let user = try req.requireUser(.applicant)
            let slot = try await req.advisorSlots.slot(req.parameters.get(AdvisorSlotID.self))
            try await req.advisorSlots.book(slot, for: user)
            return try SlotResponse(slot, for: user)
        }

        @Sendable func cancelBooking(req: Request) async throws -> HTTPStatus {
            let user = try req.requireUser(.applicant)
            try await req.advisorSlots.cancelBooking(try await req.advisorSlots.slot(req.parameters.get(AdvisorSlotID.self)), by: user)
            return .noContent
        }

        @Sendable func advisorSlots(req: Request) async throws -> [SlotResponse] {
            let user = try req.requireUser(.advisor)
            return try await req.advisorSlots.slots(of: user).map { try SlotResponse($0, for: user) }
        }

        struct SlotInput: Content {
            var kind: String
            var date: String
            var time: String
            var timeZone: String
            var minutes: Int
            var location: String
            var note: String?

            enum CodingKeys: String, CodingKey {
                case kind, date, time, minutes, location, note
                case timeZone = "time_zone"
            }
        }

        @Sendable func publish(req: Request) async throws -> Response {
            let user = try req.requireUser(.advisor)
            let input = try req.jsonBody(SlotInput.self)
            let draft = AdvisorSlotDraft(
                kind: input.kind, date: input.date, time: input.time, timeZone: input.timeZone, minutes: String(input.minutes), location: input.location, note: input.note ?? "")
            let slot = try await req.advisorSlots.publish(draft, by: user)
            return try await SlotResponse(slot, for: user).encodeResponse(status: .created, for: req)
        }

        struct CancelInput: Content {
            var reason: String?
        }

        @Sendable func cancelSlot(req: Request) async throws -> HTTPStatus {
            let user = try req.requireUser(.advisor)
            let slot = try await req.advisorSlots.slot(req.parameters.get(AdvisorSlotID.self))
            try await req.advisorSlots.cancelSlot(slot, by: user, reason: try req.jsonBody(CancelInput.self, orWhenEmpty: CancelInput()).reason ?? "")
            return .noContent
        }
    }
}
