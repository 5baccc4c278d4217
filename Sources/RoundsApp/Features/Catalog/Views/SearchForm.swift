import Foundation
import Plot
import RoundsCore

/// The search form: every filter the API has, each choice with how many results it would keep where
/// the search counts them (type, specialty, state, hands-on, audience), values as typed kept after a refusal.
struct SearchForm {
    var parameters: SearchParameters
    /// Facet name → value → count over the current results.
    var facets: [String: [String: Int]]
    var canFilterEligible: Bool

    /// Fee ceilings offered, in cents (the API takes any amount).
    static let feeCeilings = [0, 50_000, 100_000, 250_000, 500_000]

    private func label(_ name: String, facet: String, value: String) -> String {
        guard let count = self.facets[facet]?[value] else { return name }
        return "\(name) (\(count))"
    }

    func node() -> BodyNode {
        let p = self.parameters
        return .tag(
            "form",
            .safeAttribute("method", "get"),
            .safeAttribute("action", SiteRoute.opportunities.path),
            .class("search-form"),
            .field("Search", name: "q", value: p.q ?? "", type: "search", hint: "For example: cardiology observership Boston"),
            .selectField(
                "Type", name: "type",
                choices: OpportunityType.allCases.map { Choice(value: $0.rawValue, label: self.label($0.displayName, facet: "type", value: $0.rawValue)) },
                selected: p.type, includeBlank: "Any type"),
            .selectField(
                "Specialty", name: "specialty",
                choices: Specialties.rotation.all.map { Choice(value: $0.id, label: self.label($0.name, facet: "specialty", value: $0.id)) },
                selected: p.specialty, includeBlank: "Any specialty"),
            .selectField(
                "State", name: "state", choices: SearchParameters.states.sorted().map { Choice(value: $0, label: self.label($0, facet: "state", value: $0)) },
                selected: p.state, includeBlank: "Any state"),
            .selectField(
                "For", name: "audience",
                choices: Audience.allCases.map { Choice(value: $0.rawValue, label: self.label($0.displayName, facet: "audience", value: $0.rawValue)) },
                selected: p.audience, includeBlank: "Anyone"),
            .selectField(
                "Visa", name: "visa", choices: VisaClass.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) },
                selected: p.visa, includeBlank: "Any visa"),
            .selectField(
                "Hands-on", name: "hands_on",
                choices: [
                    Choice(value: "true", label: self.label("Hands-on", facet: "hands_on", value: "true")),
                    Choice(value: "false", label: self.label("Observational", facet: "hands_on", value: "false")),
                ],
                selected: p.handsOn, includeBlank: "Either"),
            .selectField(
                "Seats", name: "has_seats",
                choices: [
                    Choice(value: "true", label: self.label("Seats left", facet: "has_seats", value: "true")),
                    Choice(value: "false", label: self.label("Full", facet: "has_seats", value: "false")),
                ],
                selected: p.hasSeats, includeBlank: "Any"),
            .selectField(
                "Setting", name: "setting", choices: ClinicalSetting.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) },
                selected: p.setting, includeBlank: "Any setting"),
            .selectField(
                "Letter of recommendation", name: "letter", choices: LetterPolicy.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) },
                selected: p.letter, includeBlank: "Any"),
            .selectField(
                "Fee at most", name: "max_fee_cents",
                choices: Self.feeCeilings.map { Choice(value: String($0), label: $0 == 0 ? "Free" : OpportunityPages.formatFee($0, "USD")) },
                selected: p.maxFeeCents, includeBlank: "Any fee"),
            .field("Starting on or after", name: "starts_after", value: p.startsAfter ?? "", type: "date"),
            .field("Ending on or before", name: "ends_before", value: p.endsBefore ?? "", type: "date"),
            .field("Near ZIP code", name: "near", value: p.near ?? "", hint: "Five digits", maxLength: 5),
            .field("Within miles", name: "radius_mi", value: p.radiusMi ?? "", type: "number"),
            .selectField(
                "Sort by", name: "sort",
                choices: [
                    Choice(value: "relevance", label: "Relevance"), Choice(value: "start_date", label: "Start date"),
                    Choice(value: "fee", label: "Fee"), Choice(value: "distance", label: "Distance"),
                ],
                selected: p.sort, includeBlank: "Best match"),
            self.canFilterEligible
                ? .tag(
                    "label", .class("checkbox"),
                    .voidTag("input", [("type", "checkbox"), ("name", "eligible"), ("value", "true")] + (p.eligible == "true" ? [("checked", "checked")] : [])),
                    .text("Only what my profile qualifies for"))
                : .empty,
            .submit("Search")
        )
    }

    /// With no results: one link per way to widen the search (double the radius, drop one filter).
    static func suggestions(_ p: SearchParameters) -> BodyNode {
        var links: [(String, SearchParameters)] = []
        if let radius = p.radiusMi.flatMap(Double.init), radius < SearchParameters.maximumRadius {
            var wider = p
            wider.radiusMi = String(Int(min(SearchParameters.maximumRadius, radius * 2)))
            links.append(("Search within \(wider.radiusMi ?? "") miles", wider))
        }
        let filters: [(String, WritableKeyPath<SearchParameters, String?>)] = [
            ("the text", \.q), ("the type", \.type), ("the specialty", \.specialty), ("the state", \.state), ("the audience", \.audience),
            ("the visa", \.visa), ("hands-on", \.handsOn), ("seats left", \.hasSeats), ("the setting", \.setting), ("the letter policy", \.letter),
            ("the fee limit", \.maxFeeCents), ("the start date", \.startsAfter), ("the end date", \.endsBefore), ("the place", \.near),
            ("\"only what I qualify for\"", \.eligible),
        ]
        for (name, field) in filters where !(p[keyPath: field] ?? "").isEmpty {
            var without = p
            without[keyPath: field] = nil
            if field == \.near { without.radiusMi = nil }
            links.append(("Drop \(name)", without))
        }
        return .div(
            .class("no-results"),
            .p(.text("Nothing matches all of that.")),
            links.isEmpty
                ? .empty
                : .tag("ul", links.map { label, parameters in
                    .tag("li", .safeLink(SiteRoute.opportunities.path + (parameters.savedQuery.isEmpty ? "" : "?\(parameters.savedQuery)"), .safeText(label)))
                })
        )
    }
}
