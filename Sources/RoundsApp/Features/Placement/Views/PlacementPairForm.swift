import Foundation
import Plot
import RoundsCore
import Tagged

/// The couple's half of the cycle page: the partner's e-mail and rows of pairs, each a rank number and a
/// session (or "not placed") for each of the two, so friends can rank pairs without the API or JavaScript.
struct PlacementPairForm {
    var cycle: PlacementCycleResponse
    /// The partner's address when the saved list names one.
    var partnerEmail: String?
    /// What was typed when the last submission was refused, so it is shown again as typed.
    var typed: [String: String]?
    var errors: ValidationReport
    var csrfToken: String

    /// Rows shown: the saved pairs and room for a few more, never past the list's limit.
    var rowCount: Int {
        if let typed { return typed.keys.filter { $0.hasPrefix("pair_rank_") }.count }
        return min(PlacementChoices.maximumLength, max(self.savedPairs.count + 3, 5))
    }

    private var savedPairs: [[UUID?]] { self.cycle.myList?.pairs ?? [] }

    /// A row's three values as shown: typed ones after a refusal, else the saved pair with its rank.
    func values(row index: Int) -> PairRows.Row {
        if let typed {
            return PairRows.Row(
                rank: typed["pair_rank_\(index)"] ?? "", mine: typed["pair_mine_\(index)"] ?? "", partners: typed["pair_partner_\(index)"] ?? ""
            )
        }
        guard index < self.savedPairs.count, self.savedPairs[index].count == 2 else { return PairRows.Row(rank: "", mine: "", partners: "") }
        let pair = self.savedPairs[index]
        return PairRows.Row(
            rank: String(index + 1), mine: pair[0]?.uuidString ?? PairRows.notPlaced, partners: pair[1]?.uuidString ?? PairRows.notPlaced
        )
    }

    var node: BodyNode {
        let mine = self.cycle.sessions.filter { $0.eligible ?? false }
        let rows: [[BodyNode]] = (0..<self.rowCount).map { index in
            let row = self.values(row: index)
            return [
                .voidTag("input", [
                    ("type", "number"), ("min", "1"), ("max", String(self.rowCount)), ("name", "pair_rank_\(index)"), ("value", row.rank),
                    ("aria-label", "Rank of pair row \(index + 1)"),
                ]),
                Self.select(name: "pair_mine_\(index)", label: "Your session in pair row \(index + 1)", sessions: mine, selected: row.mine),
                Self.select(name: "pair_partner_\(index)", label: "Your partner's session in pair row \(index + 1)", sessions: self.cycle.sessions, selected: row.partners),
            ]
        }
        let emailError = self.errors.errors.first { $0.field == "partner_email" }?.message
        return .section(
            .h2("Rank pairs with a partner"),
            .p("""
                To be placed together, name your partner and rank pairs of sessions: yours and theirs, or \
                “Not placed” for one of you. Your partner confirms the pair on this page. Saving pairs replaces \
                your list above; saving that list again ends the pairing.
                """),
            .postForm(
                SiteRoute.cyclePairs(CycleID(self.cycle.id)).path,
                csrfToken: self.csrfToken,
                .field(
                    "Your partner's e-mail", name: "partner_email", value: self.typed?["partner_email"] ?? self.partnerEmail ?? "", type: "email",
                    error: emailError, hint: "The address of their Rounds applicant account.", autocomplete: "off"
                ),
                .stackingTable(["Rank", "Your session", "Your partner's session"], rows: rows),
                .submit("Save our pairs")
            )
        )
    }

    private static func select(name: String, label: String, sessions: [PlacementCycleResponse.SessionPart], selected: String) -> BodyNode {
        let choices = [Choice(value: "", label: "Choose"), Choice(value: PairRows.notPlaced, label: "Not placed")]
            + sessions.map { Choice(value: $0.id.uuidString, label: "\($0.title), \($0.siteName) (\(DisplayFormat.day(iso: $0.start)))") }
        return .tag(
            "select",
            [.safeAttribute("name", name), .safeAttribute("aria-label", label)]
                + choices.map { choice in
                    .tag("option", .safeAttribute("value", choice.value), .flag("selected", choice.value == selected), .safeText(choice.label))
                }
        )
    }
}
