/// A text split into words for the name and place finders: letters and digits with the apostrophes and
/// hyphens inside a word ("O'Brien", "Anne-Marie"), a trailing possessive kept apart from the word itself.
struct GuardWords {
    struct Word {
        /// The word without a possessive "'s" or "'".
        var range: Range<String.Index>
        var text: Substring
        var folded: String
        /// Capital first letter and at least one lower-case letter: "Maria", "McDonald", not "ICU" or "I".
        var isCapitalised: Bool
        var isPossessive: Bool
        /// What stands between the previous word and this one (spaces, punctuation).
        var gapBefore: Substring
        /// First word of a sentence: nothing before it, or ". ", "! ", "? ", a line break, an opening quote
        /// (but not after "Dr." and the like).
        var startsSentence: Bool
    }

    var words: [Word] = []

    static let abbreviations: Set<String> = ["dr", "mr", "mrs", "ms", "mx", "st", "prof", "no", "vs", "jr", "sr", "mt"]

    init(_ text: String) {
        var index = text.startIndex
        var gapStart = index
        while index < text.endIndex {
            guard text[index].isLetter || text[index].isNumber else {
                index = text.index(after: index)
                continue
            }
            let start = index
            var end = index
            while end < text.endIndex {
                let character = text[end]
                if character.isLetter || character.isNumber {
                    end = text.index(after: end)
                } else if "'’-".contains(character), let next = text.index(end, offsetBy: 1, limitedBy: text.endIndex), next < text.endIndex,
                    text[next].isLetter
                {
                    end = next
                } else {
                    break
                }
            }
            var core = start..<end
            var isPossessive = false
            let word = text[core]
            if word.count > 2, word.hasSuffix("'s") || word.hasSuffix("’s") {
                core = start..<text.index(end, offsetBy: -2)
                isPossessive = true
            } else if end < text.endIndex, "'’".contains(text[end]), word.last == "s" {
                isPossessive = true  // "Graves' disease"
            }
            let gap = text[gapStart..<start]
            let text = text[core]
            let first = text.first!
            self.words.append(
                Word(
                    range: core, text: text, folded: IdentifierLexicon.fold(text),
                    isCapitalised: first.isUppercase && text.contains(where: \.isLowercase), isPossessive: isPossessive,
                    gapBefore: gap, startsSentence: Self.startsSentence(gap: gap, previous: self.words.last)
                )
            )
            index = end
            gapStart = end
        }
    }

    /// Runs of capitalised words joined by single spaces (a possessive ends a run), each at most `limit`
    /// words: the candidates for names and places.
    func capitalisedRuns(limit: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < self.words.count {
            guard self.words[index].isCapitalised else {
                index += 1
                continue
            }
            var end = index + 1
            while end < self.words.count, end - index < limit, self.words[end].isCapitalised, self.words[end].gapBefore == " ", !self.words[end - 1].isPossessive {
                end += 1
            }
            runs.append(index..<end)
            index = end
        }
        return runs
    }

    /// Up to `limit` folded words before the word at `index`, nearest first, within its sentence.
    func before(_ index: Int, limit: Int) -> [String] {
        guard !self.words[index].startsSentence else { return [] }
        var result: [String] = []
        var position = index
        while position > 0, result.count < limit {
            position -= 1
            result.append(self.words[position].folded)
            if self.words[position].startsSentence { break }
        }
        return result
    }

    private static func startsSentence(gap: Substring, previous: Word?) -> Bool {
        guard let previous else { return true }
        let marks = gap.filter { !$0.isWhitespace }
        if gap.contains(where: \.isNewline) { return true }
        if marks.contains(where: { "!?:;\"“(".contains($0) }) { return true }
        if marks.hasPrefix(".") { return !Self.abbreviations.contains(previous.folded) && previous.text.count > 1 }
        return false
    }
}
