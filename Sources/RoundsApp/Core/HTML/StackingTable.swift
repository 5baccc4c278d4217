import Plot

extension Node where Context == HTML.BodyContext {
    /// A table that becomes a stacked list on narrow screens (under 600 px, see `table.stacking` in the
    /// stylesheet): each cell carries its column's heading in `data-label`, shown before the value when
    /// the columns no longer fit side by side. An empty heading (a column of buttons) shows no label and
    /// reads "Actions" to screen readers.
    /// `kind` is a further class for the page's own styles and tests; `rowClasses` gives rows their own
    /// (by index; nil or missing for none).
    static func stackingTable(
        _ headings: [String], rows: [[BodyNode]], id: String? = nil, kind: String? = nil, rowClasses: [String?] = []
    ) -> BodyNode {
        .tag(
            "table",
            .safeAttribute("class", (["stacking"] + (kind.map { [$0] } ?? [])).joined(separator: " ")),
            id.map { .safeAttribute("id", $0) } ?? .empty,
            .tag(
                "thead",
                .tag(
                    "tr",
                    headings.map { heading in
                        // A column of buttons has no visible heading; screen readers still hear one.
                        BodyNode.tag("th", .safeAttribute("scope", "col"), heading.isEmpty ? .span(.class("visually-hidden"), .text("Actions")) : .safeText(heading))
                    }
                )
            ),
            .tag(
                "tbody",
                rows.enumerated().map { index, cells in
                    BodyNode.tag(
                        "tr",
                        [index < rowClasses.count ? rowClasses[index].map { BodyNode.safeAttribute("class", $0) } ?? .empty : .empty]
                            + zip(headings + Array(repeating: "", count: max(0, cells.count - headings.count)), cells).map { heading, cell in
                            BodyNode.tag("td", heading.isEmpty ? .empty : .safeAttribute("data-label", heading), cell)
                        }
                    )
                }
            )
        )
    }
}
