import Foundation
import Plot
import RoundsCore
import Tagged

enum PlacementPages {
    /// `query` narrows the sessions offered (up to 200 are open at a time); sessions ticked in a refused
    /// `draft` stay offered and ticked whatever the query.
    static func advisorIndex(
        _ cycles: [PlacementCycle], openSessions: [OpportunitySession], query: String, draft: PlacementController.CreateForm?, errors: ValidationReport,
        context: PageContext
    ) -> PageLayout {
        let rows: [BodyNode] = cycles.map { cycle in
            .tag("li", .safeLink(SiteRoute.advisorCycle(CycleID(cycle.id!)).path, .safeText(cycle.name)), .text(" "), .badge(cycle.status))
        }
        let ticked = Set(draft?.sessionIDs ?? [])
        let offered = openSessions.filter { session in
            ticked.contains(session.id!.uuidString)
                || LooseText.matches(
                    query,
                    in: [session.opportunity.title, session.opportunity.site.name, session.opportunity.site.city, session.opportunity.site.state, session.opportunity.specialty]
                )
        }
        let choices = offered.map { session in
            Choice(
                value: session.id!.uuidString,
                label: "\(session.opportunity.title), \(session.opportunity.site.name): \(Day(ordinal: session.startDay).inWords), \(counted(session.seats - session.seatsTaken, "seat"))"
            )
        }
        return PageLayout(
            title: "Placement cycles",
            context: context,
            content: .div(
                .h1("Placement cycles"),
                .p("A cycle puts sessions into one match: applicants rank the sessions they qualify for, hosts rank the applicants who ranked theirs, and the NRMP algorithm decides. Publishing turns each match into an offer."),
                rows.isEmpty ? .p("No cycles yet.") : .tag("ul", rows),
                .h2("Open a cycle"),
                .errorSummary(errors),
                .tag(
                    "form", .safeAttribute("method", "get"), .safeAttribute("action", SiteRoute.advisorCycles.path), .class("search-form"),
                    .field(
                        "Narrow the sessions", name: "q", value: query, type: "search", hint: "Words from a listing's title or specialty, a site's name, city or state.",
                        maxLength: 200
                    ),
                    .submit("Narrow")
                ),
                .p(.class("result-count"), .safeText(counted(offered.count, "open session") + (query.isEmpty ? "." : " match “\(query)”."))),
                .postForm(
                    SiteRoute.advisorCycles.path,
                    csrfToken: context.csrfToken,
                    .field("Name", name: "name", value: draft?.name ?? "", error: errors.message(for: "name"), isRequired: true, maxLength: 200),
                    .field(
                        "Offers stay open (days)", name: "offer_days", value: draft?.offerDays ?? "7", type: "number", error: errors.message(for: "offer_days"),
                        isRequired: true
                    ),
                    .checkboxGroup("Sessions", name: "session_ids", choices: choices, checked: ticked, error: errors.message(for: "session_ids")),
                    .submit("Open the cycle")
                )
            )
        )
    }

    static func advisorCycle(_ cycle: PlacementCycleResponse, applicantLists: Int, hostLists: Int, context: PageContext) -> PageLayout {
        let names = Dictionary(uniqueKeysWithValues: cycle.sessions.map { ($0.id, "\($0.title), \($0.siteName) (\($0.start))") })
        let results: [BodyNode] = (cycle.results ?? []).map { result in
            .tag("tr", .tag("td", .safeText(result.applicantName)), .tag("td", .safeText(result.sessionID.flatMap { names[$0] } ?? "unmatched")))
        }
        let status = cycle.status
        return PageLayout(
            title: cycle.name,
            context: context,
            content: .div(
                .p(.safeLink(SiteRoute.advisorCycles.path, .text("← Placement cycles"))),
                .h1(.safeText(cycle.name)),
                .p(.badge(cycle.status), .safeText(" \(counted(cycle.sessions.count, "session")) · \(counted(applicantLists, "applicant list")) · \(counted(hostLists, "host list")) · offers open \(counted(cycle.offerDays, "day"))")),
                .tag("ul", cycle.sessions.map { BodyNode.tag("li", .safeText(names[$0.id] ?? "")) }),
                status == .published ? .p("Published: the matches are offers now.") : .postButton(SiteRoute.runCycle(CycleID(cycle.id)).path, title: status == .open ? "Run the match" : "Run the match again", csrfToken: context.csrfToken),
                results.isEmpty ? .empty : .section(
                    .h2("Result"),
                    .tag("table", .tag("thead", .tag("tr", .tag("th", .text("Applicant")), .tag("th", .text("Session")))), .tag("tbody", results))
                ),
                status == .matched ? .postButton(SiteRoute.publishCycle(CycleID(cycle.id)).path, title: "Publish: make the offers", csrfToken: context.csrfToken, style: "primary") : .empty
            )
        )
    }

    static func participantIndex(_ cycles: [PlacementCycle], context: PageContext) -> PageLayout {
        let rows: [BodyNode] = cycles.map { .tag("li", .safeLink(SiteRoute.placementCycle(CycleID($0.id!)).path, .safeText($0.name))) }
        return PageLayout(
            title: "Placement cycles",
            context: context,
            content: .div(.h1("Placement cycles"), rows.isEmpty ? .p("No cycle is open for ranking.") : .tag("ul", rows))
        )
    }

    /// `typed` is what a refused submission held, shown again as typed; `partnerEmail` is the saved partner's.
    static func cycle(
        _ cycle: PlacementCycleResponse, isApplicant: Bool, namedBy: PlacementApplicantList?, partnerEmail: String?, hostSessions: [OpportunitySession],
        typed: [String: String]?, errors: ValidationReport, context: PageContext
    ) -> PageLayout {
        let ranks = Dictionary(uniqueKeysWithValues: (cycle.myList?.sessionIDs ?? []).enumerated().map { ($1, $0 + 1) })
        // Each form gets back only what it sent: the pair form's fields are the partner's e-mail and pair_….
        let sentPairs = typed?.keys.contains { $0.hasPrefix("pair_") || $0 == "partner_email" } ?? false
        let typedList = sentPairs ? nil : typed
        func rank(of session: UUID) -> String {
            if let typedList { return typedList["rank_\(session.uuidString)"] ?? "" }
            return ranks[session].map(String.init) ?? ""
        }
        let rows: [[BodyNode]] = cycle.sessions.map { session in
            let eligible = session.eligible ?? false
            return [
                .safeText("\(session.title), \(session.siteName)"),
                .safeText("\(DisplayFormat.day(iso: session.start)) to \(DisplayFormat.day(iso: session.end))"),
                .safeText(eligible ? "You qualify" : (["Not for your profile:"] + (session.notEligibleBecause ?? [])).joined(separator: " ")),
                eligible && isApplicant
                        ? .voidTag(
                            "input",
                            [("type", "number"), ("min", "1"), ("max", "20"), ("name", "rank_\(session.id.uuidString)"), ("value", rank(of: session.id)),
                             ("aria-label", "Rank for \(session.title)")]
                        )
                        : .empty,
            ]
        }
        let partnerNote: BodyNode = namedBy.map { list in
            list.partnerConfirmed
                ? .p(.safeText("You are matched as a pair with \(list.applicant.displayName)."))
                : .postButton(SiteRoute.confirmPartner(CycleID(cycle.id)).path, title: "Confirm the pair with \(list.applicant.displayName)", csrfToken: context.csrfToken, style: "primary")
        } ?? .empty
        return PageLayout(
            title: cycle.name,
            context: context,
            content: .div(
                .h1(.safeText(cycle.name)),
                .p(.badge(cycle.status)),
                partnerNote,
                isApplicant
                    ? .group(
                        .errorSummary(errors),
                        .p("Number the sessions you want, 1 for your first choice; leave the others empty."),
                        .postForm(
                            SiteRoute.cycleList(CycleID(cycle.id)).path,
                            csrfToken: context.csrfToken,
                            .stackingTable(["Session", "Dates", "Eligibility", "Rank"], rows: rows),
                            .submit("Save my rank list")
                        ),
                        PlacementPairForm(cycle: cycle, partnerEmail: partnerEmail, typed: sentPairs ? typed : nil, errors: errors, csrfToken: context.csrfToken).node
                    )
                    : .empty,
                hostSessions.isEmpty
                    ? .empty
                    : .section(
                        .h2("Your sessions in this cycle"),
                        .tag("ul", hostSessions.map { session in
                            BodyNode.tag("li", .safeLink(SiteRoute.hostCycleSession(CycleID(cycle.id), SessionID(session.id!)).path, .safeText("Rank applicants for \(session.opportunity.title), \(Day(ordinal: session.startDay).inWords)")))
                        })
                    )
            )
        )
    }

    static func hostSession(
        _ cycle: PlacementCycle, session: OpportunitySession, applicants: [User], ranking: [UUID], errors: ValidationReport, context: PageContext
    ) -> PageLayout {
        let ranks = Dictionary(uniqueKeysWithValues: ranking.enumerated().map { ($1, $0 + 1) })
        let rows: [BodyNode] = applicants.map { applicant in
            .tag(
                "tr",
                .tag("td", .safeText(applicant.displayName)),
                .tag(
                    "td",
                    .voidTag(
                        "input",
                        [("type", "number"), ("min", "1"), ("name", "rank_\(applicant.id!.uuidString)"), ("value", ranks[applicant.id!].map(String.init) ?? ""),
                         ("aria-label", "Rank for \(applicant.displayName)")]
                    )
                )
            )
        }
        let title = "\(session.opportunity.title), \(Day(ordinal: session.startDay).inWords)"
        return PageLayout(
            title: title,
            context: context,
            content: .div(
                .p(.safeLink(SiteRoute.placementCycle(CycleID(cycle.id!)).path, .safeText("← \(cycle.name)"))),
                .h1(.safeText(title)),
                .p("Number the applicants you would take, 1 first; leave out anyone you would not."),
                .errorSummary(errors),
                rows.isEmpty
                    ? .p("Nobody has ranked this session yet.")
                    : .postForm(
                        SiteRoute.hostCycleSession(CycleID(cycle.id!), SessionID(session.id!)).path,
                        csrfToken: context.csrfToken,
                        .tag("table", .tag("thead", .tag("tr", .tag("th", .text("Applicant")), .tag("th", .text("Rank")))), .tag("tbody", rows)),
                        .submit("Save my rank list")
                    )
            )
        )
    }
}
