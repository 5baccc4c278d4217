import Foundation

/// Estimates how many guesses an attacker who knows how people choose passwords needs, in the manner of
/// Dropbox's zxcvbn (Wheeler, "zxcvbn: Low-Budget Password Strength Estimation", USENIX Security 2016):
/// the password is covered by the cheapest sequence of patterns (ranked dictionary words with
/// capitals, l33t substitutions and reversal, keyboard walks, repeats, sequences, years and dates, and
/// brute force for the rest), and the guesses of that sequence are the estimate.
public struct PasswordStrength: Sendable {
    /// Ranked word lists, most common first; each word's guesses are its rank.
    private let dictionaries: [[String: Int]]
    private let referenceYear: Int

    public init(rankedLists: [[String]], referenceYear: Int) {
        self.dictionaries = rankedLists.map { list in
            var ranks: [String: Int] = [:]
            for (index, word) in list.enumerated() {
                let lowered = word.lowercased()
                if ranks[lowered] == nil { ranks[lowered] = index + 1 }
            }
            return ranks
        }
        self.referenceYear = referenceYear
    }

    /// Estimated guesses (base 10 logarithm) and the patterns that make up the cheapest reading.
    public struct Estimate: Sendable {
        public var log10Guesses: Double
        public var patterns: [PasswordPattern]
    }

    /// The estimate for `password`; `userInputs` (the account's e-mail and name) count as rank-1 words.
    public func estimate(_ password: String, userInputs: [String] = []) -> Estimate {
        let characters = Array(password)
        guard !characters.isEmpty else { return Estimate(log10Guesses: 0, patterns: []) }
        var inputs: [String: Int] = [:]
        for input in userInputs {
            for part in input.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where part.count >= 3 {
                inputs[String(part)] = 1
            }
        }
        let matcher = PatternMatcher(
            characters: characters, dictionaries: self.dictionaries + [inputs], referenceYear: self.referenceYear
        )
        return Self.cheapestCover(characters.count, matches: matcher.allMatches())
    }

    // zxcvbn's search: the sequence of non-overlapping matches covering the password with the fewest
    // guesses, where a sequence of l matches costs l! times their product plus 10^4^(l-1) (an attacker
    // tries short sequences first).
    private static let minimumGuessesBeforeGrowingSequence = 4.0  // log10 of 10,000

    private static func cheapestCover(_ length: Int, matches: [PasswordPattern]) -> Estimate {
        struct Cell {
            var log10Product: Double
            var log10Total: Double
            var patterns: [PasswordPattern]
        }
        // best[k][l]: the cheapest cover of characters 0...k with l patterns.
        var best = [[Int: Cell]](repeating: [:], count: length)
        let byEnd = Dictionary(grouping: matches, by: \.end)

        func consider(_ pattern: PasswordPattern, count: Int, previousProduct: Double, previous: [PasswordPattern]) {
            let product = previousProduct + pattern.log10Guesses
            let total = log10Sum(product + log10Factorial(count), Self.minimumGuessesBeforeGrowingSequence * Double(count - 1))
            // Keep it only if no cover with as few or fewer patterns is cheaper.
            for (otherCount, other) in best[pattern.end] where otherCount <= count && other.log10Total <= total {
                return
            }
            best[pattern.end][count] = Cell(log10Product: product, log10Total: total, patterns: previous + [pattern])
        }

        for end in 0..<length {
            for pattern in byEnd[end] ?? [] {
                if pattern.start == 0 {
                    consider(pattern, count: 1, previousProduct: 0, previous: [])
                } else {
                    for (count, cell) in best[pattern.start - 1] {
                        consider(pattern, count: count + 1, previousProduct: cell.log10Product, previous: cell.patterns)
                    }
                }
            }
            // Brute force from any earlier point (never two brute-force runs in a row: one longer run is cheaper).
            consider(.bruteForce(start: 0, end: end), count: 1, previousProduct: 0, previous: [])
            if end > 0 {
                for start in 1...end {
                    for (count, cell) in best[start - 1] where cell.patterns.last?.kind != .bruteForce {
                        consider(.bruteForce(start: start, end: end), count: count + 1, previousProduct: cell.log10Product, previous: cell.patterns)
                    }
                }
            }
        }
        let winner = best[length - 1].values.min { $0.log10Total < $1.log10Total }!
        return Estimate(log10Guesses: winner.log10Total, patterns: winner.patterns)
    }
}

/// One way to read part of a password, with the guesses it costs.
public struct PasswordPattern: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case dictionary, reversedDictionary, l33t, keyboardWalk, repeated, sequence, year, date, bruteForce
    }

    public var kind: Kind
    /// Character offsets, both inclusive.
    public var start: Int
    public var end: Int
    public var log10Guesses: Double

    init(kind: Kind, start: Int, end: Int, guesses: Double) {
        self.kind = kind
        self.start = start
        self.end = end
        // zxcvbn's floor: a single character is at least 10 guesses, anything longer at least 50.
        let floor = end == start ? 10.0 : 50.0
        self.log10Guesses = log10(max(guesses, floor))
    }

    static func bruteForce(start: Int, end: Int) -> PasswordPattern {
        var pattern = PasswordPattern(kind: .bruteForce, start: start, end: end, guesses: 1)
        // zxcvbn's brute-force cardinality of 10 per character.
        pattern.log10Guesses = max(Double(end - start + 1), end == start ? 1 : log10(51))
        return pattern
    }
}

/// log10(10^a + 10^b) without overflow.
func log10Sum(_ a: Double, _ b: Double) -> Double {
    let high = max(a, b)
    let low = min(a, b)
    return high + log10(1 + pow(10, low - high))
}

func log10Factorial(_ n: Int) -> Double {
    n < 2 ? 0 : (2...n).reduce(0) { $0 + log10(Double($1)) }
}
