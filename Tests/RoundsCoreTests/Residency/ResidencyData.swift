import Foundation

@testable import RoundsCore

/// The residency reference files Rounds ships, read from the app's resources as the server reads them.
enum ResidencyData {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/RoundsApp/Resources/data/residency")

    static func data(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    static func calendar() throws -> SeasonCalendar { try SeasonCalendar.decode(try data("season.json")) }
    static func fees() throws -> ResidencyFees { try ResidencyFees.decode(try data("fees.json")) }
    static func signals() throws -> SignalTable { try SignalTable.decode(try data("signals-2025.json"), file: "signals-2025.json") }
    static func rules() throws -> [PlanRule] { try PlanRule.decode(try data("plan-rules.json")) }

    static func day(_ iso: String) -> Day { Day(iso: iso)! }
}
