import Foundation
import Testing

@testable import RoundsCore

/// docs/DOMAIN.md is written from the data and constants the code reads (issue 16); this fails when
/// they change and the page was not rewritten. `ROUNDS_RECORD_DOMAIN=1` rewrites it.
@Suite struct DomainDocumentTests {
    static let file = ResidencyData.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/DOMAIN.md")

    @Test func theDomainPageMatchesTheData() throws {
        let rendered = DomainDocument.render(
            calendar: try ResidencyData.calendar(), fees: try ResidencyData.fees(), signals: try ResidencyData.signals(), rules: try ResidencyData.rules())
        if ProcessInfo.processInfo.environment["ROUNDS_RECORD_DOMAIN"] == "1" {
            try rendered.write(to: Self.file, atomically: true, encoding: .utf8)
        }
        let written = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(written == rendered, "docs/DOMAIN.md is out of date: ROUNDS_RECORD_DOMAIN=1 swift test --filter DomainDocumentTests")
        #expect(rendered.contains("| Rank order list certification deadline | not published |"))
        #expect(rendered.contains("programs 31 and up: $30 each"))
    }
}
