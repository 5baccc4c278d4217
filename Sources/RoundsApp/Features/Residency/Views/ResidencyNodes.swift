import Foundation
import Plot
import RoundsCore

/// Pieces every residency page shows: where a value comes from, dates and money.
extension Node where Context == HTML.BodyContext {
    /// "Source: nrmp.org (official source, 2027 Match)", with the note when the data gives one.
    static func source(_ provenance: Provenance) -> BodyNode {
        var qualifiers = [provenance.confidence.label]
        if let holdsFor = provenance.holdsFor { qualifiers.append(holdsFor) }
        return .span(
            .class("source"),
            .text("Source: "),
            provenance.source.map { url in .safeLink(url, .safeText(ResidencyFormat.host(of: url))) } ?? .text("none"),
            .safeText(" (" + qualifiers.joined(separator: ", ") + ")."),
            provenance.note.map { .safeText(" " + $0 + ($0.hasSuffix(".") ? "" : ".")) } ?? .empty
        )
    }
}

enum ResidencyFormat {
    /// The host of a source address, shown as the link's text.
    static func host(of url: String) -> String {
        URL(string: url)?.host ?? url
    }

    /// A milestone's date and time with its zone, as the NRMP and ERAS publish them in US Eastern
    /// time: "Wed 4 Mar 2026, 9 p.m. ET".
    static func milestone(_ milestone: Milestone) -> String {
        milestone.day.inWords + (milestone.minuteOfDay.map { ", \(DateWords.clock(minuteOfDay: $0)) ET" } ?? "")
    }

    static func dollars(_ amount: Int) -> String { "$\(amount)" }

    static func zoneLabel(_ identifier: String) -> String {
        USTimeZoneNames.all[identifier]?.name ?? identifier
    }
}
