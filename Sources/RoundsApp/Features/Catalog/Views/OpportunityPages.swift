import Foundation
import Plot
import RoundsCore
import Tagged

/// The catalog's search page and an opportunity's page.
enum OpportunityPages {
    static func search(
        parameters: SearchParameters,
        response: OpportunityListResponse?,
        error: String?,
        canFilterEligible: Bool,
        context: PageContext
    ) -> PageLayout {
        PageLayout(
            title: "Find US clinical experience",
            context: context,
            content: .div(
                .h1("Find US clinical experience"),
                .errorSummary(error, field: "field-q"),
                SearchForm(parameters: parameters, facets: response?.facets ?? [:], canFilterEligible: canFilterEligible).node(),
                response.map { self.results($0, parameters: parameters) } ?? .empty,
                response != nil && context.viewer != nil ? self.saveForm(parameters, csrfToken: context.csrfToken) : .empty
            )
        )
    }

    /// "Save this search", with an e-mail alert for new matches (`/account/searches`).
    private static func saveForm(_ p: SearchParameters, csrfToken: String) -> BodyNode {
        .section(
            .class("save-search"),
            .h2("Save this search"),
            .postForm(
                SiteRoute.savedSearches.path, csrfToken: csrfToken,
                .voidTag("input", [("type", "hidden"), ("name", "query"), ("value", p.savedQuery)]),
                .field("Name", name: "name", value: p.q ?? "", isRequired: true, maxLength: SavedSearchDraft.nameLimit),
                .selectField("Alert", name: "alert", choices: SearchAlert.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }, selected: SearchAlert.weekly.rawValue),
                .submit("Save this search")
            )
        )
    }

    private static func results(_ response: OpportunityListResponse, parameters: SearchParameters) -> BodyNode {
        .section(
            .class("results"),
            .safeAttribute("aria-label", "Results"),
            .p(.class("result-count"), .safeText(counted(response.total, "opportunity", plural: "opportunities"))),
            response.total == 0 ? SearchForm.suggestions(parameters) : .empty,
            .ul(
                .class("result-list"),
                .forEach(response.items) { item in
                    .li(
                        .h2(.safeLink(SiteRoute.opportunity(OpportunityID(item.id)).path, .safeText(item.title))),
                        .p(.safeText("\(item.site.name) · \(item.site.city), \(item.site.state)" + (item.distanceMi.map { String(format: " · %.1f mi", $0) } ?? ""))),
                        .p(
                            .class("meta"),
                            .safeText(
                                [
                                    item.type.displayName, item.handsOn ? "Hands-on" : "Observational",
                                    formatFee(item.feeCents, item.currency),
                                    item.nextSession.map { "Next: \(DisplayFormat.day(iso: $0.start)) (apply by \(DisplayFormat.day(iso: $0.applicationDeadline))), \(Self.seatsLeft($0.seatsLeft))" }
                                        ?? "No open session",
                                ].joined(separator: " · ")
                            )
                        ),
                        item.eligibility.map { .p(.class("eligibility"), .safeText($0.eligible ? "You qualify." : $0.reasons.joined(separator: " "))) } ?? .empty
                    )
                }
            ),
            self.pagination(response, parameters: parameters)
        )
    }

    private static func pagination(_ response: OpportunityListResponse, parameters: SearchParameters) -> BodyNode {
        .pagination(page: response.page, of: SearchQuery.pageCount(total: response.total, perPage: response.perPage)) { number in
            var copy = parameters
            copy.page = String(number)
            return SiteRoute.opportunities.path(query: copy.queryItems)
        }
    }

    /// What the page knows besides the listing: seats taken per session (the index keeps only the total),
    /// the viewer's live application per session, and what the viewer may do about the listing.
    struct ViewerState {
        var seatsTaken: [UUID: Int] = [:]
        var liveApplications: [UUID: (id: UUID, status: ApplicationStatus)] = [:]
        /// The signed-in viewer, if any.
        var viewerID: UUID?
        /// The viewer hosts this listing.
        var isHost = false
        /// The viewer is an applicant who may ask the host (or read what they asked).
        var isApplicant = false
        var questionCount = 0
        var hasReported = false
        var isFavourite = false
    }

    static func detail(
        _ detail: OpportunityDetailResponse, today: Day, state: ViewerState = ViewerState(), relatedGuides: [Guide] = [], context: PageContext
    ) -> PageLayout {
        let item = detail.summary
        let place = "\(item.site.name) · \(item.site.city), \(item.site.state) \(item.site.zip)"
        let content: BodyNode = .article(
            .p(.safeLink(SiteRoute.opportunities.path, .text("← All opportunities"))),
            .h1(.safeText(item.title)),
            .p(.safeText(place)),
            self.favouriteForm(OpportunityID(item.id), state: state, csrfToken: context.csrfToken),
            self.facts(detail),
            self.eligibility(item.eligibility),
            .section(.h2("About"), .p(.safeText(detail.description))),
            self.sessions(detail.sessions, today: today, state: state),
            self.questions(detail, state: state),
            GuidePages.related(relatedGuides),
            self.reportForm(detail, state: state, csrfToken: context.csrfToken)
        )
        return PageLayout(title: item.title, context: context, content: content)
    }

    /// Keeping the listing among one's favourites (signed in).
    private static func favouriteForm(_ id: OpportunityID, state: ViewerState, csrfToken: String) -> BodyNode {
        guard state.viewerID != nil else { return .empty }
        return .postForm(
            SiteRoute.favourite(id).path, csrfToken: csrfToken,
            .voidTag("input", [("type", "hidden"), ("name", "keep"), ("value", state.isFavourite ? "false" : "true")]),
            .submit(state.isFavourite ? "Remove from favourites" : "Add to favourites"),
            state.isFavourite ? .text(" ") : .empty,
            state.isFavourite ? .safeLink(SiteRoute.favourites.path, .text("Your favourites")) : .empty
        )
    }

    /// Asking the host before applying, where the host allows it.
    private static func questions(_ detail: OpportunityDetailResponse, state: ViewerState) -> BodyNode {
        let opportunityID = OpportunityID(detail.summary.id)
        if state.isHost {
            return .section(
                .h2("Questions"),
                .p(.safeText(detail.acceptsQuestions ? "Applicants can ask you about this listing. " : "Questions are off for this listing. "),
                   .safeLink(SiteRoute.hostQuestions.path, .text("Questions to you"))))
        }
        guard detail.acceptsQuestions || state.questionCount > 0 else { return .empty }
        guard let viewerID = state.viewerID else {
            return .section(.h2("Questions"), .p(.text("The host answers questions before you apply. "), .safeLink(SiteRoute.signIn.path, .text("Sign in to ask"))))
        }
        guard state.isApplicant else { return .empty }
        let path = SiteRoute.questions(opportunityID, UserID(viewerID)).path
        return .section(
            .h2("Questions"),
            .p(state.questionCount > 0
                ? .safeLink(path, .safeText("Your conversation with the host (\(state.questionCount) message\(state.questionCount == 1 ? "" : "s"))"))
                : .safeLink(path, .text("Ask the host a question before applying")))
        )
    }

    /// Reporting the listing to the administrators, for a signed-in viewer who does not host it.
    private static func reportForm(_ detail: OpportunityDetailResponse, state: ViewerState, csrfToken: String) -> BodyNode {
        guard state.viewerID != nil, !state.isHost else { return .empty }
        if state.hasReported { return .p(.class("hint"), .text("You reported this listing; the administrators have it.")) }
        return .tag(
            "details",
            .tag("summary", .text("Report this listing")),
            .postForm(
                SiteRoute.reportListing(OpportunityID(detail.summary.id)).path, csrfToken: csrfToken,
                .selectField("What is wrong?", name: "problem", choices: ListingProblem.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }, selected: nil),
                .textArea("What did you see? The administrators read this.", name: "details", value: "", error: nil, hint: nil, maxLength: ListingReportDraft.limit, rows: 4),
                .submit("Report")
            )
        )
    }

    private static func facts(_ detail: OpportunityDetailResponse) -> BodyNode {
        let item = detail.summary
        let rows: [(String, String)] = [
            ("Type", item.type.displayName),
            ("Specialty", Specialties.rotation.find(item.specialty)?.name ?? item.specialty),
            ("Clinical involvement", item.handsOn ? "Hands-on" : "Observational"),
            ("Setting", item.setting.displayName),
            ("Fee", formatFee(item.feeCents, item.currency)),
            ("Letter of recommendation", LetterPolicy(rawValue: item.letterPolicy)?.displayName ?? item.letterPolicy),
            ("Open to", item.audiences.compactMap { Audience(rawValue: $0)?.displayName }.joined(separator: ", ")),
            ("Visas accepted", item.visaClasses.compactMap { VisaClass(rawValue: $0)?.displayName }.joined(separator: "; ")),
            ("Requirements", detail.requirements.compactMap { Requirement(rawValue: $0)?.displayName }.joined(separator: ", ")),
        ]
        return .tag("dl", [.class("facts")] + rows.flatMap { [BodyNode.tag("dt", .safeText($0.0)), .tag("dd", .safeText($0.1))] })
    }

    private static func eligibility(_ eligibility: OpportunitySummary.EligibilitySummary?) -> BodyNode {
        guard let eligibility else { return .empty }
        return .section(
            .h2(.safeText(eligibility.eligible ? "You qualify" : "You do not qualify yet")),
            .ul(.forEach(eligibility.reasons) { .li(.safeText($0)) })
        )
    }

    private static func sessions(_ sessions: [OpportunitySummary.SessionSummary], today: Day, state: ViewerState) -> BodyNode {
        guard !sessions.isEmpty else { return .section(.h2("Sessions"), .p("No sessions scheduled.")) }
        let rows: [[BodyNode]] = sessions.map { session in
            let left = max(0, session.seats - (state.seatsTaken[session.id] ?? 0))
            let cells = [DisplayFormat.day(iso: session.start), DisplayFormat.day(iso: session.end), "\(left) of \(session.seats) left", DisplayFormat.day(iso: session.applicationDeadline)]
            let isOpen = Day(iso: session.applicationDeadline).map { $0 >= today } ?? false
            let apply: BodyNode
            if let mine = state.liveApplications[session.id] {
                // One live application per session: show it instead of a second "Apply".
                apply = .safeLink(SiteRoute.application(ApplicationID(mine.id)).path, .text("Your application (\(mine.status.displayName.lowercased()))"))
            } else if !isOpen {
                apply = .text("Closed")
            } else {
                apply = .safeLink(SiteRoute.apply(session: SessionID(session.id)).path, .text(left == 0 ? "Apply (full: waitlist only)" : "Apply"))
            }
            return cells.map { BodyNode.safeText($0) } + [apply]
        }
        return .section(.h2("Sessions"), .stackingTable(["Starts", "Ends", "Seats", "Apply by", ""], rows: rows))
    }

    static func seatsLeft(_ count: Int) -> String {
        switch count {
        case 0: "full"
        case 1: "1 seat left"
        default: "\(count) seats left"
        }
    }

    static func formatFee(_ cents: Int, _ currency: String) -> String {
        cents == 0 ? "No fee" : "\(currency) \(cents / 100)" + (cents % 100 == 0 ? "" : String(format: ".%02d", cents % 100))
    }
}

extension SearchParameters {
    /// The parameters that are set, for building page links.
    var queryItems: [(String, String)] {
        let pairs: [(String, String?)] = [
            ("q", self.q), ("type", self.type), ("specialty", self.specialty), ("state", self.state), ("audience", self.audience),
            ("setting", self.setting), ("visa", self.visa), ("hands_on", self.handsOn), ("has_seats", self.hasSeats), ("letter", self.letter),
            ("max_fee_cents", self.maxFeeCents), ("starts_after", self.startsAfter), ("ends_before", self.endsBefore),
            ("near", self.near), ("radius_mi", self.radiusMi), ("eligible", self.eligible), ("sort", self.sort),
            ("page", self.page), ("per_page", self.perPage),
        ]
        return pairs.compactMap { name, value in value.flatMap { $0.isEmpty ? nil : (name, $0) } }
    }
}
