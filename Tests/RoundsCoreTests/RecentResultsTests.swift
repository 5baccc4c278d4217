import Testing

@testable import RoundsCore

@Suite struct RecentResultsTests {
    @Test func keptResultsComeBackAndUnknownKeysDoNot() {
        let memory = RecentResults<String, Int>(capacity: 2)
        memory.keep(1, for: "a")
        #expect(memory.value(for: "a") == 1)
        #expect(memory.value(for: "b") == nil)
        memory.keep(2, for: "a")
        #expect(memory.value(for: "a") == 2)
        #expect(memory.count == 1)
    }

    @Test func whenFullTheLeastRecentlyUsedIsDropped() {
        let memory = RecentResults<Int, Int>(capacity: 3)
        for key in 1...3 { memory.keep(key * 10, for: key) }
        // 1 is asked for again, so 2 is now the least recently used.
        #expect(memory.value(for: 1) == 10)
        memory.keep(40, for: 4)
        #expect(memory.count == 3)
        #expect(memory.value(for: 2) == nil)
        #expect(memory.value(for: 1) == 10)
        #expect(memory.value(for: 3) == 30)
        #expect(memory.value(for: 4) == 40)
    }

    @Test func concurrentUseNeverHoldsMoreThanItsCapacity() async {
        let memory = RecentResults<Int, Int>(capacity: 16)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for key in 0..<200 {
                        memory.keep(key, for: key &* 31 &+ task)
                        _ = memory.value(for: key)
                    }
                }
            }
        }
        #expect(memory.count == 16)
    }
}
