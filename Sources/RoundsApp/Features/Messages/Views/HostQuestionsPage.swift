import Foundation
import Plot
import RoundsCore
import Tagged

/// `/host/questions`: applicants' questions about the host's opportunities, those awaiting an answer first.
struct HostQuestionsPage {
    var threads: [MessageDesk.QuestionThread]
    var context: PageContext

    func layout() -> PageLayout {
        let waiting = self.threads.filter(\.awaitingAnswer).count
        return PageLayout(
            title: "Questions before applying",
            context: self.context,
            content: .div(
                .h1("Questions before applying"),
                .p(.text("Applicants ask about opportunities where you turned questions on (on each opportunity's page). Only you and the applicant read a conversation.")),
                .p(.safeText(waiting == 1 ? "1 conversation awaits your answer." : "\(waiting) conversations await your answer.")),
                self.threads.isEmpty
                    ? .p(.class("hint"), .text("No questions yet."))
                    : .stackingTable(
                        ["Opportunity", "Applicant", "Messages", "Last", ""],
                        rows: self.threads.map { thread in
                            [
                                .safeText(thread.opportunityTitle),
                                .safeText(thread.applicantName),
                                .safeText(String(thread.messageCount)),
                                .safeText(DisplayFormat.dateTime(thread.lastAt)),
                                .safeLink(
                                    SiteRoute.questions(OpportunityID(thread.opportunityID), UserID(thread.applicantID)).path,
                                    .text(thread.awaitingAnswer ? "Answer" : "Read")),
                            ]
                        }
                    )
            )
        )
    }
}
