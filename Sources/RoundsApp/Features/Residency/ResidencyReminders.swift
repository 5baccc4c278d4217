import Fluent
import Foundation
import RoundsCore
import Vapor

/// E-mails plan reminders and weekly digests through the outbox, for applicants who turned them on.
/// Each reminder is written with its record in one transaction: a task is reminded of once, even with
/// two servers sweeping (the second insert breaks the unique key and its e-mail is never queued).
struct ResidencyReminders {
    let db: any Database
    let now: Date
    let reference: ResidencyReference
    let origin: String

    /// Sends what is due; returns how many e-mails were queued.
    func run() async throws -> Int {
        let subscribed = try await ResidencySettings.query(on: self.db)
            .group(.or) { $0.filter(\.$reminderDays != nil).filter(\.$weeklyDigest == true) }
            .with(\.$owner).all()
        var queued = 0
        for settings in subscribed {
            queued += try await self.send(for: settings)
        }
        return queued
    }

    private func send(for settings: ResidencySettings) async throws -> Int {
        let user = settings.owner
        let userID = try user.requireID()
        let planner = ResidencyPlanner(db: self.db, now: self.now, reference: self.reference)
        guard user.roles.contains(.applicant), let profile = try await ProfileStore.load(for: user, on: self.db),
            let overview = try await planner.overview(of: user, requested: nil, profile: profile)
        else { return 0 }
        let year = overview.matchYear
        let today = Day(self.now)
        let planLink = self.origin + SiteRoute.residency.path(query: [("year", "\(year)")])
        let footer = "\n\nYour plan: \(planLink)\nYou get these because you turned on reminders. To stop them, choose \"No reminders\" (and untick the weekly digest) under Reminders on your plan page: \(planLink)\n"
        return try await self.db.transaction { db in
            var queued = 0
            if let days = settings.reminderDays {
                let sent = try await ResidencyReminder.query(on: db).filter(\.$owner.$id == userID).filter(\.$matchYear == year).all().map(\.task)
                for task in ReminderRule.due(overview.tasks, today: today, daysBefore: days, alreadySent: Set(sent)) {
                    guard let due = task.due else { continue }
                    try await ResidencyReminder(ownerID: userID, matchYear: year, task: task.kind, now: self.now).create(on: db)
                    try await Outbox.enqueue(
                        to: user.email, subject: "Rounds: \(task.rule.title) is due \(ResidencyFormat.milestone(due))",
                        body: "\(task.rule.title) is due \(ResidencyFormat.milestone(due)) for the \(year) Match.\n\nWhy this date: \(task.rule.rule)\n"
                            + ResidencyCalendarFeed.sourceText(task.rule.provenance) + footer,
                        now: self.now, on: db)
                    queued += 1
                }
            }
            if settings.weeklyDigest, ReminderRule.digestDue(lastSentOn: settings.lastDigestDay.map(Day.init(ordinal:)), today: today) {
                let open = overview.tasks.filter(\.state.isPending)
                let lines = open.map { task in
                    "- \(task.rule.title): \(task.state == .overdue ? "overdue, was due" : "due") \(task.due.map(ResidencyFormat.milestone) ?? "on a date not published yet")"
                }
                try await Outbox.enqueue(
                    to: user.email, subject: "Rounds: your \(year) Match week ahead",
                    body: (open.isEmpty ? "Every task of your \(year) plan is done." : "Open tasks of your \(year) plan:\n" + lines.joined(separator: "\n")) + footer,
                    now: self.now, on: db)
                settings.lastDigestDay = today.ordinal
                try await settings.save(on: db)
                queued += 1
            }
            return queued
        }
    }
}

/// While `rounds serve` runs, sends due reminders and digests every `reminderSweepInterval`.
enum ResidencyReminderWorker {
    static func make() -> PeriodicWorker {
        PeriodicWorker(name: "Residency reminder", interval: \.reminderSweepInterval) { application in
            let reminders = ResidencyReminders(
                db: application.db, now: application.services.clock.now(), reference: application.residency, origin: application.config.server.origin)
            let queued = try await reminders.run()
            if queued > 0 { application.logger.info("Queued \(queued) residency reminder(s)") }
        }
    }
}
