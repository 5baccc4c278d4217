import Foundation

/// A keyboard layout for finding walks such as "qwerty", "zxcvbn" or "7412369" (zxcvbn's spatial
/// matching): each key has a position, and two keys are adjacent when they touch.
struct Keyboard: Sendable {
    /// Key positions in half-key units, so the slanted rows of a typewriter layout line up.
    private let positions: [Character: (x: Int, y: Int)]
    private let shifted: Set<Character>
    private let isSlanted: Bool
    /// zxcvbn's figures: how many keys a walk can start on, and how many neighbours a key has on average.
    private let startingPositions: Double
    private let averageDegree: Double

    static let all = [qwerty, keypad]

    static let qwerty = Keyboard(
        rows: [
            ("`1234567890-=", "~!@#$%^&*()_+"),
            ("qwertyuiop[]\\", "QWERTYUIOP{}|"),
            ("asdfghjkl;'", "ASDFGHJKL:\""),
            ("zxcvbnm,./", "ZXCVBNM<>?"),
        ],
        isSlanted: true,
        startingPositions: 94,
        averageDegree: 4.6
    )

    static let keypad = Keyboard(
        rows: [("/*-", ""), ("789+", ""), ("456", ""), ("123", ""), ("0.", "")],
        isSlanted: false,
        startingPositions: 15,
        averageDegree: 5.1
    )

    private init(rows: [(String, String)], isSlanted: Bool, startingPositions: Double, averageDegree: Double) {
        var positions: [Character: (x: Int, y: Int)] = [:]
        var shifted: Set<Character> = []
        for (row, (plain, shift)) in rows.enumerated() {
            for (column, key) in plain.enumerated() {
                let x = isSlanted ? column * 2 + row : column
                positions[key] = (x, row)
            }
            for (column, key) in shift.enumerated() {
                positions[key] = (isSlanted ? column * 2 + row : column, row)
                shifted.insert(key)
            }
        }
        self.positions = positions
        self.shifted = shifted
        self.isSlanted = isSlanted
        self.startingPositions = startingPositions
        self.averageDegree = averageDegree
    }

    func isShifted(_ key: Character) -> Bool {
        self.shifted.contains(key)
    }

    /// Which way the finger moves from one key to the next, or nil when the keys do not touch.
    func direction(from a: Character, to b: Character) -> Int? {
        guard let from = self.positions[a], let to = self.positions[b] else { return nil }
        let dx = to.x - from.x
        let dy = to.y - from.y
        let touches: Bool
        if self.isSlanted {
            touches = dy == 0 ? abs(dx) == 2 : abs(dy) == 1 && abs(dx) == 1
        } else {
            touches = abs(dx) <= 1 && abs(dy) <= 1 && (dx, dy) != (0, 0)
        }
        return touches ? (dy + 1) * 10 + (dx + 2) : nil
    }

    /// zxcvbn's guesses for a walk of `length` keys that changes direction `turns` times.
    func walkGuesses(length: Int, turns: Int) -> Double {
        var guesses = 0.0
        for keys in 2...max(2, length) {
            for turn in 1...max(1, min(turns, keys - 1)) {
                guesses += binomial(keys - 1, turn - 1) * self.startingPositions * pow(self.averageDegree, Double(turn))
            }
        }
        return guesses
    }
}
