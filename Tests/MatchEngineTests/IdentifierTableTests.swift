import Testing

@testable import MatchEngine

/// The identifier table compiling relies on: every key found with its value, absent keys not, the first
/// value kept on a repeated insert, through growth and for keys of every length and script.
@Suite struct IdentifierTableTests {
    @Test func findsEveryKeyThroughGrowthAndKeepsTheFirstValue() {
        var table = IdentifierTable(capacity: 1)
        let keys = (0..<5_000).map { "A\($0)" } + ["", "é", "Ünïcode-名前", String(repeating: "x", count: 40), "a\u{301}"]
        for (index, key) in keys.enumerated() { #expect(table.insert(key, value: Int32(index)) == nil) }
        #expect(table.count == keys.count)
        for (index, key) in keys.enumerated() { #expect(table.index(of: key) == Int32(index)) }
        #expect(table.insert("A17", value: 99) == 17)
        #expect(table.index(of: "A17") == 17)
        // Absent keys, including ones that differ only past eight bytes.
        for key in ["A5000", "B1", String(repeating: "x", count: 41), "A1 "] { #expect(table.index(of: key) == nil, "\(key)") }
    }

    /// Keys are the same key exactly when Swift strings are equal (canonical equivalence), as they were in
    /// the dictionaries the table replaced: "á" composed or not, and the Kelvin sign and "K".
    @Test func equalStringsAreOneKey() {
        var table = IdentifierTable(capacity: 4)
        #expect(table.insert("\u{E1}", value: 0) == nil)
        #expect(table.insert("a\u{301}", value: 1) == 0)
        #expect(table.insert("K", value: 2) == nil)
        #expect(table.index(of: "\u{212A}") == 2)
        #expect(table.insert("x\u{037E}", value: 3) == nil)
        #expect(table.index(of: "x;") == 3)
        #expect(table.index(of: "k") == nil)
    }
}
