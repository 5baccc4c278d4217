import Foundation
import Testing

@testable import RoundsCore

@Suite struct ReviewTests {
    let text = "I first saw family medicine in a rural clinic. The clinic taught me patience. I want to serve rural patients."

    @Test func aPassageIsPlacedOnlyWhenFoundOnce() throws {
        let anchor = try TextAnchor.place("taught me patience", in: self.text).get()
        #expect(anchor.start == 58 && anchor.end == 76)
        #expect(TextAnchor.place("rural", in: self.text) == .failure(.ambiguous(occurrences: 2)))
        #expect(TextAnchor.place("urban clinic", in: self.text) == .failure(.notFound))
        #expect(TextAnchor.place("  \n", in: self.text) == .failure(.empty))
        // A selection in the browser sends where it starts, which settles a repeated passage.
        #expect(try TextAnchor.place("rural", in: self.text, near: 94).get().start == 94)
        #expect(TextAnchor.place("rural", in: self.text, near: 5) == .failure(.ambiguous(occurrences: 2)))
        // Offsets count code points, as every limit does: an emoji is one, an accent mark its own.
        #expect(try TextAnchor.place("b", in: "😀 e\u{301} b").get().start == 5)
    }

    @Test func aCommentFollowsItsPassageOrIsOutdated() throws {
        let anchor = try TextAnchor.place("taught me patience", in: self.text).get()
        let moved = "Summer, 2024. " + self.text
        #expect(anchor.relocated(in: moved) == TextAnchor(start: anchor.start + 14, quote: "taught me patience"))
        #expect(anchor.relocated(in: self.text.replacingOccurrences(of: "patience", with: "humility")) == nil)
        // Of several copies, the one nearest where it was.
        let twice = "taught me patience. " + self.text
        #expect(anchor.relocated(in: twice)?.start == anchor.start + 20)
    }

    @Test func acceptedSuggestionsMakeTheNextVersion() throws {
        let first = try TextAnchor.place("taught me patience", in: self.text).get()
        let second = try TextAnchor.place("I want to serve", in: self.text).get()
        let edited = try SuggestionEdits.apply(
            [.init(anchor: second, replacement: "I will serve"), .init(anchor: first, replacement: "taught me to listen")], to: self.text
        ).get()
        #expect(edited == "I first saw family medicine in a rural clinic. The clinic taught me to listen. I will serve rural patients.")
        let overlapping = try TextAnchor.place("me patience. I want", in: self.text).get()
        #expect(SuggestionEdits.apply([.init(anchor: first, replacement: "x"), .init(anchor: overlapping, replacement: "y")], to: self.text) == .failure(.overlap(0, 1)))
        #expect(SuggestionEdits.apply([.init(anchor: TextAnchor(start: 2, quote: "taught"), replacement: "y")], to: self.text) == .failure(.outOfRange(0)))
    }

    @Test func segmentsMarkEveryCommentedPassage() throws {
        let anchors = [try TextAnchor.place("rural clinic", in: self.text).get(), try TextAnchor.place("clinic. The", in: self.text).get(), nil]
        let segments = AnchoredText.segments(self.text, anchors: anchors)
        #expect(segments.map(\.text).joined() == self.text)
        #expect(segments.first { $0.text == "clinic" }?.comments == [0, 1])
        #expect(segments.first { $0.text == "rural " }?.comments == [0])
        #expect(segments.first { $0.text == ". The" }?.comments == [1])
    }

    @Test func theReviewMovesOnlyForward() {
        #expect(ReviewAction.start.next(from: .requested) == .inReview)
        #expect(ReviewAction.return.next(from: .inReview) == .returned)
        #expect(ReviewAction.close.next(from: .returned) == .closed)
        #expect(ReviewAction.withdraw.next(from: .requested) == .closed)
        for action in ReviewAction.allCases {
            #expect(action.next(from: .closed) == nil)
        }
        #expect(ReviewAction.withdraw.next(from: .inReview) == nil && ReviewAction.return.next(from: .requested) == nil)
        #expect(ReviewAction.start.actor == .advisor && ReviewAction.close.actor == .applicant)
    }

    @Test func commentsAreCheckedAgainstTheTextUnderReview() throws {
        let good = try ReviewCommentDraft(quote: "taught me patience", body: "Show, don't tell.", replacement: "taught me to wait", suggests: true)
            .check(against: self.text, subject: .statement).get()
        #expect(good.anchor.start == 58 && good.replacement == "taught me to wait")
        guard case .failure(let report) = ReviewCommentDraft(quote: "rural", body: "", suggests: false).check(against: self.text, subject: .statement) else {
            Issue.record("accepted"); return
        }
        #expect(report.errors.map(\.field) == ["quote", "body"])
        guard case .failure(let export) = ReviewCommentDraft(quote: "patience", body: "b", replacement: "x", suggests: true).check(against: self.text, subject: .erasExport) else {
            Issue.record("accepted"); return
        }
        #expect(export.errors.map(\.field) == ["replacement"])
        #expect((try? ReviewCommentDraft(quote: "patience", replacement: "patience", suggests: true).check(against: self.text, subject: .statement).get()) == nil)
    }
}
