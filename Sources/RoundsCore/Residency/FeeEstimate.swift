/// What one Match season will cost an applicant, line by line, each line with its source.
public struct FeeEstimate: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public var label: String
        public var amount: Int
        public var provenance: Provenance

        public init(label: String, amount: Int, provenance: Provenance) {
            self.label = label
            self.amount = amount
            self.provenance = provenance
        }
    }

    public struct SpecialtyLine: Equatable, Sendable {
        public var specialty: String
        public var programs: Int
        public var amount: Int
        /// What adding one more program of this specialty would cost.
        public var nextProgram: Int
    }

    public var matchYear: Int
    /// The ERAS season whose fees were used; differs from `matchYear` when that season's are unpublished.
    public var erasSeasonUsed: Int?
    public var erasProvenance: Provenance?
    public var specialties: [SpecialtyLine]
    public var lines: [Line]

    public var erasTotal: Int { self.specialties.reduce(0) { $0 + $1.amount } }
    public var total: Int { self.erasTotal + self.lines.reduce(0) { $0 + $1.amount } }

    /// True when the estimate uses an earlier season's ERAS fees.
    public var usesEarlierSeason: Bool { self.erasSeasonUsed.map { $0 != self.matchYear } ?? false }

    /// - Parameters:
    ///   - programsBySpecialty: programs the applicant applies to, counted per specialty (the ERAS count
    ///     restarts for each specialty).
    ///   - isIMG: graduates and students of international medical schools buy an ECFMG token.
    ///   - ranks: programs on the rank order list (NRMP charges for ranks beyond those included).
    public init(fees: ResidencyFees, matchYear: Int, programsBySpecialty: [String: Int], isIMG: Bool, ranks: Int) {
        self.matchYear = matchYear
        let schedule = fees.erasSchedule(for: matchYear)
        self.erasSeasonUsed = schedule?.season
        self.erasProvenance = schedule?.provenance
        self.specialties = programsBySpecialty.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { specialty, count in
            SpecialtyLine(
                specialty: specialty, programs: count, amount: schedule?.cost(programs: count) ?? 0,
                nextProgram: schedule?.nextProgramCost(after: count) ?? 0)
        }
        var lines: [Line] = []
        if !self.specialties.isEmpty {
            lines.append(Line(label: "USMLE transcript, once per season", amount: fees.usmleTranscript.amount, provenance: fees.usmleTranscript.provenance))
        }
        if isIMG {
            lines.append(Line(label: "ECFMG token for ERAS (IMGs), not refundable", amount: fees.ecfmgToken.amount, provenance: fees.ecfmgToken.provenance))
        }
        lines.append(Line(label: "NRMP Main Match registration", amount: fees.nrmp.registration, provenance: fees.nrmp.provenance))
        let extra = fees.nrmp.extraRankCost(ranks: ranks)
        if extra > 0 {
            lines.append(
                Line(
                    label: "NRMP ranks beyond the first \(fees.nrmp.ranksIncluded) (\(ranks - fees.nrmp.ranksIncluded) × $\(fees.nrmp.perExtraRank))",
                    amount: extra, provenance: fees.nrmp.provenance))
        }
        self.lines = lines
    }
}
