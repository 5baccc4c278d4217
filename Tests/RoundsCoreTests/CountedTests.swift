import Testing

@testable import RoundsCore

@Suite struct CountedTests {
    @Test(arguments: [(0, "0 seats"), (1, "1 seat"), (2, "2 seats")])
    func nounsFollowTheCount(count: Int, expected: String) {
        #expect(counted(count, "seat") == expected)
    }

    @Test func irregularPluralsAreGiven() {
        #expect(counted(3, "applicant list") == "3 applicant lists")
        #expect(counted(2, "opportunity", plural: "opportunities") == "2 opportunities")
        #expect(counted(1, "opportunity", plural: "opportunities") == "1 opportunity")
    }
}
