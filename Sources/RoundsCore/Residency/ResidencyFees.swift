import Foundation

/// One band of the ERAS fee: programs `from...to` of a specialty (to nil = no upper end) cost `each`
/// apiece, or `flat` once for the band when any program falls in it.
public struct ERASFeeTier: Equatable, Sendable {
    public var from: Int
    public var to: Int?
    public var each: Int?
    public var flat: Int?

    public init(from: Int, to: Int?, each: Int? = nil, flat: Int? = nil) {
        self.from = from
        self.to = to
        self.each = each
        self.flat = flat
    }

    func cost(programs: Int) -> Int {
        let upper = min(programs, self.to ?? Int.max)
        let count = max(0, upper - self.from + 1)
        guard count > 0 else { return 0 }
        return self.flat ?? (count * (self.each ?? 0))
    }

    public var text: String {
        let range = self.to.map { "\(self.from)–\($0)" } ?? "\(self.from) and up"
        if let flat = self.flat { return "programs \(range): $\(flat) in all" }
        return "programs \(range): $\(self.each ?? 0) each"
    }
}

/// The ERAS application fee of one season: tiers that restart for each specialty.
public struct ERASFeeSchedule: Equatable, Sendable {
    public var season: Int
    public var tiers: [ERASFeeTier]
    public var provenance: Provenance

    public init(season: Int, tiers: [ERASFeeTier], provenance: Provenance) {
        self.season = season
        self.tiers = tiers
        self.provenance = provenance
    }

    /// The fee for `programs` programs in one specialty.
    public func cost(programs: Int) -> Int {
        self.tiers.reduce(0) { $0 + $1.cost(programs: programs) }
    }

    /// What one more program in a specialty that already has `programs` would add.
    public func nextProgramCost(after programs: Int) -> Int {
        self.cost(programs: programs + 1) - self.cost(programs: programs)
    }
}

/// A fee with one amount (USMLE transcript, ECFMG token).
public struct FixedFee: Equatable, Sendable {
    public var amount: Int
    public var provenance: Provenance

    public init(amount: Int, provenance: Provenance) {
        self.amount = amount
        self.provenance = provenance
    }
}

/// The NRMP Main Match fees as last published (the data marks them stale: shown with that date).
public struct NRMPFees: Equatable, Sendable {
    public var registration: Int
    public var lateRegistrationExtra: Int
    public var couplesExtraPerPartner: Int
    public var ranksIncluded: Int
    public var perExtraRank: Int
    public var maximumRanks: Int
    public var provenance: Provenance

    public init(
        registration: Int, lateRegistrationExtra: Int, couplesExtraPerPartner: Int, ranksIncluded: Int, perExtraRank: Int,
        maximumRanks: Int, provenance: Provenance
    ) {
        self.registration = registration
        self.lateRegistrationExtra = lateRegistrationExtra
        self.couplesExtraPerPartner = couplesExtraPerPartner
        self.ranksIncluded = ranksIncluded
        self.perExtraRank = perExtraRank
        self.maximumRanks = maximumRanks
        self.provenance = provenance
    }

    /// The fee for a list of `ranks` distinct programs beyond the included ones.
    public func extraRankCost(ranks: Int) -> Int { max(0, ranks - self.ranksIncluded) * self.perExtraRank }
}

/// Everything in `fees.json`.
public struct ResidencyFees: Equatable, Sendable {
    /// ERAS schedules by season (Match year); a season whose fees are unpublished is absent.
    public var eras: [Int: ERASFeeSchedule]
    public var usmleTranscript: FixedFee
    public var ecfmgToken: FixedFee
    public var nrmp: NRMPFees

    public init(eras: [Int: ERASFeeSchedule], usmleTranscript: FixedFee, ecfmgToken: FixedFee, nrmp: NRMPFees) {
        self.eras = eras
        self.usmleTranscript = usmleTranscript
        self.ecfmgToken = ecfmgToken
        self.nrmp = nrmp
    }

    /// The schedule for `matchYear`, or the latest published before it (the estimate says which).
    public func erasSchedule(for matchYear: Int) -> ERASFeeSchedule? {
        if let exact = self.eras[matchYear] { return exact }
        return self.eras.keys.filter { $0 < matchYear }.max().flatMap { self.eras[$0] }
    }

    private struct RawFile: Decodable {
        var eras: [String: RawSchedule?]
        var usmleTranscript: RawFixed
        var ecfmgErasToken: RawFixed
        var nrmp: RawNRMP

        enum CodingKeys: String, CodingKey {
            case eras
            case usmleTranscript = "usmle_transcript"
            case ecfmgErasToken = "ecfmg_eras_token"
            case nrmp
        }
    }

    private struct RawTier: Decodable {
        var fromProgram: Int
        var toProgram: Int?
        var each: Int?
        var flat: Int?

        enum CodingKeys: String, CodingKey {
            case each, flat
            case fromProgram = "from_program"
            case toProgram = "to_program"
        }
    }

    private struct RawSchedule: Decodable {
        var perSpecialty: Bool
        var note: String?
        var tiers: [RawTier]
        var source: String
        var confidence: String

        enum CodingKeys: String, CodingKey {
            case note, tiers, source, confidence
            case perSpecialty = "per_specialty"
        }
    }

    private struct RawFixed: Decodable {
        var amount: Int
        var source: String
        var confidence: String
        var note: String?
    }

    private struct RawNRMP: Decodable {
        var registration: Int
        var lateRegistrationExtra: Int
        var couplesExtraPerPartner: Int
        var ranksIncludedPrimary: Int
        var perExtraRank: Int
        var maxRanksPerList: Int
        var source: String
        var confidence: String
        var stale: String?

        enum CodingKeys: String, CodingKey {
            case registration, source, confidence, stale
            case lateRegistrationExtra = "late_registration_extra"
            case couplesExtraPerPartner = "couples_extra_per_partner"
            case ranksIncludedPrimary = "ranks_included_primary"
            case perExtraRank = "per_extra_rank"
            case maxRanksPerList = "max_ranks_per_list"
        }
    }

    public static func decode(_ data: Data, file: String = "fees.json") throws(ReferenceDataError) -> ResidencyFees {
        func fail(_ problem: String) -> ReferenceDataError { ReferenceDataError(file: file, problem: problem) }
        func provenance(_ source: String, _ confidence: String, holdsFor: String?, note: String?, what: String) throws(ReferenceDataError)
            -> Provenance
        {
            guard ReferenceURL.isWebAddress(source) else { throw fail("\(what): source \(source) is not a web address") }
            guard let level = SourceConfidence(rawValue: confidence) else { throw fail("\(what): unknown confidence \(confidence)") }
            return Provenance(source: source, confidence: level, holdsFor: holdsFor, note: note)
        }
        let raw: RawFile
        do { raw = try JSONDecoder().decode(RawFile.self, from: data) } catch { throw fail("not the expected JSON (\(error))") }
        var eras: [Int: ERASFeeSchedule] = [:]
        for (yearText, schedule) in raw.eras {
            guard let year = Int(yearText), (2000...2100).contains(year) else { throw fail("\(yearText) is not a season") }
            guard let schedule else { continue }
            guard schedule.perSpecialty else { throw fail("\(year): only per-specialty schedules are understood") }
            let tiers = schedule.tiers.map { ERASFeeTier(from: $0.fromProgram, to: $0.toProgram, each: $0.each, flat: $0.flat) }
            // Bands must start at program 1, follow one another without gaps and end open.
            var next = 1
            for (index, tier) in tiers.enumerated() {
                guard tier.from == next, (tier.each == nil) != (tier.flat == nil), (tier.each ?? tier.flat ?? -1) >= 0 else {
                    throw fail("\(year): tier \(index + 1) must start at program \(next) and give either each or flat")
                }
                guard let to = tier.to else {
                    guard index == tiers.count - 1 else { throw fail("\(year): only the last tier may be open-ended") }
                    next = -1
                    break
                }
                guard to >= tier.from else { throw fail("\(year): tier \(index + 1) ends before it starts") }
                next = to + 1
            }
            guard next == -1 else { throw fail("\(year): the last tier must be open-ended") }
            let source = try provenance(
                schedule.source, schedule.confidence, holdsFor: "\(year) ERAS season", note: schedule.note, what: "eras \(year)")
            eras[year] = ERASFeeSchedule(season: year, tiers: tiers, provenance: source)
        }
        guard !eras.isEmpty else { throw fail("no ERAS season has fees") }
        let transcript = FixedFee(
            amount: raw.usmleTranscript.amount,
            provenance: try provenance(
                raw.usmleTranscript.source, raw.usmleTranscript.confidence, holdsFor: nil, note: raw.usmleTranscript.note,
                what: "usmle_transcript"))
        let token = FixedFee(
            amount: raw.ecfmgErasToken.amount,
            provenance: try provenance(
                raw.ecfmgErasToken.source, raw.ecfmgErasToken.confidence, holdsFor: nil, note: raw.ecfmgErasToken.note,
                what: "ecfmg_eras_token"))
        let nrmp = raw.nrmp
        let nrmpFees = NRMPFees(
            registration: nrmp.registration, lateRegistrationExtra: nrmp.lateRegistrationExtra,
            couplesExtraPerPartner: nrmp.couplesExtraPerPartner, ranksIncluded: nrmp.ranksIncludedPrimary,
            perExtraRank: nrmp.perExtraRank, maximumRanks: nrmp.maxRanksPerList,
            provenance: try provenance(nrmp.source, nrmp.confidence, holdsFor: nil, note: nrmp.stale, what: "nrmp"))
        for amount in [transcript.amount, token.amount, nrmpFees.registration, nrmpFees.perExtraRank] where amount < 0 {
            throw fail("a fee is negative")
        }
        return ResidencyFees(eras: eras, usmleTranscript: transcript, ecfmgToken: token, nrmp: nrmpFees)
    }
}
