import Fluent
import Foundation
import RoundsCore

/// The e-mails a writer receives. The link is the only way in, so it goes to the writer alone: the
/// applicant never sees it (else they could upload a letter in the writer's name).
enum LetterMail {
    static func link(origin: String, token: String) -> String {
        origin + SiteRoute.letterLink.path(query: [("token", token)])
    }

    static func request(_ letter: LetterRequest, applicantName: String, token: String, origin: String, isReminder: Bool, now: Date, on db: any Database) async throws {
        let waiver =
            letter.waived
            ? "\(applicantName) has waived the right to see this letter: it will be read only by the residency programs it is sent to."
            : "\(applicantName) has not waived the right to see this letter and may read it."
        let message = letter.message.isEmpty ? "" : "\n\nTheir message to you:\n\n\(letter.message)\n"
        let opening =
            isReminder
            ? "A reminder: \(applicantName) asked you for a letter of recommendation through Rounds."
            : "\(applicantName) asks you for a letter of recommendation through Rounds."
        try await Outbox.enqueue(
            to: letter.writerEmail,
            subject: isReminder ? "Reminder: letter of recommendation for \(applicantName)" : "Letter of recommendation for \(applicantName)",
            body: """
                Dear \(letter.writerName),

                \(opening)\(message)

                \(waiver)

                To upload the letter (a PDF of at most \(LetterFile.maximumSize)), or to decline, open this link; it is yours alone \
                and works until \(DisplayFormat.date(letter.linkExpiresAt)). No account is needed.

                \(Self.link(origin: origin, token: token))

                If you do not know \(applicantName), ignore this message.
                """,
            now: now,
            on: db
        )
    }
}
