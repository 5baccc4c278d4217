import Foundation
import RoundsCore
import Vapor

/// The residency reference data shipped in Resources/data/residency, read and checked once at start-up:
/// a malformed file stops the server with its name and the problem.
struct ResidencyReference: Sendable {
    let calendar: SeasonCalendar
    let fees: ResidencyFees
    let signals: SignalTable
    let rules: [PlanRule]
    let programTypes: ProgramTypeTable
    /// Specialties a program on the list or in the directory may have: the residency specialties, by name
    /// (the signal table's names match them through `SignalTable.allowance(for:)`).
    let specialties: [String]

    init(calendar: SeasonCalendar, fees: ResidencyFees, signals: SignalTable, rules: [PlanRule], programTypes: ProgramTypeTable) {
        self.calendar = calendar
        self.fees = fees
        self.signals = signals
        self.rules = rules
        self.programTypes = programTypes
        self.specialties = Specialties.residency.all.map(\.name)
    }

    /// The shipped files, read once per process: start-up takes them from here (and stops on an
    /// error), and so does the OpenAPI document.
    static let shipped = Result { try ResidencyReference.load() }

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
            rules: try PlanRule.decode(try data("plan-rules")), programTypes: try ProgramTypeTable.decode(try data("program-types")))
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
