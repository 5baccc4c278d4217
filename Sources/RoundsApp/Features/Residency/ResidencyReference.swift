import Foundation
import RoundsCore
import Vapor

/// The residency reference data shipped in Resources/data/residency, read and checked once at start-up:
/// a malformed file stops the server with its name and the problem.
struct ResidencyReference: Sendable {
    var calendar: SeasonCalendar
    var fees: ResidencyFees
    var signals: SignalTable
    var rules: [PlanRule]

    /// Specialties a program on the list may have: the residency specialties Rounds lists and those
    /// of the signal table, by name.
    var specialties: [String] {
        Array(Set(Specialty.all.map(\.name)).union(self.signals.allowances.map(\.specialty))).sorted()
    }

    static func load() throws -> ResidencyReference {
        func data(_ name: String) throws -> Data {
            guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "data/residency") else {
                throw ResourceMissing(name: "data/residency/\(name).json")
            }
            return try Data(contentsOf: url)
        }
        return ResidencyReference(
            calendar: try SeasonCalendar.decode(try data("season")),
            fees: try ResidencyFees.decode(try data("fees")),
            signals: try SignalTable.decode(try data("signals-2025"), file: "signals-2025.json"),
            rules: try PlanRule.decode(try data("plan-rules")))
    }
}

extension Application {
    private struct ResidencyKey: StorageKey {
        typealias Value = ResidencyReference
    }

    var residency: ResidencyReference {
        get {
            guard let reference = self.storage[ResidencyKey.self] else { fatalError("configure() loads the residency data before routes") }
            return reference
        }
        set { self.storage[ResidencyKey.self] = newValue }
    }
}

extension Request {
    var residency: ResidencyReference { self.application.residency }
}
