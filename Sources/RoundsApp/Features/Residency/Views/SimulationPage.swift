import Foundation
import Plot
import RoundsCore

/// The simulator's page: the chance of matching at each rank and by list length as server-drawn SVG bar
/// charts, the same numbers in tables beside them, and what the model assumes.
struct SimulationPage {
    var year: Int
    var outcome: RankListSimulation.Outcome?
    var context: PageContext

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    func layout() -> PageLayout {
        PageLayout(
            title: "Match simulator, \(self.year)",
            context: self.context,
            content: .div(
                .h1(.text("How your \(self.year) rank order list might do")),
                .p(.safeLink(SiteRoute.rankList.path(query: [("year", "\(self.year)")]), .text("Back to the rank order list"))),
                .p(
                    .class("notice"),
                    .text("Uncalibrated model: Rounds found no published NRMP table it could check the model against, so these are the model's figures, not predictions. Read the assumptions below.")
                ),
                self.outcome.map(self.results) ?? .p(.text("Rank at least one program to run the simulator.")),
                .section(
                    .h2("What the model assumes"),
                    .ul(.forEach(SimulationInputs.assumptions) { .li(.safeText($0)) }),
                    .p(.text("Each simulated season runs the NRMP algorithm (applicant-proposing deferred acceptance, as in Rounds' match engine) on a new market drawn at random; couples and supplemental lists are not modelled yet."))
                )
            )
        )
    }

    private func results(_ outcome: RankListSimulation.Outcome) -> BodyNode {
        let r = outcome.result
        let fewer = r.byLength.count >= 2 ? r.byLength[r.byLength.count - 2] : nil
        return .div(
            .p(
                .strong(.safeText("Chance of matching: \(Self.percent(r.matchProbability))")),
                .safeText(" over \(counted(r.seasons, "simulated season")). "),
                .safeText(r.expectedRank.map { "When matched, on average at rank \(String(format: "%.1f", $0)). " } ?? "No match in any season. "),
                .safeText("With one program more: \(Self.percent(r.withOneMore))"),
                .safeText(fewer.map { "; with one fewer: \(Self.percent($0))." } ?? ".")
            ),
            .p(.safeText("Your standing in the model: \(String(format: "%+.2f", outcome.standing)) (0 is the typical competitor).")),
            .section(
                .h2("Chance of matching at each rank"),
                .div(
                    .class("chart-with-table"),
                    Self.barChart(title: "Chance of matching at each rank", values: r.byRank, labels: (1...r.byRank.count).map(String.init)),
                    .stackingTable(
                        ["Rank", "Program", "Chance"],
                        rows: r.byRank.enumerated().map { index, value in [.text("\(index + 1)"), .safeText(outcome.names[index]), .text(Self.percent(value))] }
                    )
                )
            ),
            .section(
                .h2("Chance of matching by how many programs you rank"),
                .div(
                    .class("chart-with-table"),
                    Self.barChart(title: "Chance of matching by programs ranked", values: r.byLength + [r.withOneMore], labels: (1...(r.byLength.count + 1)).map(String.init)),
                    .table(
                        .thead(.tr(.th("Programs ranked"), .th("Chance of matching"))),
                        .tbody(
                            .forEach(Array(r.byLength.enumerated())) { index, value in .tr(.td(.text("\(index + 1)")), .td(.text(Self.percent(value)))) },
                            .tr(.td(.text("\(r.byLength.count + 1) (one more)")), .td(.text(Self.percent(r.withOneMore))))
                        )
                    )
                )
            )
        )
    }

    /// A bar chart of shares (0…1), drawn on the server; the table beside it carries the same numbers.
    static func barChart(title: String, values: [Double], labels: [String]) -> BodyNode {
        let width = 40 * max(1, values.count) + 40
        let height = 200
        let plot = 160.0
        var svg = #"<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)">"#
        svg += "<title>\(title.htmlEscaped)</title>"
        svg += #"<line x1="30" y1="\#(Int(plot) + 10)" x2="\#(width - 5)" y2="\#(Int(plot) + 10)" stroke="currentColor"/>"#
        for (index, value) in values.enumerated() {
            let barHeight = Int((plot * min(1, max(0, value))).rounded())
            let x = 35 + index * 40
            let y = Int(plot) + 10 - barHeight
            svg += #"<rect x="\#(x)" y="\#(y)" width="28" height="\#(barHeight)" fill="currentColor" opacity="0.6"><title>\#(labels[index].htmlEscaped): \#(Self.percent(value))</title></rect>"#
            svg += #"<text x="\#(x + 14)" y="\#(height - 12)" text-anchor="middle" font-size="11">\#(labels[index].htmlEscaped)</text>"#
        }
        svg += #"<text x="2" y="20" font-size="11">100%</text><text x="2" y="\#(Int(plot) + 10)" font-size="11">0%</text></svg>"#
        return .raw(svg)
    }
}
