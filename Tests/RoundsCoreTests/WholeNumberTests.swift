import Testing

@testable import RoundsCore

@Suite struct WholeNumberTests {
    @Test(arguments: [("0", 0), ("7", 7), ("007", 7), ("2027", 2027), ("9223372036854775807", Int.max)])
    func asciiDigitsAreRead(text: String, value: Int) {
        #expect(Int(digits: text) == value)
    }

    /// Each of these `Int(_:)` reads, or is not a whole number at all; a query string's integer is digits alone.
    @Test(arguments: ["", "+5", "-5", "-0", " 5", "5 ", "5.0", "1e3", "٣", "９", "9223372036854775808"])
    func anythingElseIsNot(text: String) {
        #expect(Int(digits: text) == nil)
    }
}
