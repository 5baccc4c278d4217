import Foundation
import Plot
import RoundsCore

/// A couple's rank order list: linking (ask with the partner's e-mail, confirm, end), then the pairs side by
/// side — the viewer's program and the partner's — with a form per move and one to add a pair.
struct CoupleRankListPage {
    var year: Int
    var state: CoupleRankState?
    var viewer: User
    var context: PageContext
    /// A refused form's fields as typed (the partner's e-mail, the certifying name), and why.
    var typed: [String: String] = [:]
    var errors = ValidationReport()

    var query: [(String, String)] { [("year", "\(self.year)")] }
    static let algorithmSource = "http://stanford.edu/~alroth/interim1.html"

    func layout() -> PageLayout {
        PageLayout(
            title: "Couple's rank order list for the \(self.year) Match",
            context: self.context,
            content: .div(
                .p(.safeLink(SiteRoute.rankList.path(query: self.query), .text("← Your own rank order list"))),
                .h1(.text("Couple's rank order list for the \(self.year) Match")),
                .p(
                    .text("Partners in the Match rank pairs of programs, one for each of you, on lists of the same length. The Match places you at the first pair where "
                        + "both programs take you; \"no match\" for one of you lets the other match alone there. "),
                    .safeLink(Self.algorithmSource, .text("How the NRMP algorithm handles couples (Roth and Peranson)"))),
                .errorSummary(self.errors, links: ["name": "#couple-certify-name"]),
                self.content()
            )
        )
    }

    private func content() -> BodyNode {
        guard let state = self.state else { return self.proposeForm() }
        let partner = state.partner.displayName
        guard state.confirmed else {
            return .group(
                state.viewerProposed
                    ? .p(.class("notice"), .safeText("You asked \(partner) to rank as a couple; they have not confirmed yet."))
                    : .group(
                        .p(.class("notice"), .safeText("\(partner) asks you to rank as a couple for the \(self.year) Match.")),
                        .postForm(SiteRoute.coupleConfirm.path(query: self.query), csrfToken: self.context.csrfToken, .submit("Confirm: rank pairs with \(partner)"))
                    ),
                self.leaveForm(state.viewerProposed ? "Withdraw the request" : "Decline")
            )
        }
        return .group(
            .p(.safeText("Linked with \(partner). Either of you can change the pairs; both see the same list.")),
            state.closed.map { .p(.class("notice"), .safeText($0)) } ?? .empty,
            self.pairs(state),
            state.closed == nil ? self.addForm(state) : .empty,
            self.certification(state),
            state.closed == nil
                ? .section(
                    .h2("End the couple"),
                    .p(.class("hint"), .text("Your pairs go; each of you keeps your own rank order list. Your partner is told.")),
                    self.leaveForm("End the couple"))
                : .empty
        )
    }

    /// Where each partner's certification stands, and the form to certify (type your own name).
    private func certification(_ state: CoupleRankState) -> BodyNode {
        func line(_ who: String, _ certification: RankOrderList.Certification) -> BodyNode {
            let status: BodyNode =
                switch certification {
                case .never: .badge("Not certified", tone: .attention)
                case .current(let at, _): .group(.badge("Certified", tone: .good), .safeText(" on \(DisplayFormat.dateTime(at)), this order"))
                case .stale(let at, _): .group(.badge("Certify again", tone: .attention), .safeText(" (certified \(DisplayFormat.dateTime(at)); the pairs changed since)"))
                }
            return .tag("li", .safeText("\(who): "), status)
        }
        let needed: Bool = if case .current = state.myCertification { false } else { true }
        return .section(
            .h2("Certify"),
            .p(.text("Each of you certifies the pairs: the NRMP uses each partner's certified list, and a change to any pair means both certify again. "),
               .safeLink(Self.certificationSource, .text("NRMP: couples in the Match"))),
            .tag("ul", line("You", state.myCertification), line(state.partner.displayName, state.partnerCertification)),
            state.closed == nil && needed && !state.list.pairs.isEmpty
                ? .postForm(
                    SiteRoute.coupleCertify.path(query: self.query), csrfToken: self.context.csrfToken,
                    .field(
                        "Type your name to certify: \(self.viewer.displayName)", name: "name", value: self.typed["name"] ?? "", error: self.errors.message(for: "name"),
                        isRequired: true, maxLength: 200, id: "couple-certify-name"),
                    .submit("Certify our pairs"))
                : .empty
        )
    }

    static let certificationSource = "https://www.nrmp.org/couples-in-the-match/"

    private func proposeForm() -> BodyNode {
        .section(
            .h2("Link with your partner"),
            .p(.text("Your partner needs an applicant account in Rounds with their programs for this Match year. They confirm before you can rank pairs.")),
            .postForm(
                SiteRoute.coupleRankList.path(query: self.query), csrfToken: self.context.csrfToken,
                .field(
                    "Your partner's e-mail", name: "partner_email", value: self.typed["partner_email"] ?? "", type: "email",
                    error: self.errors.message(for: "partner_email"), isRequired: true),
                .submit("Ask to rank as a couple")
            )
        )
    }

    private func leaveForm(_ title: String) -> BodyNode {
        .postForm(SiteRoute.coupleLeave.path(query: self.query), csrfToken: self.context.csrfToken, .submit(title))
    }

    private static func label(_ program: ResidencyProgram?) -> String {
        guard let program else { return "No match" }
        let place = [program.city, program.state].filter { !$0.isEmpty }.joined(separator: ", ")
        return place.isEmpty ? program.name : "\(program.name) (\(place))"
    }

    private func moveButton(_ rank: Int, _ action: String, _ title: String) -> BodyNode {
        .postForm(
            SiteRoute.couplePairsMove.path(query: self.query), csrfToken: self.context.csrfToken,
            .voidTag("input", [("type", "hidden"), ("name", "rank"), ("value", String(rank))]),
            .voidTag("input", [("type", "hidden"), ("name", "action"), ("value", action)]),
            .tag("button", .safeAttribute("type", "submit"), .safeAttribute("aria-label", "\(title): pair \(rank)"), .class("button link"), .safeText(title))
        )
    }

    private func pairs(_ state: CoupleRankState) -> BodyNode {
        let rows = state.rows
        guard !rows.isEmpty else { return .p(.text("No pairs yet: add the first below.")) }
        return .stackingTable(
            ["Rank", "Your program", "\(state.partner.displayName)'s program", "Move"],
            rows: Array(rows.enumerated()).map { index, row in
                [
                    .safeText(String(index + 1)),
                    .safeText(Self.label(row.mine)),
                    .safeText(Self.label(row.partners)),
                    state.closed != nil
                        ? .empty
                        : .group(
                            index > 0 ? self.moveButton(index + 1, "up", "Up") : .empty,
                            index < rows.count - 1 ? self.moveButton(index + 1, "down", "Down") : .empty,
                            self.moveButton(index + 1, "remove", "Remove")),
                ]
            },
            kind: "rank-list couple"
        )
    }

    private func addForm(_ state: CoupleRankState) -> BodyNode {
        func choices(_ programs: [ResidencyProgram]) -> [Choice] {
            [Choice(value: "none", label: "No match")] + programs.compactMap { program in program.id.map { Choice(value: $0.uuidString, label: Self.label(program)) } }
        }
        return .section(
            .h2("Add a pair"),
            .p(.class("hint"), .safeText("At most \(state.list.maximumRanks) pairs (NRMP). "), .source(state.limitSource),
               .text(" Programs come from each partner's own program list (open ones).")),
            .postForm(
                SiteRoute.couplePairs.path(query: self.query), csrfToken: self.context.csrfToken,
                .selectField("Your program", name: "mine", choices: choices(state.myPrograms), selected: nil),
                .selectField("\(state.partner.displayName)'s program", name: "partners", choices: choices(state.partnerPrograms), selected: nil),
                .submit("Add the pair")
            )
        )
    }
}
