import Foundation
import Plot
import RoundsCore
import Tagged

/// The host's pages: their sites and opportunities, and the forms to change them.
enum HostPages {
    static let sitesPerPage = 10

    /// The host's sites with their listings, ten to a page, narrowed by `query` (site name, address or
    /// listing title): a host with many sites once got one page 16,000 px tall.
    static func sites(_ page: ListPage<Site>, query: String, context: PageContext) -> PageLayout {
        let list: [BodyNode] = page.items.map { site in
            let opportunities: [BodyNode] = site.opportunities.sorted { $0.title < $1.title }.map { opportunity in
                .tag("li", .safeLink(SiteRoute.hostOpportunity(OpportunityID(opportunity.id!)).path, .safeText(opportunity.title)), .text(" "), .badge(opportunity.status))
            }
            return .section(
                .h2(.safeText(site.name)),
                .p(.safeText("\(site.street), \(site.city), \(site.state) \(site.zip) · " + (site.isVerified ? "verified" : site.reviewState == .pending ? "waiting for an admin to verify it" : site.reviewState.label.lowercased()))),
                site.reviewNote.map { note in
                    .div(.class("notice"), .p(.safeText("The administrators' reason: \(note)")))
                } ?? .empty,
                site.reviewState == .rejected
                    ? .postButton(SiteRoute.resubmitSite(SiteID(site.id!)).path, title: "I have fixed it: ask for another review", csrfToken: context.csrfToken)
                    : .empty,
                opportunities.isEmpty ? .p("No opportunities yet.") : .tag("ul", opportunities),
                .p(.safeLink(SiteRoute.newOpportunity(site: SiteID(site.id!)).path, .text("Add an opportunity")))
            )
        }
        let isFiltered = !query.isEmpty
        let empty: BodyNode =
            isFiltered
            ? .p(.safeText("No site or listing matches “\(query)”. "), .safeLink(SiteRoute.hostSites.path, .text("Show all your sites")))
            : .p("You have no sites yet. Add the hospital, clinic or lab where you host people.")
        return PageLayout(
            title: "Your sites",
            context: context,
            content: .div(
                .h1("Your sites"),
                .p(.safeLink(SiteRoute.newSite.path, .text("Add a site"))),
                isFiltered || page.total > Self.sitesPerPage
                    ? .tag(
                        "form", .safeAttribute("method", "get"), .safeAttribute("action", SiteRoute.hostSites.path), .class("search-form"),
                        .field("Find a site or listing", name: "q", value: query, type: "search", hint: "A site's name, city, state or ZIP, or a listing's title.", maxLength: 200),
                        .submit("Find")
                    )
                    : .empty,
                page.total == 0
                    ? empty
                    : .group(
                        .p(.class("result-count"), .safeText(counted(page.total, "site") + (page.pageCount > 1 ? ", page \(page.number) of \(page.pageCount)." : "."))),
                        .group(list),
                        .pagination(page: page.number, of: page.pageCount) { number in
                            SiteRoute.hostSites.path(query: (isFiltered ? [("q", query)] : []) + [("page", "\(number)")])
                        }
                    )
            )
        )
    }

    static func siteForm(_ draft: SiteDraft, errors: ValidationReport, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Add a site",
            context: context,
            content: .div(
                .class("narrow"),
                .h1("Add a site"),
                .p("An admin verifies each new site before its opportunities are shown to applicants."),
                .errorSummary(errors),
                .postForm(
                    SiteRoute.hostSites.path,
                    csrfToken: context.csrfToken,
                    .field("Name", name: "name", value: draft.name, error: errors.message(for: "name"), isRequired: true, maxLength: 200),
                    .selectField(
                        "Kind", name: "kind", choices: SiteKind.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) },
                        selected: draft.kind, error: errors.message(for: "kind"), includeBlank: "Choose…"
                    ),
                    .field("Street address", name: "street", value: draft.street, error: errors.message(for: "street"), isRequired: true),
                    .field("City", name: "city", value: draft.city, error: errors.message(for: "city"), isRequired: true),
                    .field("State", name: "state", value: draft.state, error: errors.message(for: "state"), hint: "Two letters, e.g. NY", isRequired: true, maxLength: 2),
                    .field("ZIP code", name: "zip", value: draft.zip, error: errors.message(for: "zip"), isRequired: true, maxLength: 5),
                    .field("Website", name: "website", value: draft.website, type: "url", error: errors.message(for: "website")),
                    .submit("Add site")
                )
            )
        )
    }

    static func opportunityForm(
        _ draft: OpportunityDraft, errors: ValidationReport, action: String, title: String, context: PageContext
    ) -> PageLayout {
        PageLayout(
            title: title,
            context: context,
            content: .div(
                .h1(.safeText(title)),
                .errorSummary(errors),
                .postForm(
                    action,
                    csrfToken: context.csrfToken,
                    self.whatFields(draft, errors),
                    self.whoFields(draft, errors),
                    self.termsFields(draft, errors),
                    .submit("Save")
                )
            )
        )
    }

    private static func whatFields(_ draft: OpportunityDraft, _ errors: ValidationReport) -> BodyNode {
        .tag(
            "fieldset",
            .tag("legend", .text("What it is")),
            .field("Title", name: "title", value: draft.title, error: errors.message(for: "title"), isRequired: true, maxLength: 200),
            .selectField("Type", name: "type", choices: OpportunityType.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }, selected: draft.type, error: errors.message(for: "type"), includeBlank: "Choose…"),
            .selectField("Specialty", name: "specialty", choices: Specialties.rotation.all.map { Choice(value: $0.id, label: $0.name) }, selected: draft.specialty, error: errors.message(for: "specialty"), includeBlank: "Choose…"),
            .selectField("Setting", name: "setting", choices: ClinicalSetting.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }, selected: draft.setting, error: errors.message(for: "setting"), includeBlank: "Choose…"),
            .selectField("Clinical involvement", name: "hands_on", choices: [Choice(value: "false", label: "Observational"), Choice(value: "true", label: "Hands-on")], selected: draft.isHandsOn ? "true" : "false"),
            .div(
                .class("field"),
                .tag("label", .safeAttribute("for", "field-description"), .text("Description")),
                .tag("textarea", .safeAttribute("id", "field-description"), .safeAttribute("name", "description"), .safeAttribute("rows", "6"), .safeText(draft.description)),
                .fieldError(errors.message(for: "description"), id: "field-description")
            )
        )
    }

    private static func whoFields(_ draft: OpportunityDraft, _ errors: ValidationReport) -> BodyNode {
        .tag(
            "fieldset",
            .tag("legend", .text("Who can come")),
            .checkboxGroup("Open to", name: "audiences", choices: Audience.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }, checked: Set(draft.audiences), error: errors.message(for: "audiences")),
            .checkboxGroup("Visa classes accepted", name: "visa_classes", choices: VisaClass.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }, checked: Set(draft.visaClasses), error: errors.message(for: "visa_classes")),
            .field("Most years since graduation", name: "max_years_since_graduation", value: draft.maximumYearsSinceGraduation, type: "number", error: errors.message(for: "max_years_since_graduation"), hint: "Leave empty for no limit."),
            .selectField("USMLE Step 1", name: "requires_step1_pass", choices: [Choice(value: "false", label: "Not required"), Choice(value: "true", label: "Must have passed")], selected: draft.requiresStep1Pass ? "true" : "false")
        )
    }

    private static func termsFields(_ draft: OpportunityDraft, _ errors: ValidationReport) -> BodyNode {
        .tag(
            "fieldset",
            .tag("legend", .text("Terms")),
            .field("Fee", name: "fee", value: draft.fee, error: errors.message(for: "fee"), hint: "In the currency below; 0 or empty for free."),
            .field("Currency", name: "currency", value: draft.currency, error: errors.message(for: "currency"), maxLength: 3),
            .field("Refund terms", name: "refund_terms", value: draft.refundTerms, error: errors.message(for: "refund_terms")),
            .selectField("Letter of recommendation", name: "letter_policy", choices: LetterPolicy.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }, selected: draft.letterPolicy, error: errors.message(for: "letter_policy"), includeBlank: "Choose…"),
            .checkboxGroup("Requirements", name: "requirements", choices: Requirement.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }, checked: Set(draft.requirements), error: errors.message(for: "requirements"))
        )
    }

    static func manage(
        _ opportunity: Opportunity, sessionDraft: SessionDraft, sessionErrors: ValidationReport, context: PageContext
    ) -> PageLayout {
        let id = opportunity.id!
        let sessions: [[BodyNode]] = opportunity.sessions.sorted { $0.startDay < $1.startDay }.map { session in
            let cells = [Day(ordinal: session.startDay).inWords, Day(ordinal: session.endDay).inWords, String(session.seats), Day(ordinal: session.deadlineDay).inWords]
            return cells.map { BodyNode.safeText($0) } + [.postButton(SiteRoute.deleteSession(SessionID(session.id!)).path, title: "Remove", csrfToken: context.csrfToken)]
        }
        let status = opportunity.status
        return PageLayout(
            title: opportunity.title,
            context: context,
            content: .div(
                .p(.safeLink(SiteRoute.hostSites.path, .text("← Your sites"))),
                .h1(.safeText(opportunity.title)),
                .p(.badge(status), .safeText(" \(opportunity.site.name)" + (opportunity.site.isVerified ? "" : " (site not verified yet)"))),
                status == .published
                    ? .group(.p(.safeLink(SiteRoute.opportunity(OpportunityID(id)).path, .text("See the public page"))), .postButton(SiteRoute.archiveOpportunity(OpportunityID(id)).path, title: "Archive", csrfToken: context.csrfToken))
                    : .postButton(SiteRoute.publishOpportunity(OpportunityID(id)).path, title: "Publish", csrfToken: context.csrfToken, style: "primary"),
                .h2("Sessions"),
                sessions.isEmpty ? .p("No sessions yet.") : .stackingTable(["Starts", "Ends", "Seats", "Apply by", ""], rows: sessions),
                .h3("Add a session"),
                .errorSummary(sessionErrors),
                .postForm(
                    SiteRoute.addSession(OpportunityID(id)).path,
                    csrfToken: context.csrfToken,
                    .field("First day", name: "start", value: sessionDraft.start, type: "date", error: sessionErrors.message(for: "start"), isRequired: true),
                    .field("Last day", name: "end", value: sessionDraft.end, type: "date", error: sessionErrors.message(for: "end"), isRequired: true),
                    .field("Application deadline", name: "deadline", value: sessionDraft.deadline, type: "date", error: sessionErrors.message(for: "deadline"), isRequired: true),
                    .field("Seats", name: "seats", value: sessionDraft.seats, type: "number", error: sessionErrors.message(for: "seats"), isRequired: true),
                    .submit("Add session")
                ),
                .h2("Details"),
                .p(.safeLink(SiteRoute.editOpportunity(OpportunityID(id)).path, .text("Edit the details"))),
                .h2("Questions before applying"),
                .p(.safeText(opportunity.acceptsQuestions
                    ? "Signed-in applicants can ask you about this opportunity from its public page. "
                    : "Off: applicants can ask only once they apply. "), .safeLink(SiteRoute.hostQuestions.path, .text("Questions to you"))),
                .postForm(
                    SiteRoute.questionSetting(OpportunityID(id)).path, csrfToken: context.csrfToken,
                    .voidTag("input", [("type", "hidden"), ("name", "accepts_questions"), ("value", opportunity.acceptsQuestions ? "false" : "true")]),
                    .submit(opportunity.acceptsQuestions ? "Turn questions off" : "Let applicants ask questions")
                )
            )
        )
    }

    /// The administrators' site list: waiting sites first (verify or reject with a reason), then verified
    /// ones (suspend with a reason), then rejected and suspended ones (verify again).
    static func verification(_ sites: [Site], errors: ValidationReport, context: PageContext) -> PageLayout {
        func table(_ state: SiteReviewState, actions: [SiteReviewAction]) -> BodyNode {
            let chosen = sites.filter { $0.reviewState == state }
            guard !chosen.isEmpty else { return .p(.text(state == .pending ? "Every site is verified." : "None.")) }
            let showsReason = state == .rejected || state == .suspended
            return .stackingTable(
                ["Site", "Place", "Host"] + (showsReason ? ["Reason"] : []) + [""],
                rows: chosen.map { site in
                    [
                        .safeText(site.name),
                        .safeText("\(site.city), \(site.state) \(site.zip)"),
                        .safeText(site.host.displayName + " <" + site.host.email + ">"),
                    ]
                        + (showsReason ? [.safeText(site.reviewNote ?? "")] : [])
                        + [
                            .forEach(actions) { action in
                                action.needsReason
                                    ? .postForm(
                                        SiteRoute.reviewSite(SiteID(site.id!), action).path, csrfToken: context.csrfToken,
                                        .field("Reason (the host sees it)", name: "reason", isRequired: true, maxLength: SiteReviewAction.reasonLimit, id: "reason-\(action.rawValue)-\(site.id!.uuidString)"),
                                        .tag("button", .safeAttribute("type", "submit"), .class("button"), .safeText(action == .reject ? "Reject" : "Suspend")))
                                    : .postButton(SiteRoute.reviewSite(SiteID(site.id!), action).path, title: state == .pending ? "Verify" : "Verify again", csrfToken: context.csrfToken, style: "primary")
                            }
                        ]
                }
            )
        }
        return PageLayout(
            title: "Sites to verify",
            context: context,
            content: .div(
                .h1("Sites to verify"),
                .errorSummary(errors),
                .p(.safeLink(SiteRoute.adminAudit.path, .text("Audit log of administrator actions"))),
                .h2("Waiting"), table(.pending, actions: [.verify, .reject]),
                .h2("Verified"), table(.verified, actions: [.suspend]),
                .h2("Rejected"), table(.rejected, actions: [.verify]),
                .h2("Suspended"), table(.suspended, actions: [.verify])
            )
        )
    }
}
