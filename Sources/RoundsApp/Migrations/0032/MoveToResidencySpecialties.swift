import Fluent
import Foundation
import SQLKit

/// Issue 16: programs, target specialties and personal statements now take residency specialties (ERAS and
/// NRMP names); until now they took the catalog's rotation list, which holds fellowships such as
/// Cardiology. Each old value maps to the residency a trainee enters on that path (Cardiology → Internal
/// Medicine). The maps are frozen here: migrations never read the live lists. A program-list entry whose
/// specialty changed keeps the old one in its notes; a row whose new value would duplicate another keeps
/// its old value (the edit form then asks for a specialty from the list).
struct MoveToResidencySpecialties: AsyncMigration {
    /// Old rotation id → residency id. Ids not listed are the same on both lists.
    static let ids: [String: String] = [
        "allergy-immunology": "internal-medicine", "cardiology": "internal-medicine", "cardiothoracic-surgery": "thoracic-surgery",
        "child-psychiatry": "psychiatry", "colorectal-surgery": "general-surgery", "critical-care": "internal-medicine",
        "endocrinology": "internal-medicine", "gastroenterology": "internal-medicine", "geriatrics": "internal-medicine",
        "hematology-oncology": "internal-medicine", "hospital-medicine": "internal-medicine", "infectious-disease": "internal-medicine",
        "neonatology": "pediatrics", "nephrology": "internal-medicine", "pain-medicine": "anesthesiology", "palliative-care": "internal-medicine",
        "pulmonology": "internal-medicine", "rheumatology": "internal-medicine", "sleep-medicine": "internal-medicine",
        "sports-medicine": "family-medicine",
    ]

    /// Old names (rotation list and the signal table's groupings) → residency names, for the tables keyed by name.
    static let names: [String: String] = [
        "Allergy and Immunology": "Internal Medicine", "Cardiology": "Internal Medicine", "Cardiothoracic Surgery": "Thoracic Surgery",
        "Child and Adolescent Psychiatry": "Psychiatry", "Colon and Rectal Surgery": "General Surgery", "Critical Care Medicine": "Internal Medicine",
        "Endocrinology": "Internal Medicine", "Gastroenterology": "Internal Medicine", "Geriatric Medicine": "Internal Medicine",
        "Hematology and Oncology": "Internal Medicine", "Hospital Medicine": "Internal Medicine", "Infectious Disease": "Internal Medicine",
        "Medical Genetics": "Medical Genetics and Genomics", "Neonatology": "Pediatrics", "Nephrology": "Internal Medicine",
        "Pain Medicine": "Anesthesiology", "Hospice and Palliative Medicine": "Internal Medicine", "Pulmonary Medicine": "Internal Medicine",
        "Rheumatology": "Internal Medicine", "Sleep Medicine": "Internal Medicine", "Sports Medicine": "Family Medicine",
        "Diagnostic Radiology / Interventional Radiology": "Diagnostic Radiology", "Internal Medicine/Psychiatry": "Internal Medicine-Psychiatry",
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        // Target specialties: a comma-separated list per profile, mapped and de-duplicated in order.
        struct Profile: Decodable { var id: UUID; var specialties: String }
        for profile in try await sql.select().columns("id", "specialties").from("applicant_profiles").all(decoding: Profile.self) {
            var mapped: [String] = []
            for id in profile.specialties.split(separator: ",").map(String.init) {
                let new = Self.ids[id] ?? id
                if !mapped.contains(new) { mapped.append(new) }
            }
            let joined = mapped.joined(separator: ",")
            if joined != profile.specialties {
                try await sql.update("applicant_profiles").set("specialties", to: joined).where("id", .equal, profile.id).run()
            }
        }
        for (old, new) in Self.ids {
            try await sql.update("programs").set("specialty_id", to: new).where("specialty_id", .equal, old).run()
            try await sql.update("statements").set("specialty", to: new).where("specialty", .equal, old).run()
        }
        // Tables keyed by name, with unique indexes that include the specialty: row by row.
        struct Named: Decodable { var id: UUID; var specialty: String; var name: String }
        for row in try await sql.select().columns("id", "specialty", "name").from("directory_programs").all(decoding: Named.self) {
            guard let new = Self.names[row.specialty] else { continue }
            let clash = try await sql.select().column("id").from("directory_programs").where("name", .equal, row.name).where("specialty", .equal, new)
                .where("id", .notEqual, row.id).first()
            if clash == nil { try await sql.update("directory_programs").set("specialty", to: new).where("id", .equal, row.id).run() }
        }
        struct Listed: Decodable {
            var id: UUID, specialty: String, name: String, notes: String, userID: UUID, matchYear: Int
            enum CodingKeys: String, CodingKey {
                case id, specialty, name, notes
                case userID = "user_id"
                case matchYear = "match_year"
            }
        }
        for row in try await sql.select().columns("id", "specialty", "name", "notes", "user_id", "match_year").from("residency_programs").all(decoding: Listed.self) {
            guard let new = Self.names[row.specialty] else { continue }
            let clash = try await sql.select().column("id").from("residency_programs").where("user_id", .equal, row.userID)
                .where("match_year", .equal, row.matchYear).where("name", .equal, row.name).where("specialty", .equal, new).first()
            guard clash == nil else { continue }
            let note = "Specialty was \(row.specialty) before Rounds moved to the residency specialty list."
            // Notes hold at most 4,000 characters (ResidencyProgramDraft); a full one is left as it is.
            let notes = row.notes.isEmpty ? note : row.notes.unicodeScalars.count + note.unicodeScalars.count < 4_000 ? row.notes + "\n" + note : row.notes
            try await sql.update("residency_programs").set("specialty", to: new).set("notes", to: notes).where("id", .equal, row.id).run()
        }
    }

    /// The old values are not kept (except in program-list notes): the reverse map is not one to one.
    func revert(on database: any Database) async throws {}
}
