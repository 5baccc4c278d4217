import Fluent
import Foundation
import RoundsCore
import Vapor

/// The demo applicant's residency list for their target Match: four fictional programs at different
/// stages, two interviews on one day (so the clash shows) and a gold signal, each linked to its entry in
/// the demo directory. Skipped when the applicant has programs, or Rounds has no season data for their
/// target year.
enum ResidencyDemoData {
    static let programs: [(name: String, specialty: String, city: String, state: String, status: ProgramListStatus, interviewInDays: Int?, signal: SignalTier?)] = [
        ("Harborview Fictional Medical Center", "Internal Medicine", "Seattle", "WA", .interviewScheduled, 30, .gold),
        ("Lakeside Example University", "Internal Medicine", "Madison", "WI", .interviewScheduled, 30, nil),
        ("Riverbend Demo Hospital", "Internal Medicine", "Richmond", "VA", .applied, nil, .silver),
        ("Mesa Sample Health", "Family Medicine", "Tucson", "AZ", .considering, nil, nil),
    ]

    static func load(_ app: Application) async throws {
        guard let amara = try await User.find(email: "applicant@rounds.test", on: app.db) else { return }
        let amaraID = try amara.requireID()
        guard try await ResidencyProgram.query(on: app.db).filter(\.$owner.$id == amaraID).count() == 0 else { return }
        let now = app.services.clock.now()
        let planner = ResidencyPlanner(db: app.db, now: now, reference: app.residency)
        guard let year = try await planner.matchYear(for: amara, requested: nil) else { return }
        for entry in Self.programs {
            var draft = ResidencyProgramDraft()
            draft.name = entry.name
            draft.specialty = entry.specialty
            draft.city = entry.city
            draft.state = entry.state
            draft.status = entry.status.rawValue
            if let days = entry.interviewInDays {
                draft.interviewDate = Day(now).adding(days: days).iso
                draft.interviewTime = entry.signal == nil ? "13:00" : "08:30"
                draft.interviewFormat = InterviewFormat.virtual.rawValue
            }
            draft.signal = entry.signal?.rawValue ?? ""
            draft.notes = "Fictional program for the demo."
            let listed = try await DirectoryEntry.query(on: app.db).filter(\.$name == entry.name).filter(\.$specialty == entry.specialty).first()
            try await planner.save(draft, as: nil, for: amara, year: year, directoryProgramID: listed?.id)
        }
    }
}
