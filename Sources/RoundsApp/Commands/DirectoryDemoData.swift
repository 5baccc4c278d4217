import Fluent
import Foundation
import RoundsCore
import Vapor

/// Fictional residency programs for the demo directory: every name says it is fictional, sources are
/// example.org pages, and no program is tied to a real hospital. Some facts are known and some unknown,
/// so every verdict shows. Skipped when the directory has programs.
enum DirectoryDemoData {
    /// name, specialty, city, state, ZIP, J-1, H-1B, most years since graduation, lowest Step 2 CK, first attempt only, USCE months, hands-on only
    static let programs: [(String, String, String, String, String, String, String, String, String, String, String, String)] = [
        ("Harborview Fictional Medical Center", "Internal Medicine", "Seattle", "WA", "98104", "yes", "no", "5", "225", "no", "3", "no"),
        ("Lakeside Example University", "Internal Medicine", "Madison", "WI", "53703", "yes", "yes", "3", "", "", "", ""),
        ("Riverbend Demo Hospital", "Internal Medicine", "Richmond", "VA", "23219", "yes", "", "", "230", "yes", "6", "yes"),
        ("Mesa Sample Health", "Family Medicine", "Tucson", "AZ", "85719", "yes", "no", "10", "", "no", "", ""),
        ("Bridgeport Fictional Community Hospital", "Internal Medicine", "Brooklyn", "NY", "11201", "yes", "yes", "7", "215", "no", "", ""),
        ("Northshore Example Medical Center", "Pediatrics", "Chicago", "IL", "60611", "no", "no", "", "", "", "", ""),
        ("Bayou Demo Health System", "Psychiatry", "Houston", "TX", "77030", "", "", "", "", "", "", ""),
        ("Motor City Fictional Hospital", "Family Medicine", "Detroit", "MI", "48201", "yes", "no", "5", "", "", "2", "yes"),
        ("Garden State Example Medical Center", "Internal Medicine", "Newark", "NJ", "07103", "yes", "yes", "", "220", "no", "3", "no"),
        ("Peachtree Fictional University Hospital", "Pediatrics", "Atlanta", "GA", "30303", "yes", "", "4", "", "", "", ""),
        ("Cuyahoga Demo Clinic Foundation", "Internal Medicine", "Cleveland", "OH", "44106", "no", "yes", "", "240", "yes", "", ""),
        ("Boyle Heights Example Medical Center", "Psychiatry", "Los Angeles", "CA", "90033", "yes", "no", "", "", "no", "", ""),
    ]

    static let checkedOn = "2026-11-20"

    /// The demo directory as the import reads it.
    static var csv: String {
        var text = DirectoryCSV.columns.joined(separator: ",") + "\n"
        for (index, p) in Self.programs.enumerated() {
            var cells: [String: String] = [
                "name": p.0, "specialty": p.1, "sponsoring_institution": "\(p.0) (fictional)", "city": p.2, "state": p.3, "zip": p.4,
                "application_service": "eras", "positions": "\(8 + index * 2)", "usce_hands_on": p.11,
            ]
            let values = [p.5, p.6, p.7, p.8, p.9, p.10]
            for (field, value) in zip(ScreeningField.allCases, values) where !value.isEmpty {
                cells[field.rawValue] = value
                cells["\(field.rawValue)_source"] = "https://example.org/fictional-programs/\(index + 1)/eligibility"
                cells["\(field.rawValue)_verified_on"] = Self.checkedOn
                cells["\(field.rawValue)_verified_by"] = "Rounds demo data"
            }
            text += DirectoryCSV.columns.map { cells[$0] ?? "" }.joined(separator: ",") + "\n"
        }
        return text
    }

    static func load(_ app: Application) async throws {
        guard try await DirectoryEntry.query(on: app.db).count() == 0 else { return }
        let directory = ProgramDirectory(db: app.db, now: app.services.clock.now(), specialties: Set(app.residency.specialties))
        _ = try await directory.importCSV(Self.csv, by: DirectoryEditor(commandLine: "demo data"))
    }
}
