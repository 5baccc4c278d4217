import Foundation
import Testing

@testable import RoundsCore

/// The status machine, exhaustively: every (status, action, party) triple against a table written out here.
@Suite struct ApplicationTransitionTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let today = Day(now)

    /// A context in which every time condition is met, so only status and party decide.
    static func permissive(for action: ApplicationAction) -> TransitionContext {
        TransitionContext(
            now: Self.now,
            offerExpiresAt: action == .expire ? Self.now.addingTimeInterval(-1) : Self.now.addingTimeInterval(3_600),
            proposedExpiry: Self.now.addingTimeInterval(86_400),
            deadline: Self.today.adding(days: 10),
            sessionEnd: action == .complete ? Self.today.adding(days: -1) : Self.today.adding(days: 30),
            note: "Site closed for renovation"
        )
    }

    /// Written out by hand from the issue: (from, action, party) → to. Everything not listed is refused.
    static let allowed: [String: ApplicationStatus] = {
        var table: [String: ApplicationStatus] = [
            "draft submit applicant": .submitted,
            "submitted review host": .underReview,
            "under_review offer host": .offered,
            "under_review offer system": .offered,
            "waitlisted offer host": .offered,
            "waitlisted offer system": .offered,
            "under_review waitlist host": .waitlisted,
            "under_review reject host": .rejected,
            "waitlisted reject host": .rejected,
            "offered accept applicant": .accepted,
            "offered decline applicant": .declined,
            "offered expire system": .expired,
            "accepted complete host": .completed,
            "accepted complete system": .completed,
        ]
        for status in ["draft", "submitted", "under_review", "offered", "accepted", "waitlisted"] {
            table["\(status) withdraw applicant"] = .withdrawn
        }
        for status in ["submitted", "under_review", "offered", "accepted", "waitlisted"] {
            table["\(status) cancel host"] = .cancelled
        }
        return table
    }()

    static let triples: [(ApplicationStatus, ApplicationAction, ApplicationParty)] = ApplicationStatus.allCases.flatMap { status in
        ApplicationAction.allCases.flatMap { action in ApplicationParty.allCases.map { (status, action, $0) } }
    }

    @Test func everyTripleIsAsWritten() {
        #expect(Self.triples.count == 12 * 11 * 3)
        for (status, action, party) in Self.triples {
            let key = "\(status.rawValue) \(action.rawValue) \(party.rawValue)"
            let result = ApplicationTransitions.target(from: status, action: action, by: party, context: Self.permissive(for: action))
            switch (result, Self.allowed[key]) {
            case (.success(let to), let expected?):
                #expect(to == expected, "\(key)")
            case (.failure, nil):
                break
            case (.success(let to), nil):
                Issue.record("\(key) was allowed (to \(to.rawValue)) but the table refuses it")
            case (.failure(let refusal), let expected?):
                Issue.record("\(key) was refused (\(refusal.message)) but the table allows \(expected.rawValue)")
            }
        }
    }

    @Test func refusalsSayWhoOrWhatIsWrong() {
        let context = Self.permissive(for: .accept)
        #expect(ApplicationTransitions.target(from: .offered, action: .accept, by: .host, context: context) == .failure(.notYours(.accept, .host)))
        #expect(ApplicationTransitions.target(from: .rejected, action: .accept, by: .applicant, context: context) == .failure(.notFrom(.accept, .rejected)))
        #expect(TransitionRefusal.notFrom(.accept, .rejected).message == "An application that is not selected cannot be asked to accept.")
    }

    @Test func liveStatusesAreExactlyTheWithdrawableOnes() {
        let withdrawable = ApplicationStatus.allCases.filter { !ApplicationTransitions.actions(for: .applicant, from: $0).filter { $0 == .withdraw }.isEmpty }
        #expect(withdrawable == ApplicationStatus.live)
        #expect(ApplicationStatus.live == [.draft, .submitted, .underReview, .offered, .accepted, .waitlisted])
    }

    @Test func submittingAfterTheDeadlineIsRefused() {
        var context = Self.permissive(for: .submit)
        context.deadline = Self.today.adding(days: -1)
        #expect(ApplicationTransitions.target(from: .draft, action: .submit, by: .applicant, context: context) == .failure(.deadlinePassed(context.deadline)))
        context.deadline = Self.today
        #expect(ApplicationTransitions.target(from: .draft, action: .submit, by: .applicant, context: context) == .success(.submitted))
    }

    @Test func anOfferCanBeAcceptedUntilItExpiresAndExpiredOnlyAfter() {
        var context = Self.permissive(for: .accept)
        context.offerExpiresAt = Self.now
        #expect(ApplicationTransitions.target(from: .offered, action: .accept, by: .applicant, context: context) == .failure(.offerExpired))
        #expect(ApplicationTransitions.target(from: .offered, action: .expire, by: .system, context: context) == .success(.expired))
        context.offerExpiresAt = Self.now.addingTimeInterval(1)
        #expect(ApplicationTransitions.target(from: .offered, action: .accept, by: .applicant, context: context) == .success(.accepted))
        #expect(ApplicationTransitions.target(from: .offered, action: .expire, by: .system, context: context) == .failure(.offerStillOpen))
        context.offerExpiresAt = nil
        #expect(ApplicationTransitions.target(from: .offered, action: .accept, by: .applicant, context: context) == .failure(.offerExpired))
    }

    @Test(arguments: [nil, -1.0, 0.0, Double(ApplicationTransitions.maximumOfferDays) * 86_400 + 1])
    func anOfferNeedsAnExpiryInTheNearFuture(secondsAhead: Double?) {
        var context = Self.permissive(for: .offer)
        context.proposedExpiry = secondsAhead.map { Self.now.addingTimeInterval($0) }
        #expect(ApplicationTransitions.target(from: .underReview, action: .offer, by: .host, context: context) == .failure(.expiryRequired))
    }

    @Test(arguments: ["", "   \n", String(repeating: "x", count: ApplicationTransitions.maximumNoteLength + 1)])
    func cancellingNeedsAReason(note: String) {
        var context = Self.permissive(for: .cancel)
        context.note = note
        #expect(ApplicationTransitions.target(from: .accepted, action: .cancel, by: .host, context: context) == .failure(.reasonRequired))
    }

    @Test func completionWaitsForTheEndOfTheSession() {
        var context = Self.permissive(for: .complete)
        context.sessionEnd = Self.today
        #expect(ApplicationTransitions.target(from: .accepted, action: .complete, by: .host, context: context) == .failure(.sessionNotEnded(Self.today)))
    }

    @Test func seatsAreHeldByAcceptedAndCompletedOnly() {
        #expect(ApplicationStatus.allCases.filter(\.holdsSeat) == [.accepted, .completed])
    }
}
