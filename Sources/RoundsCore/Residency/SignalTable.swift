import Foundation

/// Program signals one specialty allows in a season: two tiers (gold and silver) or one total.
public struct SignalAllowance: Equatable, Sendable {
    public var specialty: String
    public var gold: Int?
    public var silver: Int?
    public var total: Int?
    public var note: String?

    public init(specialty: String, gold: Int? = nil, silver: Int? = nil, total: Int? = nil, note: String? = nil) {
        self.specialty = specialty
        self.gold = gold
        self.silver = silver
        self.total = total
        self.note = note
    }

    public var hasTiers: Bool { self.gold != nil }

    /// How many signals of `tier` the specialty allows (nil: that tier does not exist here).
    public func budget(_ tier: SignalTier) -> Int? {
        switch tier {
        case .gold: self.gold
        case .silver: self.silver
        case .signal: self.hasTiers ? nil : self.total
        }
    }

    public var text: String {
        if let gold, let silver { return "\(gold) gold and \(silver) silver signals" }
        return "\(self.total ?? 0) signals"
    }
}

/// The kind of signal sent to a program: gold or silver where the specialty has tiers, else a signal.
public enum SignalTier: String, Codable, Sendable, CaseIterable {
    case gold, silver, signal

    public var label: String {
        switch self {
        case .gold: "Gold signal"
        case .silver: "Silver signal"
        case .signal: "Signal"
        }
    }
}

/// The signal table of one ERAS season (`signals-2025.json`).
public struct SignalTable: Equatable, Sendable {
    public var season: Int
    public var provenance: Provenance
    public var allowances: [SignalAllowance]

    public init(season: Int, provenance: Provenance, allowances: [SignalAllowance]) {
        self.season = season
        self.provenance = provenance
        self.allowances = allowances
    }

    /// The allowance of a residency specialty. The AAMC's table writes combined programs with a slash
    /// ("Internal Medicine/Psychiatry") and groups some ("Diagnostic Radiology / Interventional Radiology"),
    /// where the residency list writes "Internal Medicine-Psychiatry" and each specialty apart.
    public func allowance(for specialty: String) -> SignalAllowance? {
        let wanted = Self.comparable(specialty)
        return self.allowances.first { allowance in
            Self.comparable(allowance.specialty) == wanted
                || allowance.specialty.components(separatedBy: " / ").contains { Self.comparable($0) == wanted }
        }
    }

    /// The names among `names` whose signals come out of the same budget as `specialty`'s (DR and IR share
    /// one); just `specialty` when it has no allowance.
    public func specialties(sharingBudgetWith specialty: String, among names: [String]) -> [String] {
        guard let group = self.allowance(for: specialty)?.specialty else { return [specialty] }
        return Array(Set(names.filter { self.allowance(for: $0)?.specialty == group } + [specialty])).sorted()
    }

    static func comparable(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: " / ", with: "-").replacingOccurrences(of: "/", with: "-").trimmingCharacters(in: .whitespaces)
    }

    /// Why a signal of `tier` to a program of `specialty` cannot be added, given how many of that tier the
    /// applicant already sent in that specialty; nil when it can.
    public func refusal(specialty: String, tier: SignalTier, alreadyUsed: Int) -> String? {
        guard let allowance = self.allowance(for: specialty) else {
            return "\(specialty) did not take part in program signaling in the \(self.season) season, so there is no signal budget to use."
        }
        guard let budget = allowance.budget(tier) else {
            return allowance.hasTiers
                ? "\(allowance.specialty) signals are gold or silver; choose one of them."
                : "\(allowance.specialty) has one kind of signal, not gold and silver."
        }
        guard alreadyUsed < budget else {
            return "\(allowance.specialty) allows \(budget) \(tier == .signal ? "" : tier.rawValue + " ")signals (\(self.season) season); all \(budget) are used."
        }
        return nil
    }

    private struct RawFile: Decodable {
        var season: Int
        var source: String
        var confidence: String
        var specialties: [RawAllowance]
    }

    private struct RawAllowance: Decodable {
        var specialty: String
        var gold: Int?
        var silver: Int?
        var total: Int?
        var note: String?
    }

    public static func decode(_ data: Data, file: String) throws(ReferenceDataError) -> SignalTable {
        func fail(_ problem: String) -> ReferenceDataError { ReferenceDataError(file: file, problem: problem) }
        let raw: RawFile
        do { raw = try JSONDecoder().decode(RawFile.self, from: data) } catch { throw fail("not the expected JSON (\(error))") }
        guard ReferenceURL.isWebAddress(raw.source) else { throw fail("source \(raw.source) is not a web address") }
        guard let confidence = SourceConfidence(rawValue: raw.confidence) else { throw fail("unknown confidence \(raw.confidence)") }
        var seen: Set<String> = []
        for entry in raw.specialties {
            let tiered = entry.gold != nil && entry.silver != nil && entry.total == nil
            let single = entry.gold == nil && entry.silver == nil && entry.total != nil
            guard tiered || single else { throw fail("\(entry.specialty): give gold and silver, or total") }
            guard [entry.gold, entry.silver, entry.total].allSatisfy({ ($0 ?? 1) > 0 }) else { throw fail("\(entry.specialty): a budget must be positive") }
            guard seen.insert(entry.specialty.lowercased()).inserted else { throw fail("\(entry.specialty) is listed twice") }
        }
        return SignalTable(
            season: raw.season,
            provenance: Provenance(source: raw.source, confidence: confidence, holdsFor: "\(raw.season) ERAS season"),
            allowances: raw.specialties.map { SignalAllowance(specialty: $0.specialty, gold: $0.gold, silver: $0.silver, total: $0.total, note: $0.note) })
    }
}
