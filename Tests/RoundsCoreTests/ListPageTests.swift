import Testing

@testable import RoundsCore

@Suite struct ListPageTests {
    @Test(arguments: [
        (1, [1, 2, 3], 1), (2, [4, 5, 6], 2), (4, [10], 4), (9, [10], 4), (0, [1, 2, 3], 1), (-3, [1, 2, 3], 1),
    ])
    func aPageOutsideTheListShowsTheNearestEnd(requested: Int, expected: [Int], number: Int) {
        let page = ListPage(Array(1...10), page: requested, perPage: 3)
        #expect(Array(page.items) == expected)
        #expect(page.number == number)
        #expect(page.pageCount == 4 && page.total == 10)
    }

    @Test func anEmptyListHasOneEmptyPage() {
        let page = ListPage([Int](), page: 3, perPage: 10)
        #expect(page.items.isEmpty && page.number == 1 && page.pageCount == 1)
    }

    @Test func everyWordMustMatchIgnoringCaseAndAccents() {
        let fields = ["Hôpital Saint-Luc", "Montréal", "Cardiology Observership"]
        #expect(LooseText.matches("hopital cardio", in: fields))
        #expect(LooseText.matches("  MONTREAL ", in: fields))
        #expect(LooseText.matches("", in: fields))
        #expect(!LooseText.matches("hopital surgery", in: fields))
    }
}
