import Foundation
import Testing

@testable import RoundsCore

@Suite struct UUIDInBulkTests {
    /// Reads as a version-4 id wherever ids are parsed, and two are never alike.
    @Test func idsAreVersionFourAndDistinct() {
        var generator = SystemRandomNumberGenerator()
        var seen: Set<UUID> = []
        for _ in 0..<10_000 {
            let id = UUID(randomUsing: &generator)
            let text = id.uuidString
            #expect(Array(text)[14] == "4", "\(text)")
            #expect("89AB".contains(Array(text)[19]), "\(text)")
            #expect(UUID(uuidString: text) == id)
            seen.insert(id)
        }
        #expect(seen.count == 10_000)
    }

    /// All other 122 bits come from the generator: a generator of all ones gives all ones there.
    @Test func everyOtherBitIsTheGenerators() {
        struct Ones: RandomNumberGenerator { mutating func next() -> UInt64 { .max } }
        var ones = Ones()
        #expect(UUID(randomUsing: &ones).uuidString == "FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF")
    }

    @Test func theTextIsFoundationsText() {
        var generator = SystemRandomNumberGenerator()
        let edges = [UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), UUID(uuidString: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")!]
        for id in edges + (0..<10_000).map({ _ in UUID(randomUsing: &generator) }) {
            #expect(id.uppercaseText == id.uuidString)
        }
    }
}
