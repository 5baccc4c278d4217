import Foundation
import Plot
import RoundsCore
import Tagged

extension ApplicationPages {
    /// One application, as its applicant or its host sees it: facts, documents, history, and the actions
    /// the viewer may take now.
    static func detail(_ detail: ApplicationResponse, hostView: Bool, profile: ApplicantProfileInput?, errors: ValidationReport, context: PageContext)
        -> PageLayout
    {
        let status = detail.status
        let title = "\(detail.opportunity.title): \(status.displayName)"
        var facts: [(String, BodyNode)] = [
            ("Status", .badge(status)),
            ("Site", .safeText(detail.opportunity.siteName)),
            ("Dates", .safeText("\(DisplayFormat.day(iso: detail.session.start)) to \(DisplayFormat.day(iso: detail.session.end))")),
            ("Seats", .safeText("\(detail.session.seatsTaken) of \(detail.session.seats) taken")),
            ("Apply by", .safeText(DisplayFormat.day(iso: detail.session.applicationDeadline))),
        ]
        if hostView { facts.insert(("Applicant", .safeText(detail.applicant.displayName)), at: 0) }
        if status == .offered, let expiry = detail.offerExpiresAt { facts.append(("Offer open until", .safeText(DisplayFormat.dateTime(expiry)))) }
        let documents: [BodyNode] = detail.documents.map { .tag("li", .safeLink(SiteRoute.document(DocumentID($0.id)).path, .safeText($0.fileName)), .safeText(" · \(DocumentKind(rawValue: $0.kind)?.displayName ?? $0.kind)")) }
        let history: [BodyNode] = (detail.history ?? []).map { event in
            let from = event.from?.displayName ?? "New"
            let to = event.to.displayName
            return .tag("li", .safeText("\(DisplayFormat.dateTime(event.at)) · \(event.party.rawValue): \(from) → \(to)" + (event.note.isEmpty ? "" : " (\(event.note))")))
        }
        return PageLayout(
            title: title,
            context: context,
            content: .div(
                .p(hostView ? .safeLink(SiteRoute.hostApplications.path, .text("← Inbox")) : .safeLink(SiteRoute.applications.path, .text("← Your applications"))),
                .h1(.safeText(title)),
                .errorSummary(errors),
                .tag("dl", [.class("facts")] + facts.flatMap { [BodyNode.tag("dt", .safeText($0.0)), .tag("dd", $0.1)] }),
                hostView ? self.profileSection(profile) : .empty,
                .section(.h2("Statement"), .p(.safeText(detail.statement.isEmpty ? "(none yet)" : detail.statement))),
                .section(.h2("Documents"), documents.isEmpty ? .p("None attached.") : .tag("ul", documents)),
                status == .draft
                    ? .empty
                    : .section(.h2("Messages"), .p(.safeLink(SiteRoute.applicationMessages(ApplicationID(detail.id)).path, .text(hostView ? "Write to the applicant" : "Write to the host")))),
                self.actionsSection(detail, status: status, errors: errors, context: context),
                hostView && status == .completed
                    ? .p(.a(.class("button"), .href(SiteRoute.evaluatePlacement(ApplicationID(detail.id)).path), .text("Evaluate this placement")))
                    : .empty,
                .section(.h2("History"), .tag("ol", [.class("history")] + history))
            )
        )
    }

    private static func profileSection(_ profile: ApplicantProfileInput?) -> BodyNode {
        guard let profile else { return .section(.h2("Applicant profile"), .p("The applicant has not filled in a profile.")) }
        let exams = profile.exams
        var rows: [(String, String)] = [
            ("Track", profile.track.displayName),
            ("Medical school", [profile.medicalSchool, profile.schoolCountry].compactMap { $0 }.joined(separator: ", ")),
            ("Graduation year", profile.graduationYear.map(String.init) ?? "—"),
            ("USMLE Step 1", profile.step1.displayName + (exams.step1Score.map { ", \($0)" } ?? "")),
            ("USMLE Step 2 CK", profile.step2CKScore.map(String.init) ?? "—"),
        ]
        if exams.step3 != .notTaken { rows.append(("USMLE Step 3", exams.step3.displayName + (exams.step3Score.map { ", \($0)" } ?? ""))) }
        if exams.comlexLevel1 != .notTaken { rows.append(("COMLEX-USA Level 1", exams.comlexLevel1.displayName)) }
        if let score = exams.comlexLevel2CEScore { rows.append(("COMLEX-USA Level 2-CE", String(score))) }
        if exams.comlexLevel3 != .notTaken { rows.append(("COMLEX-USA Level 3", exams.comlexLevel3.displayName)) }
        rows.append(("Visa", profile.visaStatus.displayName))
        return .section(.h2("Applicant profile"), .tag("dl", [.class("facts")] + rows.flatMap { [BodyNode.tag("dt", .safeText($0.0)), .tag("dd", .safeText($0.1))] }))
    }

    private static func actionsSection(_ detail: ApplicationResponse, status: ApplicationStatus, errors: ValidationReport, context: PageContext) -> BodyNode {
        let actions = detail.actions.compactMap(ApplicationAction.init(rawValue:)).filter { $0 != .expire }
        guard !actions.isEmpty || status == .draft else { return .empty }
        let forms: [BodyNode] = actions.map { action in
            let path = SiteRoute.applicationAction(ApplicationID(detail.id), action).path
            switch action {
            case .offer:
                return .div(
                    .class("action-card"),
                    .postForm(
                        path, csrfToken: context.csrfToken,
                        .field(
                            "Offer open for (days)", name: "expires_in_days", value: "7", type: "number", error: errors.message(for: "expires_in_days"),
                            isRequired: true
                        ),
                        .field("Message to the applicant (optional)", name: "note", maxLength: ApplicationTransitions.maximumNoteLength, id: "offer-note"),
                        .submit(action.displayName)
                    )
                )
            case .cancel, .reject, .waitlist:
                return .div(
                    .class("action-card"),
                    .postForm(
                        path, csrfToken: context.csrfToken,
                        .field(
                            Self.noteLabel(action), name: "note",
                            error: action == .cancel ? errors.message(for: "note") : nil, isRequired: action == .cancel,
                            maxLength: ApplicationTransitions.maximumNoteLength, id: "\(action.rawValue)-note"
                        ),
                        .tag("button", .safeAttribute("type", "submit"), .class("button"), .safeText(action.displayName))
                    )
                )
            default:
                return .postButton(path, title: action.displayName, csrfToken: context.csrfToken, style: action == .accept || action == .submit ? "primary" : "")
            }
        }
        let edit: BodyNode = status == .draft && actions.contains(.submit) ? .p(.safeLink(SiteRoute.editApplication(ApplicationID(detail.id)).path, .text("Edit the draft"))) : .empty
        return .section(.class("application-actions"), .h2("What you can do"), edit, .group(forms))
    }

    private static func noteLabel(_ action: ApplicationAction) -> String {
        switch action {
        case .cancel: "Reason for cancelling (shown to the applicant)"
        case .waitlist: "Why waitlisted (optional, shown to the applicant)"
        default: "Why not selected (optional, shown to the applicant)"
        }
    }

    /// One line a host can scan: training, exams, ECFMG and visa ("International medical graduate, 2022 ·
    /// Step 1 passed · Step 2 CK 245 · ECFMG certified · B-1/B-2 visitor"); no profile says so.
    static func profileLine(_ profile: ApplicantProfileInput?) -> String {
        guard let profile else { return "No profile yet" }
        var parts = [profile.track.displayName + (profile.graduationYear.map { ", \($0)" } ?? "")]
        if profile.step1 != .notTaken { parts.append("Step 1 \(profile.step1.displayName.lowercased())") }
        if let score = profile.step2CKScore { parts.append("Step 2 CK \(score)") }
        if profile.exams.step3 != .notTaken { parts.append("Step 3 \(profile.exams.step3.displayName.lowercased())") }
        if let score = profile.exams.comlexLevel2CEScore { parts.append("COMLEX Level 2-CE \(score)") }
        if profile.track.isIMG { parts.append("ECFMG \(profile.ecfmgStatus.displayName.lowercased())") }
        parts.append(profile.visaStatus.displayName)
        return parts.joined(separator: " · ")
    }

    /// `rejectDraft` is a refused bulk rejection, shown again with its ticks and note under `errors`.
    static func inbox(
        _ list: [LoadedApplication], profiles: [UUID: ApplicantProfileInput], sessions: [OpportunitySession], filter: InboxFilter,
        rejectDraft: BulkRejectForm? = nil, errors: ValidationReport = ValidationReport(), context: PageContext
    ) -> PageLayout {
        let ticked = Set(rejectDraft?.applicationIDs ?? [])
        let rows: [[BodyNode]] = list.map { loaded in
            [
                .voidTag(
                    "input",
                    [("type", "checkbox"), ("name", "application_ids[]"), ("value", loaded.application.id!.uuidString), ("form", "bulk-reject"),
                     ("aria-label", "Select \(loaded.applicant.displayName)")] + (ticked.contains(loaded.application.id!.uuidString) ? [("checked", "checked")] : [])
                ),
                .safeLink(SiteRoute.application(ApplicationID(loaded.application.id!)).path, .safeText(loaded.applicant.displayName)),
                .safeText(Self.profileLine(loaded.applicant.id.flatMap { profiles[$0] })),
                .safeText(loaded.opportunity.title),
                .safeText(Day(ordinal: loaded.session.startDay).inWords),
                .badge(loaded.status),
                .safeText(loaded.application.submittedAt.map(DisplayFormat.dateTime) ?? ""),
            ]
        }
        let sessionChoices = sessions.map { Choice(value: $0.id!.uuidString, label: "\($0.opportunity.title), \(Day(ordinal: $0.startDay).inWords)") }
        let statusChoices = ApplicationStatus.allCases.filter { $0 != .draft }.map { Choice(value: $0.rawValue, label: $0.displayName) }
        return PageLayout(
            title: "Applications inbox",
            context: context,
            content: .div(
                .h1("Applications inbox"),
                .errorSummary(errors, links: ["application_ids": "#inbox-applications"]),
                .tag(
                    "form", .safeAttribute("method", "get"), .safeAttribute("action", SiteRoute.hostApplications.path), .class("filters"),
                    .selectField("Session", name: "session_id", choices: sessionChoices, selected: filter.sessionID?.uuidString, includeBlank: "All sessions"),
                    .selectField("Status", name: "status", choices: statusChoices, selected: filter.status?.rawValue, includeBlank: "Any status"),
                    .tag("button", .safeAttribute("type", "submit"), .class("button"), .text("Filter"))
                ),
                rows.isEmpty
                    ? .p("No applications match.")
                    : .group(
                        .stackingTable(["Select", "Applicant", "Training and exams", "Opportunity", "Starts", "Status", "Submitted"], rows: rows, id: "inbox-applications"),
                        .tag(
                            "form", .safeAttribute("method", "post"), .safeAttribute("action", SiteRoute.hostBulkReject.path), .id("bulk-reject"),
                            .voidTag("input", [("type", "hidden"), ("name", "csrf_token"), ("value", context.csrfToken)]),
                            .field(
                                "Note to the selected applicants (optional)", name: "note", value: rejectDraft?.note ?? "", error: errors.message(for: "note"),
                                maxLength: ApplicationTransitions.maximumNoteLength
                            ),
                            .tag("button", .safeAttribute("type", "submit"), .class("button"), .text("Reject selected"))
                        )
                    )
            )
        )
    }
}
