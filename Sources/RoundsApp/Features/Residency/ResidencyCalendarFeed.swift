import Fluent
import Foundation
import RoundsCore
import Vapor

/// The applicant's calendar feed: the season's milestones, plan tasks with a date, interviews, accepted
/// USCE sessions and offer expiries, each with a UID that stays the same across fetches.
enum ResidencyCalendarFeed {
    static func owner(ofToken token: String, on db: any Database) async throws -> User? {
        guard !token.isEmpty, token.utf8.count <= 100 else { return nil }
        return try await ResidencySettings.query(on: db).filter(\.$calendarTokenHash == SecretToken.hash(token)).with(\.$owner).first()?.owner
    }

    static func render(for user: User, req: Request) async throws -> String {
        let userID = try user.requireID()
        var events: [ICalendar.Event] = []
        if let overview = try await req.planner.overview(of: user, requested: nil) {
            let year = overview.matchYear
            for (kind, milestone) in overview.season.timeline {
                guard let milestone else { continue }
                events.append(
                    ICalendar.Event(
                        uid: "milestone-\(year)-\(kind.rawValue)@rounds", day: milestone.day, minuteOfDay: milestone.minuteOfDay, durationMinutes: 30,
                        summary: "\(year) Match: \(kind.title)", description: Self.sourceText(milestone.provenance), url: milestone.provenance.source))
            }
            for task in overview.tasks where task.state != .done && task.state != .notApplicable {
                guard let due = task.due else { continue }
                events.append(
                    ICalendar.Event(
                        uid: "task-\(year)-\(task.kind.rawValue)-\(userID.uuidString)@rounds", day: due.day, minuteOfDay: nil,
                        summary: "Due: \(task.rule.title)", description: task.rule.rule + "\n" + Self.sourceText(task.rule.provenance),
                        url: task.rule.provenance.source))
            }
            for program in overview.programs where !program.status.isClosed {
                guard let slot = program.interviewSlot, let id = program.id else { continue }
                let local = Self.newYorkTime(day: slot.day, minute: slot.minuteOfDay, zone: slot.timeZone)
                events.append(
                    ICalendar.Event(
                        uid: "interview-\(id.uuidString)@rounds", day: local.day, minuteOfDay: local.minute, durationMinutes: 240,
                        summary: "Interview: \(program.name) (\(program.specialty))",
                        description: ResidencyProgramPages.interviewText(program) ?? ""))
            }
        }
        let accepted = try await SessionApplication.query(on: req.db).filter(\.$applicant.$id == userID)
            .filter(\.$status ~~ [.accepted, .offered]).with(\.$session) { $0.with(\.$opportunity) }.all()
        for application in accepted {
            let id = try application.requireID()
            let title = application.session.opportunity.title
            if application.status == .accepted {
                events.append(
                    ICalendar.Event(
                        uid: "usce-\(id.uuidString)@rounds", day: Day(ordinal: application.session.startDay), minuteOfDay: nil,
                        summary: "Rotation starts: \(title)", description: "Ends \(Day(ordinal: application.session.endDay).inWords)."))
            } else if let expires = application.offerExpiresAt {
                let day = Self.newYorkTime(instant: expires)
                events.append(
                    ICalendar.Event(
                        uid: "offer-\(id.uuidString)@rounds", day: day.day, minuteOfDay: day.minute, durationMinutes: 15,
                        summary: "Offer expires: \(title)", description: "Accept or decline before this time."))
            }
        }
        events += try await Self.researchDeadlines(for: user, req: req)
        let booked = try await AdvisorSlot.query(on: req.db).filter(\.$bookedBy.$id == userID).filter(\.$cancelledAt == nil)
            .filter(\.$startsAt >= req.now.addingTimeInterval(-86_400)).with(\.$advisor).all()
        events += booked.map { $0.calendarEvent(forAdvisor: false) }
        let stamp = Date(timeIntervalSince1970: req.now.timeIntervalSince1970.rounded(.down))
        return ICalendar(name: "Rounds: residency plan", events: events).render(stamp: ICalendar.stamp(stamp))
    }

    /// The next yearly deadline of each research program the applicant's status may apply to (or may: the
    /// program does not say), with the program's page; none without a profile.
    static func researchDeadlines(for user: User, req: Request) async throws -> [ICalendar.Event] {
        guard let status = try await ProfileStore.load(for: user, on: req.db)?.visaStatus, let research = try? ResearchPrograms.shipped.get() else { return [] }
        return research.programs.compactMap { program in
            guard program.admits(status) != false, let day = program.nextDeadline(after: Day(req.now)) else { return nil }
            let slug = program.name.lowercased().filter { $0.isLetter || $0.isNumber }
            return ICalendar.Event(
                uid: "research-\(slug)-\(day.iso)@rounds", day: day, minuteOfDay: nil, summary: "Application deadline: \(program.name)",
                description: "Source: \(program.source) (\(program.confidence.label)); confirm the deadline each year.", url: program.source)
        }
    }

    static func sourceText(_ provenance: Provenance) -> String {
        "Source: \(provenance.source ?? "none") (\(provenance.confidence.label))" + (provenance.note.map { ". \($0)" } ?? "")
    }

    /// A local date and time in `zone` as New York date and minute (the feed's one zone); all-day stays all-day.
    static func newYorkTime(day: Day, minute: Int?, zone: String) -> (day: Day, minute: Int?) {
        guard let minute, let source = TimeZone(identifier: zone) else { return (day, minute) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = source
        let midnightUTC = Date(timeIntervalSince1970: TimeInterval(day.ordinal) * 86_400)
        var parts = Calendar.utc.dateComponents([.year, .month, .day], from: midnightUTC)
        parts.hour = minute / 60
        parts.minute = minute % 60
        guard let instant = calendar.date(from: parts) else { return (day, minute) }
        return Self.newYorkTime(instant: instant)
    }

    static func newYorkTime(instant: Date) -> (day: Day, minute: Int?) {
        let local = ICalendar.newYorkTime(instant)
        return (local.day, local.minute)
    }
}
