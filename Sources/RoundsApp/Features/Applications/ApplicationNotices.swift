import Fluent
import Foundation
import RoundsCore
import Tagged

/// Who hears about a change of status, and what they read (in the app and by e-mail).
struct ApplicationNotices {
    let origin: String
    let now: Date

    func changed(_ loaded: LoadedApplication, from: ApplicationStatus?, to: ApplicationStatus, note: String, on db: any Database) async throws {
        let title = loaded.opportunity.title
        let dates = "\(Day(ordinal: loaded.session.startDay).inWords) to \(Day(ordinal: loaded.session.endDay).inWords)"
        // Hosts review an application on the same page its applicant sees, with a host's view of it.
        let link = SiteRoute.application(try loaded.application.requireTypedID()).path
        let reason = note.isEmpty ? "" : "\n\nNote: \(note)"

        switch to {
        case .submitted:
            try await self.tell(loaded.host, "New application: \(title)", "\(loaded.applicant.displayName) applied for \(title) (\(dates)).", link, db)
        case .offered:
            // Every offer path sets an expiry; without one the notice says where to answer, never "by soon".
            let deadline = loaded.application.offerExpiresAt.map { "Accept or decline by \(DisplayFormat.dateTime($0))." } ?? "Accept or decline on the application's page."
            try await self.tell(
                loaded.applicant, "Offer: \(title)",
                "You are offered a place in \(title) (\(dates)). \(deadline)\(reason)", link, db
            )
        case .accepted, .declined, .withdrawn:
            guard from != .draft else { return }
            try await self.tell(
                loaded.host, "\(to.displayName): \(title)",
                "\(loaded.applicant.displayName)'s application for \(title) (\(dates)) is now \(to.displayName.lowercased()).\(reason)", link, db
            )
        case .rejected, .waitlisted, .cancelled, .completed:
            try await self.tell(
                loaded.applicant, "\(to.displayName): \(title)",
                "Your application for \(title) (\(dates)) is now \(to.displayName.lowercased()).\(reason)", link, db
            )
        case .expired:
            try await self.tell(loaded.applicant, "Offer expired: \(title)", "Your offer for \(title) (\(dates)) expired unanswered.", link, db)
            try await self.tell(
                loaded.host, "Offer expired: \(title)", "The offer to \(loaded.applicant.displayName) for \(title) (\(dates)) expired unanswered.", link, db
            )
        case .draft, .underReview:
            return
        }
    }

    private func tell(_ user: User, _ title: String, _ body: String, _ link: String, _ db: any Database) async throws {
        try await Notifier.notify(user, title: title, body: body, link: link, origin: self.origin, now: self.now, on: db)
    }
}
