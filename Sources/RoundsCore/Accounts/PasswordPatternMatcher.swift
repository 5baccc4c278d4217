import Foundation

/// Finds every pattern in a password that zxcvbn's estimate knows, each with its guesses.
struct PatternMatcher {
    let characters: [Character]
    let lowered: [Character]
    let dictionaries: [[String: Int]]
    let referenceYear: Int

    /// Words longer than this are not looked up (no list holds them; it bounds the work).
    static let longestWord = 24

    init(characters: [Character], dictionaries: [[String: Int]], referenceYear: Int) {
        self.characters = characters
        self.lowered = characters.map { Character($0.lowercased()) }
        self.dictionaries = dictionaries
        self.referenceYear = referenceYear
    }

    func allMatches() -> [PasswordPattern] {
        self.dictionaryMatches() + self.keyboardWalks() + self.repeats() + self.sequences() + self.dates()
    }

    // MARK: - Dictionary words, reversed, and with l33t substitutions

    private static let l33t: [Character: [Character]] = [
        "4": ["a"], "@": ["a"], "8": ["b"], "(": ["c"], "{": ["c"], "[": ["c"], "<": ["c"], "3": ["e"],
        "6": ["g"], "9": ["g"], "1": ["i", "l"], "!": ["i"], "|": ["i", "l"], "7": ["l", "t"], "0": ["o"],
        "$": ["s"], "5": ["s"], "+": ["t"], "%": ["x"], "2": ["z"],
    ]

    private func rank(of word: String) -> Int? {
        self.dictionaries.compactMap { $0[word] }.min()
    }

    private func dictionaryMatches() -> [PasswordPattern] {
        var found: [PasswordPattern] = []
        let count = self.characters.count
        for start in 0..<count {
            for end in start..<min(count, start + Self.longestWord) {
                let slice = self.lowered[start...end]
                let word = String(slice)
                let capitals = self.capitalVariations(start, end)
                if let rank = self.rank(of: word) {
                    found.append(PasswordPattern(kind: .dictionary, start: start, end: end, guesses: Double(rank) * capitals))
                }
                if end > start, let rank = self.rank(of: String(slice.reversed())) {
                    found.append(PasswordPattern(kind: .reversedDictionary, start: start, end: end, guesses: Double(rank) * capitals * 2))
                }
                if end > start, slice.contains(where: { Self.l33t[$0] != nil }) {
                    for (candidate, substitutions) in self.unleeted(slice) {
                        guard let rank = self.rank(of: candidate) else { continue }
                        let guesses = Double(rank) * capitals * Self.l33tVariations(slice, substitutions)
                        found.append(PasswordPattern(kind: .l33t, start: start, end: end, guesses: guesses))
                    }
                }
            }
        }
        return found
    }

    /// Readings of `slice` with its l33t characters turned back into letters (at most 16 readings).
    private func unleeted(_ slice: ArraySlice<Character>) -> [(String, [Character: Character])] {
        var readings: [([Character], [Character: Character])] = [([], [:])]
        for character in slice {
            guard let letters = Self.l33t[character] else {
                readings = readings.map { ($0.0 + [character], $0.1) }
                continue
            }
            var next: [([Character], [Character: Character])] = []
            for (text, substitutions) in readings {
                // One l33t character means one letter throughout the word.
                if let chosen = substitutions[character] {
                    next.append((text + [chosen], substitutions))
                    continue
                }
                for letter in letters {
                    var chosen = substitutions
                    chosen[character] = letter
                    next.append((text + [letter], chosen))
                }
            }
            readings = Array(next.prefix(16))
        }
        return readings.filter { !$0.1.isEmpty }.map { (String($0.0), $0.1) }
    }

    /// zxcvbn's count of capitalisations an attacker tries before this one.
    private func capitalVariations(_ start: Int, _ end: Int) -> Double {
        let word = self.characters[start...end]
        let upper = word.filter(\.isUppercase).count
        let lower = word.filter(\.isLowercase).count
        if upper == 0 { return 1 }
        if lower == 0 { return 2 }  // all capitals
        if upper == 1 && (word.first!.isUppercase || word.last!.isUppercase) { return 2 }
        return (1...min(upper, lower)).reduce(0) { $0 + binomial(upper + lower, $1) }
    }

    private static func l33tVariations(_ slice: ArraySlice<Character>, _ substitutions: [Character: Character]) -> Double {
        var variations = 1.0
        for (symbol, letter) in substitutions {
            let substituted = slice.filter { $0 == symbol }.count
            let kept = slice.filter { $0 == letter }.count
            if kept == 0 || substituted == 0 {
                variations *= 2
            } else {
                variations *= (1...min(substituted, kept)).reduce(0) { $0 + binomial(substituted + kept, $1) }
            }
        }
        return variations
    }

    // MARK: - Keyboard walks (QWERTY and the number pad)

    private func keyboardWalks() -> [PasswordPattern] {
        var found: [PasswordPattern] = []
        for keyboard in Keyboard.all {
            var start = 0
            while start < self.characters.count - 1 {
                var end = start
                var turns = 1
                var shifted = 0
                var lastDirection: Int?
                if keyboard.isShifted(self.characters[start]) { shifted += 1 }
                while end + 1 < self.characters.count,
                    let direction = keyboard.direction(from: self.characters[end], to: self.characters[end + 1])
                {
                    if let lastDirection, lastDirection != direction { turns += 1 }
                    lastDirection = direction
                    end += 1
                    if keyboard.isShifted(self.characters[end]) { shifted += 1 }
                }
                if end - start >= 2 {
                    let length = end - start + 1
                    var guesses = keyboard.walkGuesses(length: length, turns: turns)
                    if shifted > 0 {
                        let unshifted = length - shifted
                        guesses *= unshifted == 0 ? 2 : (1...min(shifted, unshifted)).reduce(0) { $0 + binomial(length, $1) }
                    }
                    found.append(PasswordPattern(kind: .keyboardWalk, start: start, end: end, guesses: guesses))
                }
                start = max(end, start + 1)
            }
        }
        return found
    }

    // MARK: - Repeats, sequences, years and dates

    private func repeats() -> [PasswordPattern] {
        var found: [PasswordPattern] = []
        let count = self.characters.count
        for start in 0..<count where count - start >= 2 {
            // A block of one to eight characters repeated at least twice ("aaaa", "abcabc").
            for blockLength in 1...min(8, (count - start) / 2) {
                let block = Array(self.lowered[start..<start + blockLength])
                var repeatsSeen = 1
                while start + (repeatsSeen + 1) * blockLength <= count,
                    Array(self.lowered[start + repeatsSeen * blockLength..<start + (repeatsSeen + 1) * blockLength]) == block
                {
                    repeatsSeen += 1
                }
                guard repeatsSeen >= 2 else { continue }
                let end = start + repeatsSeen * blockLength - 1
                // The block itself as brute force (10 per character); a dictionary word is found on its own.
                let blockGuesses = pow(10, Double(blockLength))
                found.append(PasswordPattern(kind: .repeated, start: start, end: end, guesses: blockGuesses * Double(repeatsSeen)))
            }
        }
        return found
    }

    private func sequences() -> [PasswordPattern] {
        var found: [PasswordPattern] = []
        let scalars = self.lowered.map { $0.unicodeScalars.first!.value }
        var start = 0
        while start < scalars.count - 1 {
            let step = Int(scalars[start + 1]) - Int(scalars[start])
            var end = start + 1
            if abs(step) == 1 {
                while end + 1 < scalars.count, Int(scalars[end + 1]) - Int(scalars[end]) == step { end += 1 }
            }
            if abs(step) == 1, end - start >= 2 {
                let first = self.lowered[start]
                let base: Double = ["a", "z", "0", "1", "9"].contains(first) ? 4 : first.isNumber ? 10 : first.isLetter ? 26 : 64
                found.append(
                    PasswordPattern(kind: .sequence, start: start, end: end, guesses: base * Double(end - start + 1) * (step < 0 ? 2 : 1))
                )
                start = end
            } else {
                start += 1
            }
        }
        return found
    }

    private func dates() -> [PasswordPattern] {
        var found: [PasswordPattern] = []
        let count = self.characters.count
        for start in 0..<count where start + 3 < count {
            for end in (start + 3)..<min(count, start + 10) {
                let text = String(self.characters[start...end])
                guard let year = Self.yearInDate(text) else { continue }
                let yearSpace = max(Double(abs(year - self.referenceYear)), 20)
                if text.count == 4 {
                    found.append(PasswordPattern(kind: .year, start: start, end: end, guesses: yearSpace))
                } else {
                    let separators = text.contains(where: { !$0.isNumber }) ? 4.0 : 1.0
                    found.append(PasswordPattern(kind: .date, start: start, end: end, guesses: yearSpace * 365 * separators))
                }
            }
        }
        return found
    }

    /// The year of a four-digit recent year, or of a day-month-year date written in digits with or
    /// without one kind of separator (1990, 12/05/1990, 120590, 1990-05-12).
    static func yearInDate(_ text: String) -> Int? {
        let separators = Set(text.filter { !$0.isNumber })
        guard separators.count <= 1, separators.allSatisfy({ " -/._\\".contains($0) }) else { return nil }
        let parts = separators.isEmpty ? nil : text.split(separator: separators.first!).map(String.init)
        func plausible(_ year: Int) -> Int? {
            if (1900...2099).contains(year) { return year }
            if (0...99).contains(year) { return year > 50 ? 1900 + year : 2000 + year }
            return nil
        }
        if let parts {
            guard parts.count == 3, let first = Int(parts[0]), let middle = Int(parts[1]), let last = Int(parts[2]),
                (1...31).contains(middle) || (1...12).contains(middle)
            else { return nil }
            if parts[0].count == 4 { return plausible(first) }
            guard (1...31).contains(first) else { return nil }
            return parts[2].count == 2 || parts[2].count == 4 ? plausible(last) : nil
        }
        guard text.allSatisfy(\.isNumber) else { return nil }
        switch text.count {
        case 4:
            let year = Int(text)!
            return (1900...2039).contains(year) ? year : nil
        case 6, 8:
            let yearDigits = text.count == 6 ? 2 : 4
            let year = Int(text.suffix(yearDigits))!
            let day = Int(text.prefix(2))!
            let month = Int(text.dropFirst(2).prefix(2))!
            if (1...31).contains(day) && (1...12).contains(month) || (1...12).contains(day) && (1...31).contains(month) {
                return plausible(year)
            }
            let leadingYear = Int(text.prefix(yearDigits))!
            let tailMonth = Int(text.dropFirst(yearDigits).prefix(2))!
            let tailDay = Int(text.suffix(2))!
            return (1...12).contains(tailMonth) && (1...31).contains(tailDay) ? plausible(leadingYear) : nil
        default:
            return nil
        }
    }
}

func binomial(_ n: Int, _ k: Int) -> Double {
    guard k >= 0, k <= n else { return 0 }
    var result = 1.0
    for index in 0..<min(k, n - k) {
        result = result * Double(n - index) / Double(index + 1)
    }
    return result
}
