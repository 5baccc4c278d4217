import Foundation
import Testing

@testable import RoundsCore

/// A snapshot gives back exactly the documents it was written from, and refuses every file it did not write
/// whole: a server that trusted a damaged one would answer searches from a catalog that never existed.
@Suite struct CatalogSnapshotTests {
    static let key = CatalogSnapshot.Key(epoch: UUID(uuidString: "0F0E0D0C-0B0A-0908-0706-050403020100")!, version: 41_207, schemaRevision: 68)

    /// Documents with every field away from its default, and hostile text in every string.
    static var unusual: [CatalogDocument] {
        let hostile = ["", "\0", "é\u{301}", "👩🏽‍⚕️ Observership", "<script>alert(1)</script>", "\"quoted\",\r\nline", String(repeating: "long ", count: 3_000)]
        return hostile.enumerated().map { n, text in
            let day = Day(ordinal: 20_000 + n)
            return CatalogDocument(
                id: CatalogIndexTests.id(50_000 + n), title: text, description: hostile[(n + 1) % hostile.count],
                type: OpportunityType.allCases[n % OpportunityType.allCases.count], specialtyID: text,
                isHandsOn: n % 2 == 0, setting: ClinicalSetting.allCases[n % ClinicalSetting.allCases.count],
                rules: EligibilityRules(
                    audiences: Set(Audience.allCases.prefix(n % (Audience.allCases.count + 1))),
                    maximumYearsSinceGraduation: n % 3 == 0 ? nil : n - 3, requiresStep1Pass: n % 2 == 1,
                    acceptedVisaClasses: Set(VisaClass.allCases.suffix(n % (VisaClass.allCases.count + 1))), isHandsOn: n % 3 == 0
                ),
                feeCents: n == 0 ? Int.max : -n, currency: text, letterPolicy: LetterPolicy.allCases[n % LetterPolicy.allCases.count],
                requirements: Set(Requirement.allCases.prefix(n)),
                site: .init(
                    name: text, city: hostile[(n + 2) % hostile.count], state: "", zip: text,
                    coordinate: n % 2 == 0 ? nil : Coordinate(latitude: -89.999_999_9 + Double(n), longitude: 179.5 - Double(n) / 3)
                ),
                sessions: (0..<(n % 4)).map { s in
                    .init(
                        id: CatalogIndexTests.id(60_000 + 10 * n + s), start: day.adding(days: 30 * s), end: day.adding(days: 30 * s + 27),
                        seats: s == 2 ? Int.max : s, applicationDeadline: day.adding(days: -1), seatsTaken: s
                    )
                }
            )
        }
    }

    static func decoded(_ bytes: [UInt8]) throws -> CatalogSnapshot {
        try bytes.withUnsafeBytes { try CatalogSnapshot(decoding: $0) }
    }

    @Test func documentsComeBackExactly() throws {
        let documents = CatalogShortcutTests.catalog(400, seed: 11) + Self.unusual
        let bytes = CatalogSnapshot(key: Self.key, documents: documents).encoded()
        let snapshot = try Self.decoded(bytes)
        #expect(snapshot.key == Self.key)
        #expect(snapshot.documents == documents)
        #expect(try bytes.withUnsafeBytes { try CatalogSnapshot.key(of: $0) } == Self.key)
        // Built from the snapshot, the index answers as the one built from the originals.
        let fromSnapshot = CatalogIndex(snapshot.documents)
        let original = CatalogIndex(documents)
        for query in CatalogIndexChangeTests.queries(documents.map(\.id)) {
            let expected = original.search(query, today: CatalogShortcutTests.today)
            let actual = fromSnapshot.search(query, today: CatalogShortcutTests.today)
            #expect(actual.items.map(\.document) == expected.items.map(\.document) && actual.total == expected.total && actual.facets == expected.facets)
        }
    }

    @Test func anEmptyCatalogComesBackEmpty() throws {
        let snapshot = try Self.decoded(CatalogSnapshot(key: Self.key, documents: []).encoded())
        #expect(snapshot.documents.isEmpty && snapshot.key == Self.key)
    }

    @Test func everyCutOfTheFileIsRefused() throws {
        let bytes = CatalogSnapshot(key: Self.key, documents: Array(Self.unusual.prefix(3))).encoded()
        for length in 0..<bytes.count {
            #expect(throws: CatalogSnapshot.Unreadable.self, "cut at \(length) of \(bytes.count)") { try Self.decoded(Array(bytes.prefix(length))) }
        }
        #expect(throws: CatalogSnapshot.Unreadable.self) { try Self.decoded(bytes + [0]) }
    }

    @Test func everyChangedByteIsRefused() throws {
        let bytes = CatalogSnapshot(key: Self.key, documents: Array(CatalogShortcutTests.catalog(3, seed: 5))).encoded()
        for offset in bytes.indices {
            var damaged = bytes
            damaged[offset] ^= 0x10
            #expect(throws: CatalogSnapshot.Unreadable.self, "byte \(offset) of \(bytes.count)") { try Self.decoded(damaged) }
        }
    }

    @Test func aCodeThisBuildDoesNotKnowIsRefused() throws {
        let document = CatalogShortcutTests.catalog(1, seed: 3)[0]
        var bytes = CatalogSnapshot(key: Self.key, documents: [document]).encoded()
        // The first word written is the document's type; overwrite it with another word of the same length
        // and seal the file again, as a later build with a new type would have written it.
        let type = Array(document.type.rawValue.utf8)
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: type) })
        bytes.replaceSubrange(at..<at + type.count, with: Array(repeating: UInt8(ascii: "x"), count: type.count))
        Self.reseal(&bytes)
        #expect(throws: CatalogSnapshot.Unreadable(description: "an unknown opportunity type")) { try Self.decoded(bytes) }
    }

    @Test func anotherFormatIsRefused() throws {
        var bytes = CatalogSnapshot(key: Self.key, documents: []).encoded()
        bytes[8] &+= 1
        #expect(throws: CatalogSnapshot.Unreadable(description: "snapshot format \(CatalogSnapshot.format + 1), this build reads \(CatalogSnapshot.format)")) {
            try Self.decoded(bytes)
        }
    }

    /// The snapshot writes every stored property by hand: a field added to a document must be added there
    /// too (and the format raised), or a restarted server would lose it.
    @Test func everyFieldOfADocumentIsWritten() {
        let document = Self.unusual[5]
        #expect(Mirror(reflecting: document).children.map(\.label) == [
            "id", "title", "description", "type", "specialtyID", "isHandsOn", "setting", "rules", "feeCents", "currency", "letterPolicy",
            "requirements", "site", "sessions",
        ])
        #expect(Mirror(reflecting: document.rules).children.map(\.label) == [
            "audiences", "maximumYearsSinceGraduation", "requiresStep1Pass", "acceptedVisaClasses", "isHandsOn",
        ])
        #expect(Mirror(reflecting: document.site).children.map(\.label) == ["name", "city", "state", "zip", "coordinate"])
        #expect(Mirror(reflecting: document.sessions[0]).children.map(\.label) == ["id", "start", "end", "seats", "applicationDeadline", "seatsTaken"])
    }

    /// Writes the checksum of the bytes after it again (magic 8, format 4, length 8, checksum 8).
    static func reseal(_ bytes: inout [UInt8]) {
        let checksum = bytes.withUnsafeBytes { CatalogSnapshot.checksum(UnsafeRawBufferPointer(rebasing: $0[28...])) }
        withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange(20..<28, with: $0) }
    }
}
