import ArgumentParser
import Foundation
import RoundsCore

/// `rounds-bench identifiers`: the identifier guard's precision and recall per Safe Harbor category on the
/// labelled set, optionally beside another detector's spans scored the same way, and the time to check a
/// 5,000-character text.
struct IdentifierBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identifiers",
        abstract: "Scores the identifier guard on the labelled set per category and times a 5,000-character text."
    )
    @Option(help: "The labelled set.") var set = "Tests/RoundsCoreTests/Resources/identifier-set.txt"
    @Option(help: "Another detector's spans as JSON lines (scripts/presidio-compare writes them), scored beside the guard.")
    var spans: String?
    @Option(help: "The other detector's name in the table.") var name = "Presidio"
    @OptionGroup var repeats: BenchCommand.RepeatOption

    struct Line: Decodable {
        var line: Int
        var text: String
        var spans: [IdentifierEvaluation.Mark]
    }

    func run() throws {
        let sentences = try IdentifierEvaluation.parse(String(contentsOfFile: self.set, encoding: .utf8))
        let ours = IdentifierEvaluation.guardScore(sentences)
        var other: IdentifierEvaluation?
        if let spans {
            let lines = try String(contentsOfFile: spans, encoding: .utf8).split(whereSeparator: \.isNewline)
            let decoded = try lines.map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
            let byLine = Dictionary(decoded.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
            var evaluation = IdentifierEvaluation()
            for sentence in sentences {
                guard let found = byLine[sentence.line], found.text == sentence.text else {
                    throw ValidationError("\(spans) has no spans for line \(sentence.line) of the set, or its text differs")
                }
                evaluation.add(sentence, predicted: found.spans)
            }
            other = evaluation
        }
        let positives = sentences.filter { !$0.labels.isEmpty }.count
        print("\(sentences.count) sentences, \(positives) with identifiers, \(ours.total.labelled) identifiers")
        print(Self.table(ours, other: other, otherName: self.name))
        print(try Self.timing(sentences, repeats: self.repeats.count))
    }

    static func table(_ ours: IdentifierEvaluation, other: IdentifierEvaluation?, otherName: String) -> String {
        func figure(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "–" }
        var header = "| category | identifiers | Rounds recall | Rounds precision |"
        var rule = "| --- | ---: | ---: | ---: |"
        if other != nil {
            header += " \(otherName) recall | \(otherName) precision |"
            rule += " ---: | ---: |"
        }
        var lines = [header, rule]
        let categories = IdentifierType.allCases.map(\.rawValue).filter { ours.rows[$0] != nil || other?.rows[$0] != nil }
        for category in categories + ["all"] {
            let mine = category == "all" ? ours.total : ours.rows[category] ?? .init(category: category)
            var line = "| \(category) | \(mine.labelled) | \(figure(mine.recall)) | \(figure(mine.precision)) |"
            if let other {
                let theirs = category == "all" ? other.total : other.rows[category] ?? .init(category: category)
                line += " \(figure(theirs.recall)) | \(figure(theirs.precision)) |"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// A 5,000-character text made of the set's sentences, checked `repeats` times (after one warm-up that
    /// loads the name and place lists); the median in milliseconds.
    static func timing(_ sentences: [IdentifierEvaluation.Sentence], repeats: Int) throws -> String {
        var text = ""
        for sentence in sentences.shuffledDeterministically() where text.count < 5_000 { text += sentence.text + " " }
        text = String(text.prefix(5_000))
        _ = IdentifierGuard.scan(text)
        var times: [Double] = []
        var found = 0
        for _ in 0..<repeats {
            let start = ContinuousClock.now
            found = IdentifierGuard.scan(text).count
            let elapsed = ContinuousClock.now - start
            times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
        }
        return String(format: "5,000-character text (%d spans): median %.2f ms over %d runs", found, median(times), repeats)
    }
}

extension Array {
    /// Every seventh element first, and so on: a mix of the set's sections that is the same on every run.
    fileprivate func shuffledDeterministically() -> [Element] {
        (0..<7).flatMap { offset in stride(from: offset, to: self.count, by: 7).map { self[$0] } }
    }
}
