import Fluent
import Foundation
import RoundsCore
import Tagged
import Vapor

/// The residency program directory's reads and writes, shared by the pages, the API and the commands.
/// Every write records each changed field in the change log, in the same transaction.
struct ProgramDirectory {
    let db: any Database
    let now: Date
    let specialties: Set<String>

    static let notFound = Abort(.notFound, reason: "No such program in the directory.")

    static func stateOfZIP(_ zip: String) -> String? { ZIPCodes.directory.place(zip)?.state }

    /// Every program with its facts, by name then specialty.
    func entries() async throws -> [DirectoryEntry] {
        try await DirectoryEntry.query(on: self.db).with(\.$facts).sort(\.$name).sort(\.$specialty).sort(\.$city).all()
    }

    /// The entry a route names, with its facts; 404 when there is none.
    func entry(_ id: DirectoryProgramID?) async throws -> DirectoryEntry {
        guard let id, let entry = try await DirectoryEntry.query(on: self.db).filter(\.$id == id.rawValue).with(\.$facts).first() else { throw Self.notFound }
        return entry
    }

    /// The change log of one program, newest first.
    func changes(of id: UUID) async throws -> [DirectoryChange] {
        try await DirectoryChange.query(on: self.db).filter(\.$program.$id == id).sort(\.$changedAt, .descending).sort(\.$field).all()
    }

    /// Checks a draft, then adds the program or changes `existing`; refuses (ValidationReport, nothing
    /// written) a draft with errors or one naming another program already in the directory.
    @discardableResult
    func save(_ draft: DirectoryProgramDraft, as existing: DirectoryEntry?, by editor: DirectoryEditor) async throws -> DirectoryEntry {
        let program = try draft.check(stateOfZIP: Self.stateOfZIP, specialties: self.specialties, hospitals: CMSHospital.shipped).get()
        return try await self.db.transaction { db in
            let others = try await DirectoryEntry.query(on: db).all().filter { $0.id != existing?.id }
            let taken = Set(others.flatMap { $0.program(facts: []).keys })
            if let clash = program.keys.first(where: taken.contains) {
                let field = clash.hasPrefix("acgme:") ? "acgme_id" : "name"
                throw ValidationReport([FieldError(field: field, message: "The directory already has this program (same \(field == "acgme_id" ? "ACGME id" : "name, specialty and place")).")])
            }
            return try await Self.write(program, over: existing, by: editor, source: "edited in Rounds", on: db, now: self.now).entry
        }
    }

    struct ImportSummary: Sendable, Equatable {
        var added = 0
        var updated = 0
        var unchanged = 0
        var sentence: String { "\(counted(self.added, "program")) added, \(self.updated) updated, \(self.unchanged) unchanged." }
    }

    /// Imports a CSV file whole or not at all (`DirectoryCSV.Report` names every bad cell). A row naming a
    /// program already in the directory (same ACGME id, or same name, specialty and place) updates it.
    func importCSV(_ text: String, by editor: DirectoryEditor) async throws -> ImportSummary {
        let programs = try DirectoryCSV.read(text, stateOfZIP: Self.stateOfZIP, specialties: self.specialties, hospitals: CMSHospital.shipped).get()
        return try await self.db.transaction { db in
            let existing = try await DirectoryEntry.query(on: db).with(\.$facts).all()
            var byKey: [String: DirectoryEntry] = [:]
            for entry in existing {
                for key in entry.program().keys { byKey[key] = entry }
            }
            var summary = ImportSummary()
            for program in programs {
                let match = program.keys.lazy.compactMap { byKey[$0] }.first
                let written = try await Self.write(program, over: match, by: editor, source: "CSV import", on: db, now: self.now)
                if match == nil {
                    summary.added += 1
                } else if written.changes == 0 {
                    summary.unchanged += 1
                } else {
                    summary.updated += 1
                }
            }
            return summary
        }
    }

    /// Every program as CSV, in the format `importCSV` reads.
    func exportCSV() async throws -> String {
        DirectoryCSV.write(try await self.entries().map { $0.program() })
    }

    /// Writes `program` over `existing` (or as a new entry) with its facts, logging each changed field.
    private static func write(
        _ program: DirectoryProgram, over existing: DirectoryEntry?, by editor: DirectoryEditor, source: String, on db: any Database, now: Date
    ) async throws -> (entry: DirectoryEntry, changes: Int) {
        let changes = DirectoryDiff.changes(from: existing?.program(), to: program, defaultSource: source)
        if let existing, changes.isEmpty { return (existing, 0) }
        let entry = existing ?? DirectoryEntry(now: now)
        entry.apply(program, now: now)
        try await entry.save(on: db)
        let id = try entry.requireID()
        try await DirectoryFactRow.query(on: db).filter(\.$program.$id == id).delete()
        let facts = program.requirements.facts.map { DirectoryFactRow(programID: id, fact: $0) }
        if !facts.isEmpty { try await facts.create(on: db) }
        try await changes.map { DirectoryChange(programID: id, editor: editor, change: $0, now: now) }.create(on: db)
        entry.$facts.value = facts
        return (entry, changes.count)
    }
}

extension Request {
    var directory: ProgramDirectory { ProgramDirectory(db: self.db, now: self.now, specialties: Set(self.residency.specialties)) }
}
