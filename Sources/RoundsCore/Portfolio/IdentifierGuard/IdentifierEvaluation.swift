import Foundation

/// Precision and recall of an identifier detector on a labelled set, per Safe Harbor category. Offsets are
/// counted in Unicode scalars, as Python counts them, so another detector's spans can be scored here too.
public struct IdentifierEvaluation: Sendable {
    /// One labelled sentence: its text without marks, and the identifiers marked in it.
    public struct Sentence: Sendable, Equatable {
        public var line: Int
        public var text: String
        public var labels: [Mark]
    }

    public struct Mark: Sendable, Equatable, Codable {
        public var start: Int
        public var end: Int
        public var type: String
    }

    public struct Row: Sendable, Equatable {
        public var category: String
        public var labelled = 0
        public var found = 0
        public var predicted = 0
        public var correct = 0

        public init(category: String) { self.category = category }

        public var recall: Double? { self.labelled == 0 ? nil : Double(self.found) / Double(self.labelled) }
        public var precision: Double? { self.predicted == 0 ? nil : Double(self.correct) / Double(self.predicted) }
    }

    public struct ParseError: Error, CustomStringConvertible {
        public var line: Int
        public var problem: String
        public var description: String { "line \(self.line): \(self.problem)" }
    }

    /// Reads the labelled set: one sentence per line, identifiers marked `[[type|text]]`, `#` comments.
    public static func parse(_ source: String) throws -> [Sentence] {
        var sentences: [Sentence] = []
        for (number, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = String(line).trimmingWhitespace()
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            var text = ""
            var labels: [Mark] = []
            var rest = Substring(trimmed)
            while let open = rest.range(of: "[[") {
                text += rest[..<open.lowerBound]
                guard let close = rest[open.upperBound...].range(of: "]]") else { throw ParseError(line: number + 1, problem: "a [[ without ]]") }
                let mark = rest[open.upperBound..<close.lowerBound]
                guard let bar = mark.firstIndex(of: "|") else { throw ParseError(line: number + 1, problem: "a mark without |") }
                let type = String(mark[..<bar])
                guard IdentifierType(rawValue: type) != nil else { throw ParseError(line: number + 1, problem: "unknown type \(type)") }
                let start = text.unicodeScalars.count
                text += mark[mark.index(after: bar)...]
                labels.append(Mark(start: start, end: text.unicodeScalars.count, type: type))
                rest = rest[close.upperBound...]
            }
            text += rest
            sentences.append(Sentence(line: number + 1, text: text, labels: labels))
        }
        return sentences
    }

    public var rows: [String: Row] = [:]
    public var total = Row(category: "all")
    /// Labelled identifiers no span touched, and spans that touched no label, for reading.
    public var misses: [(sentence: Sentence, mark: Mark)] = []
    public var falseAlarms: [(sentence: Sentence, span: Mark)] = []

    public init() {}

    /// Counts one sentence. A label is found when a predicted span overlaps it (of any type: the text is
    /// refused either way); a predicted span is correct when it overlaps a label.
    public mutating func add(_ sentence: Sentence, predicted: [Mark]) {
        func overlaps(_ a: Mark, _ b: Mark) -> Bool { a.start < b.end && b.start < a.end }
        for mark in sentence.labels {
            let found = predicted.contains { overlaps($0, mark) }
            self.rows[mark.type, default: Row(category: mark.type)].labelled += 1
            self.total.labelled += 1
            if found {
                self.rows[mark.type]!.found += 1
                self.total.found += 1
            } else {
                self.misses.append((sentence, mark))
            }
        }
        for span in predicted {
            let correct = sentence.labels.contains { overlaps($0, span) }
            self.rows[span.type, default: Row(category: span.type)].predicted += 1
            self.total.predicted += 1
            if correct {
                self.rows[span.type]!.correct += 1
                self.total.correct += 1
            } else {
                self.falseAlarms.append((sentence, span))
            }
        }
    }

    /// The guard's spans in Unicode-scalar offsets.
    public static func marks(_ spans: [IdentifierSpan], in text: String) -> [Mark] {
        spans.map { span in
            let start = text.index(text.startIndex, offsetBy: span.start)
            let end = text.index(text.startIndex, offsetBy: span.end)
            let scalarStart = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: start)
            return Mark(start: scalarStart, end: scalarStart + text.unicodeScalars.distance(from: start, to: end), type: span.type.rawValue)
        }
    }

    /// Scores the guard on the whole set.
    public static func guardScore(_ sentences: [Sentence], lexicon: IdentifierLexicon = .shipped) -> IdentifierEvaluation {
        var evaluation = IdentifierEvaluation()
        for sentence in sentences {
            evaluation.add(sentence, predicted: Self.marks(IdentifierGuard.scan(sentence.text, lexicon: lexicon), in: sentence.text))
        }
        return evaluation
    }
}
