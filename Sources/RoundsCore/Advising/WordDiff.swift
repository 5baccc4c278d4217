import Foundation

/// A word-level comparison of two versions of a text, for showing what changed between statement
/// versions. Words are compared exactly; the spaces and line breaks after a word travel with it, so a
/// change of spacing alone is not a change. Myers' algorithm in linear space (the middle-snake
/// recursion): time grows with the text times the number of changed words, memory with the text only,
/// so two unrelated 28,000-character statements cost no more memory than two similar ones.
public enum WordDiff {
    public enum Change: Equatable, Sendable {
        case same(String), added(String), removed(String)
    }

    public struct Result: Equatable, Sendable {
        /// Runs in reading order; neighbouring runs differ in kind.
        public var changes: [Change]
        public var addedWords: Int
        public var removedWords: Int
    }

    public static func compare(_ old: String, _ new: String) -> Result {
        let before = Tokens(old)
        let after = Tokens(new)
        var ids: [Substring: Int] = [:]
        let a = before.words.map { word -> Int in
            if let id = ids[word] { return id }
            ids[word] = ids.count
            return ids.count - 1
        }
        // Words only in the new text get ids past every old one, so they never compare equal.
        var next = ids.count
        let b = after.words.map { word -> Int in
            if let id = ids[word] { return id }
            defer { next += 1 }
            return next
        }
        var edits = Edits()
        Self.diff(a[...], b[...], into: &edits)
        edits.groupChanges()
        var result = Result(changes: [], addedWords: 0, removedWords: 0)
        var builder = RunBuilder()
        var i = 0, j = 0
        for edit in edits.list {
            switch edit {
            case .same(let count):
                for _ in 0..<count { builder.append(.same, after.token(j)); i += 1; j += 1 }
            case .removed(let count):
                for _ in 0..<count { builder.append(.removed, before.token(i)); i += 1 }
                result.removedWords += count
            case .added(let count):
                for _ in 0..<count { builder.append(.added, after.token(j)); j += 1 }
                result.addedWords += count
            }
        }
        result.changes = builder.finished
        return result
    }

    /// Words with the whitespace after each; leading whitespace is kept as part of the first word.
    struct Tokens {
        let text: String
        var words: [Substring] = []
        var spans: [Range<String.Index>] = []

        init(_ text: String) {
            self.text = text
            var index = text.startIndex
            var tokenStart = text.startIndex
            while index < text.endIndex {
                let wordStart = text[index...].firstIndex(where: { !$0.isWhitespace }) ?? text.endIndex
                guard wordStart < text.endIndex else { break }
                let wordEnd = text[wordStart...].firstIndex(where: \.isWhitespace) ?? text.endIndex
                let tokenEnd = text[wordEnd...].firstIndex(where: { !$0.isWhitespace }) ?? text.endIndex
                self.words.append(text[wordStart..<wordEnd])
                self.spans.append(tokenStart..<tokenEnd)
                tokenStart = tokenEnd
                index = tokenEnd
            }
        }

        func token(_ i: Int) -> Substring { self.text[self.spans[i]] }
    }

    enum Edit { case same(Int), removed(Int), added(Int) }

    struct Edits {
        var list: [Edit] = []

        /// Between two unchanged runs, every removal before every addition: "old words → new words"
        /// reads better than alternating pieces, and both texts keep their order.
        mutating func groupChanges() {
            var grouped = Edits()
            var removed = 0, added = 0
            func flush() {
                if removed > 0 { grouped.add(.removed(removed)) }
                if added > 0 { grouped.add(.added(added)) }
                removed = 0
                added = 0
            }
            for edit in self.list {
                switch edit {
                case .same: flush(); grouped.add(edit)
                case .removed(let count): removed += count
                case .added(let count): added += count
                }
            }
            flush()
            self = grouped
        }
        mutating func add(_ edit: Edit) {
            switch (self.list.last, edit) {
            case (.same(let a)?, .same(let b)): self.list[self.list.count - 1] = .same(a + b)
            case (.removed(let a)?, .removed(let b)): self.list[self.list.count - 1] = .removed(a + b)
            case (.added(let a)?, .added(let b)): self.list[self.list.count - 1] = .added(a + b)
            default: self.list.append(edit)
            }
        }
    }

    struct RunBuilder {
        enum Kind { case same, added, removed }
        var runs: [Change] = []
        var kind: Kind?
        var text = ""

        mutating func append(_ kind: Kind, _ token: Substring) {
            if kind != self.kind { self.flush() }
            self.kind = kind
            self.text += token
        }

        mutating func flush() {
            guard let kind, !self.text.isEmpty else { return }
            switch kind {
            case .same: self.runs.append(.same(self.text))
            case .added: self.runs.append(.added(self.text))
            case .removed: self.runs.append(.removed(self.text))
            }
            self.text = ""
        }

        var finished: [Change] {
            var copy = self
            copy.flush()
            return copy.runs
        }
    }

    private static func diff(_ a: ArraySlice<Int>, _ b: ArraySlice<Int>, into edits: inout Edits) {
        var a = a, b = b
        var prefix = 0
        while let x = a.first, let y = b.first, x == y { a.removeFirst(); b.removeFirst(); prefix += 1 }
        var suffix = 0
        while let x = a.last, let y = b.last, x == y { a.removeLast(); b.removeLast(); suffix += 1 }
        if prefix > 0 { edits.add(.same(prefix)) }
        if a.isEmpty, !b.isEmpty {
            edits.add(.added(b.count))
        } else if b.isEmpty, !a.isEmpty {
            edits.add(.removed(a.count))
        } else if !a.isEmpty {
            // Both non-empty and differing at both ends: at least two edits, so each half is smaller.
            let snake = Self.middleSnake(a, b)
            Self.diff(a[a.startIndex..<snake.x], b[b.startIndex..<snake.y], into: &edits)
            if snake.u > snake.x { edits.add(.same(snake.u - snake.x)) }
            Self.diff(a[snake.u..<a.endIndex], b[snake.v..<b.endIndex], into: &edits)
        }
        if suffix > 0 { edits.add(.same(suffix)) }
    }

    /// The middle snake of an optimal edit path: from (x, y) to (u, v), in the slices' own indices.
    private static func middleSnake(_ a: ArraySlice<Int>, _ b: ArraySlice<Int>) -> (x: Int, y: Int, u: Int, v: Int) {
        let n = a.count, m = b.count
        let a0 = a.startIndex, b0 = b.startIndex
        let delta = n - m
        let limit = (n + m + 1) / 2
        let offset = limit + 1
        var forward = [Int](repeating: 0, count: 2 * limit + 3)
        var backward = [Int](repeating: 0, count: 2 * limit + 3)
        for d in 0...limit {
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1])) ? forward[offset + k + 1] : forward[offset + k - 1] + 1
                var y = x - k
                let (startX, startY) = (x, y)
                while x < n, y < m, a[a0 + x] == b[b0 + y] { x += 1; y += 1 }
                forward[offset + k] = x
                let reverse = delta - k
                if delta % 2 != 0, reverse >= -(d - 1), reverse <= d - 1, x + backward[offset + reverse] >= n {
                    return (a0 + startX, b0 + startY, a0 + x, b0 + y)
                }
            }
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && backward[offset + k - 1] < backward[offset + k + 1])) ? backward[offset + k + 1] : backward[offset + k - 1] + 1
                var y = x - k
                let (startX, startY) = (x, y)
                while x < n, y < m, a[a0 + n - 1 - x] == b[b0 + m - 1 - y] { x += 1; y += 1 }
                backward[offset + k] = x
                let ahead = delta - k
                if delta % 2 == 0, ahead >= -d, ahead <= d, x + forward[offset + ahead] >= n {
                    return (a0 + n - x, b0 + m - y, a0 + n - startX, b0 + m - startY)
                }
            }
        }
        // Unreachable: the two searches meet by d = ceil((n + m) / 2).
        return (a0 + n, b0 + m, a0 + n, b0 + m)
    }
}
