import Foundation
import Testing

@testable import RoundsCore

@Suite struct WordDiffTests {
    @Test func showsWordsAddedAndRemoved() {
        let result = WordDiff.compare("I want to help patients in my town.", "I want to serve patients in rural towns.")
        #expect(result.changes == [.same("I want to "), .removed("help "), .added("serve "), .same("patients in "), .removed("my town."), .added("rural towns.")])
        #expect(result.addedWords == 3 && result.removedWords == 3)
    }

    @Test func spacingAloneIsNoChange() {
        let result = WordDiff.compare("One two\nthree", "One  two\n\nthree")
        #expect(result.addedWords == 0 && result.removedWords == 0)
        #expect(result.changes == [.same("One  two\n\nthree")])
        #expect(WordDiff.compare("", "").changes.isEmpty)
        #expect(WordDiff.compare("", "New text").changes == [.added("New text")])
        #expect(WordDiff.compare("Old text", "  ").changes == [.removed("Old text")])
    }

    /// Against an independent dynamic-programming LCS: the diff keeps exactly the old and new words in
    /// order, and keeps as many unchanged words as the longest common subsequence (it is minimal).
    @Test func isMinimalAndFaithfulOnRandomTexts() {
        var random = TestRandom(seed: 14)
        let vocabulary = ["a", "b", "c", "d", "e", "patient", "care"]
        for _ in 0..<400 {
            let old = (0..<Int(random.next() % 30)).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
            let new = (0..<Int(random.next() % 30)).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
            let result = WordDiff.compare(old.joined(separator: " "), new.joined(separator: " "))
            var before: [String] = [], after: [String] = [], kept = 0
            for change in result.changes {
                switch change {
                case .same(let text):
                    let words = text.split(separator: " ").map(String.init)
                    before += words; after += words; kept += words.count
                case .removed(let text): before += text.split(separator: " ").map(String.init)
                case .added(let text): after += text.split(separator: " ").map(String.init)
                }
            }
            #expect(before == old && after == new)
            #expect(kept == Self.lcs(old, new))
            #expect(result.removedWords == old.count - kept && result.addedWords == new.count - kept)
        }
    }

    @Test func twoUnrelatedLongTextsFinish() {
        let old = (0..<5_000).map { "old\($0)" }.joined(separator: " ")
        let new = (0..<5_000).map { "new\($0)" }.joined(separator: " ")
        let result = WordDiff.compare(old, new)
        #expect(result.removedWords == 5_000 && result.addedWords == 5_000)
    }

    static func lcs(_ a: [String], _ b: [String]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }
}
