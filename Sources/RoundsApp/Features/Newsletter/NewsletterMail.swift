import Foundation

/// The newsletter's e-mails, as plain text. Each issue goes to one subscriber per message, so no
/// subscriber ever sees another's address.
enum NewsletterMail {
    static func confirmation(link: String) -> String {
        """
        Hello,

        Someone asked to receive the Rounds newsletter at this address: a monthly e-mail with new \
        guides on US clinical experience, applications and the Match.

        If it was you, confirm within 48 hours:

        \(link)

        If it was not you, ignore this message: nothing will be sent to you.
        """
    }

    static func issue(_ issue: NewsletterIssue, guides: [Guide], origin: String, unsubscribe: String) -> String {
        var text = issue.intro.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n"
        for guide in guides {
            text += "\(guide.title)\n\(guide.summary)\n\(origin)\(SiteRoute.guide(guide.route).path)\n\n"
        }
        text += """
            --
            You receive this because you confirmed a subscription to the Rounds newsletter.
            Unsubscribe with one click (no sign-in): \(unsubscribe)
            Past issues: \(origin)\(SiteRoute.newsletterIssues.path)
            """
        return text
    }
}
