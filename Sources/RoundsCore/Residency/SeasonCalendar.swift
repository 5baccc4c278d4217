import Foundation

/// The season data shipped in `season.json`: every Match year Rounds knows, read and checked once at
/// start-up, so a malformed file stops the server with a message instead of showing a wrong date.
public struct SeasonCalendar: Equatable, Sendable {
    public var seasons: [Int: MatchSeason]

    public init(seasons: [Int: MatchSeason]) {
        self.seasons = seasons
    }

    public var matchYears: [Int] { self.seasons.keys.sorted() }

    public subscript(matchYear: Int) -> MatchSeason? { self.seasons[matchYear] }

    /// The first Match year whose Match Day is still ahead on `today` (a season without a published
    /// Match Day counts as ahead once the previous one has passed); nil when every season is over.
    public func defaultMatchYear(today: Day) -> Int? {
        self.matchYears.first { year in
            guard let matchDay = self.seasons[year]?[.matchDay]?.day else { return true }
            return matchDay >= today
        }
    }

    private struct RawFile: Decodable {
        var timeZone: String
        var matchYears: [String: [String: RawMilestone?]]

        enum CodingKeys: String, CodingKey {
            case timeZone = "time_zone"
            case matchYears = "match_years"
        }
    }

    private struct RawMilestone: Decodable {
        var date: String
        var time: String?
        var note: String?
        var source: String?
        var confidence: String
    }

    /// Reads the file, refusing unknown milestone names, bad dates or times, unknown confidences, a
    /// source that is not an https or http URL, and a season whose dates run out of order.
    public static func decode(_ data: Data, file: String = "season.json") throws(ReferenceDataError) -> SeasonCalendar {
        func fail(_ problem: String) -> ReferenceDataError { ReferenceDataError(file: file, problem: problem) }
        let raw: RawFile
        do { raw = try JSONDecoder().decode(RawFile.self, from: data) } catch { throw fail("not the expected JSON (\(error))") }
        guard TimeZone(identifier: raw.timeZone) != nil else { throw fail("unknown time zone \(raw.timeZone)") }
        var seasons: [Int: MatchSeason] = [:]
        for (yearText, entries) in raw.matchYears {
            guard let year = Int(yearText), (2000...2100).contains(year) else { throw fail("\(yearText) is not a Match year") }
            var milestones: [MilestoneKind: Milestone] = [:]
            for (name, entry) in entries {
                guard let kind = MilestoneKind(rawValue: name) else { throw fail("\(year): unknown milestone \(name)") }
                guard let entry else { continue }
                guard let day = Day(iso: entry.date) else { throw fail("\(year) \(name): date \(entry.date) is not YYYY-MM-DD") }
                guard let confidence = SourceConfidence(rawValue: entry.confidence) else {
                    throw fail("\(year) \(name): confidence \(entry.confidence) is not primary, secondary or inferred")
                }
                var minute: Int?
                if let time = entry.time {
                    guard let parsed = Self.minuteOfDay(time) else { throw fail("\(year) \(name): time \(time) is not HH:MM") }
                    minute = parsed
                }
                if let source = entry.source, !ReferenceURL.isWebAddress(source) {
                    throw fail("\(year) \(name): source \(source) is not a web address")
                }
                if entry.source == nil, confidence != .inferred {
                    throw fail("\(year) \(name): only an inferred value may come without a source")
                }
                let provenance = Provenance(source: entry.source, confidence: confidence, holdsFor: "\(year) Match", note: entry.note)
                milestones[kind] = Milestone(kind: kind, day: day, minuteOfDay: minute, provenance: provenance)
            }
            let dated = MilestoneKind.allCases.compactMap { milestones[$0] }
            for (earlier, later) in zip(dated, dated.dropFirst()) where later.day < earlier.day {
                throw fail("\(year): \(later.kind.rawValue) (\(later.day)) comes before \(earlier.kind.rawValue) (\(earlier.day))")
            }
            seasons[year] = MatchSeason(matchYear: year, timeZone: raw.timeZone, milestones: milestones)
        }
        guard !seasons.isEmpty else { throw fail("no Match years") }
        return SeasonCalendar(seasons: seasons)
    }

    /// "HH:MM" (24-hour) for minutes after midnight; the inverse of `minuteOfDay`.
    public static func clockText(_ minute: Int) -> String {
        let hour = minute / 60, rest = minute % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// Minutes after midnight for "HH:MM" (24-hour); nil for anything else.
    public static func minuteOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }
}

/// Source addresses in reference data: shown as links, so only web addresses are accepted.
public enum ReferenceURL {
    public static func isWebAddress(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host?.isEmpty == false else { return false }
        return scheme == "https" || scheme == "http"
    }
}

/// An administrator's correction of one milestone: a new date (and time), or nil when the date turns
/// out not to be published; always with a source.
public struct MilestoneCorrection: Equatable, Sendable {
    public var matchYear: Int
    public var kind: MilestoneKind
    public var day: Day?
    public var minuteOfDay: Int?
    public var provenance: Provenance

    public init(matchYear: Int, kind: MilestoneKind, day: Day?, minuteOfDay: Int?, provenance: Provenance) {
        self.matchYear = matchYear
        self.kind = kind
        self.day = day
        self.minuteOfDay = minuteOfDay
        self.provenance = provenance
    }
}

extension SeasonCalendar {
    /// The calendar with `corrections` applied in order (a later one for the same milestone wins).
    public func applying(_ corrections: [MilestoneCorrection]) -> SeasonCalendar {
        var calendar = self
        for correction in corrections {
            guard var season = calendar.seasons[correction.matchYear] else { continue }
            if let day = correction.day {
                season.milestones[correction.kind] = Milestone(kind: correction.kind, day: day, minuteOfDay: correction.minuteOfDay, provenance: correction.provenance)
            } else {
                season.milestones[correction.kind] = nil
            }
            calendar.seasons[correction.matchYear] = season
        }
        return calendar
    }

    /// Why `correction` cannot be applied (a season Rounds does not know, dates out of season order, a
    /// source that is not a web address, a stated value without a source); nil when it can.
    public func refusal(of correction: MilestoneCorrection) -> String? {
        guard self.seasons[correction.matchYear] != nil else { return "Rounds has no \(correction.matchYear) season." }
        if let source = correction.provenance.source, !ReferenceURL.isWebAddress(source) { return "The source must be a web address (https://…)." }
        if correction.provenance.source == nil, correction.provenance.confidence != .inferred {
            return "Give the page the date comes from, or mark it inferred and say how in the note."
        }
        let corrected = self.applying([correction])[correction.matchYear]!
        let dated = MilestoneKind.allCases.compactMap { corrected[$0] }
        for (earlier, later) in zip(dated, dated.dropFirst()) where later.day < earlier.day {
            return "\(later.kind.title) (\(later.day.iso)) would come before \(earlier.kind.title) (\(earlier.day.iso))."
        }
        return nil
    }
}
