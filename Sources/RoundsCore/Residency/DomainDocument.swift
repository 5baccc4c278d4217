import Foundation

/// docs/DOMAIN.md: every domain date, fee, limit and rule Rounds uses, with its source, written from the
/// data and constants the code reads, so a reviewer reads one page and it cannot drift (a test compares).
public enum DomainDocument {
    public static func render(calendar: SeasonCalendar, fees: ResidencyFees, signals: SignalTable, rules: [PlanRule]) -> String {
        var out: [String] = [
            "# Domain facts",
            "",
            "Generated from `Sources/RoundsApp/Resources/data/residency/*.json`, `Sources/RoundsCore/Resources/data/residency/*.json` and the sourced constants in",
            "`Sources/RoundsCore` by `DomainDocumentTests` (run `ROUNDS_RECORD_DOMAIN=1 swift test --filter DomainDocumentTests`",
            "to rewrite it after changing them). Confidence: primary = the issuing body's own page, secondary = a",
            "third party citing it, inferred = derived by the rule in the note. \"not published\" is shown as such to",
            "users, never guessed. Administrators' corrections made in the app are not in this file.",
            "",
        ]
        for year in calendar.matchYears {
            guard let season = calendar[year] else { continue }
            out += ["## The \(year) Match: season milestones (\(season.timeZone))", "", "| milestone | date | time | confidence | source | note |", "| --- | --- | --- | --- | --- | --- |"]
            for (kind, milestone) in season.timeline {
                guard let milestone else {
                    out.append("| \(kind.title) | not published | | | | |")
                    continue
                }
                let provenance = milestone.provenance
                out.append(
                    "| \(kind.title) | \(milestone.day.iso) | \(milestone.timeText ?? "") | \(provenance.confidence.rawValue) | \(provenance.source ?? "none") | \(Self.cell(provenance.note)) |")
            }
            out.append("")
        }
        out += ["## Fees (US dollars)", "", "ERAS application fees per season; the program count restarts for each specialty.", ""]
        for season in fees.eras.keys.sorted() {
            guard let schedule = fees.eras[season] else { continue }
            out.append("- ERAS \(season) season: \(schedule.tiers.map(\.text).joined(separator: "; ")). Source: \(schedule.provenance.source ?? "none") (\(schedule.provenance.confidence.rawValue)).")
        }
        let unpublished = calendar.matchYears.filter { fees.eras[$0] == nil }
        if !unpublished.isEmpty {
            out.append("- ERAS \(unpublished.map(String.init).joined(separator: ", ")) season: not published; estimates use the latest published season and say so.")
        }
        out += [
            "- USMLE transcript: \(fees.usmleTranscript.amount) per season. Source: \(fees.usmleTranscript.provenance.source ?? "none") (\(fees.usmleTranscript.provenance.confidence.rawValue)).",
            "- ECFMG token for ERAS (IMGs): \(fees.ecfmgToken.amount), not refundable. Source: \(fees.ecfmgToken.provenance.source ?? "none") (\(fees.ecfmgToken.provenance.confidence.rawValue))\(Self.sentence(fees.ecfmgToken.provenance.note))",
            "- NRMP: registration \(fees.nrmp.registration), late registration +\(fees.nrmp.lateRegistrationExtra), couples +\(fees.nrmp.couplesExtraPerPartner) per partner, \(fees.nrmp.ranksIncluded) ranks included, \(fees.nrmp.perExtraRank) per further rank, at most \(fees.nrmp.maximumRanks) ranks. Source: \(fees.nrmp.provenance.source ?? "none") (\(fees.nrmp.provenance.confidence.rawValue))\(Self.sentence(fees.nrmp.provenance.note))",
            "",
            "## Program signals (\(signals.season) ERAS season)",
            "",
            "Source: \(signals.provenance.source ?? "none") (\(signals.provenance.confidence.rawValue)). Later seasons' numbers are not published; the planner says so.",
            "",
            "| specialty | gold | silver | signals | note |",
            "| --- | --- | --- | --- | --- |",
        ]
        for allowance in signals.allowances {
            out.append("| \(allowance.specialty) | \(allowance.gold.map(String.init) ?? "") | \(allowance.silver.map(String.init) ?? "") | \(allowance.total.map(String.init) ?? "") | \(Self.cell(allowance.note)) |")
        }
        out += ["", "## Season plan tasks", "", "| task | for | due by | rule | source | confidence | checked |", "| --- | --- | --- | --- | --- | --- | --- |"]
        for rule in rules {
            let tracks = rule.tracks.map(\.rawValue).sorted().joined(separator: ", ") + (rule.condition.map { " (\($0.rawValue))" } ?? "")
            out.append(
                "| \(rule.title) | \(tracks) | \(rule.due.title) | \(Self.cell(rule.rule)) | \(rule.provenance.source ?? "none") | \(rule.provenance.confidence.rawValue) | \(rule.checked?.iso ?? "not recorded") |")
        }
        out += ["", "## Visa rules in the catalog", ""]
        for fact in [VisaRules.visitorsOnlyObserve, VisaRules.visitorElectiveForEnrolledStudents, VisaRules.ecfmgJ1IsForResidency] {
            out.append("- \(fact.statement). Source: \(fact.citation), \(fact.url) (\(fact.confidence), checked \(fact.checked)).")
        }
        if let paths = try? VisaPaths.shipped.get() {
            out += ["", "## Visa paths (`/visa-paths`; the directory's J-1 and H-1B reasons)", "", "| status | who | allows | forbids or requires | source | confidence |", "| --- | --- | --- | --- | --- | --- |"]
            for rule in paths.rules {
                let limits = (rule.mayNot ?? []) + (rule.requires ?? []) + (rule.limits ?? [])
                out.append("| \(Self.cell(rule.status)) | \(Self.cell(rule.who)) | \(Self.cell(rule.may ?? rule.what)) | \(Self.cell(limits.joined(separator: "; "))) | \(Self.cell(rule.source)) | \(rule.confidence.rawValue) |")
            }
        }
        if let research = try? ResearchPrograms.shipped.get() {
            out += ["", "## Research programs for pre-meds (`/research-programs`)", "", "| program | who may apply | deadline | source | confidence |", "| --- | --- | --- | --- | --- |"]
            for program in research.programs {
                out.append("| \(Self.cell(program.name)) | \(Self.cell(program.citizenship?.joined(separator: ", ") ?? "set by each host (unknown)")) | \(Self.cell(program.deadline ?? "not published")) | \(program.source) | \(program.confidence.rawValue) |")
            }
        }
        out += [
            "",
            "## Application exports",
            "",
            "- \(ApplicationFormats.AMCAS.season): \(ApplicationFormats.AMCAS.maximumEntries) entries, \(ApplicationFormats.AMCAS.maximumDescription)-character descriptions, up to \(ApplicationFormats.AMCAS.maximumMostMeaningful) most meaningful with \(ApplicationFormats.AMCAS.maximumMostMeaningfulExtra) more characters, up to \(ApplicationFormats.AMCAS.maximumDateRanges) date ranges per entry, \(AMCASExperienceType.allCases.count) experience types. Read from \(ApplicationFormats.AMCAS.readFrom).",
            "- \(ApplicationFormats.ERAS.season): \(ApplicationFormats.ERAS.maximumEntries) entries, \(ApplicationFormats.ERAS.maximumDescription)-character descriptions, up to \(ApplicationFormats.ERAS.maximumMostMeaningful) most meaningful with a \(ApplicationFormats.ERAS.maximumReflection)-character reflection. Read from \(ApplicationFormats.ERAS.readFrom).",
            "- ERAS frequency of participation (asked of every entry): \(ERASFrequency.allCases.map(\.displayName).joined(separator: ", ")). Source: \(ERASFrequency.source) (primary, checked 2026-12-02).",
            "- ERAS key characteristic (optional, one per entry): \(ERASKeyCharacteristic.allCases.map(\.displayName).joined(separator: "; ")). Field: \(ERASKeyCharacteristic.source.field) (primary); options: \(ERASKeyCharacteristic.source.options) (\(ERASKeyCharacteristic.source.confidence), checked \(ERASKeyCharacteristic.source.checked)).",
            "",
            "## Personal statements",
            "",
        ] + StatementService.allCases.map { service in
            let source = service.limitSource
            return "- \(service.name): \(service.characterLimit.formatted(.number)) characters. \(source.statement). Source: \(source.citation), \(source.url) (\(source.confidence), holds for \(source.holdsFor ?? "unknown"), checked \(source.checked))."
        } + [
            "- Rounds keeps at most \(StatementService.storageLimit.formatted(.number)) characters per version (the most either service takes); an AMCAS draft may run over while it is worked on, and the page says by how much.",
            "",
            "## Places",
            "",
            "- US state and territory codes (\(USStates.codes.count)): \(USStates.codes.sorted().joined(separator: " ")). Source: USPS Publication 28, Appendix B, \(USStates.source) (the list of record; on 2026-12-02 the codes were compared with a secondary copy of it, as the USPS page could not be read from here). A site's or program's ZIP must lie in its state (the ZIP list shipped with RoundsCore).",
            "",
            "## Licensing exams in the profile",
            "",
            "- USMLE Step 1 taken on or after 26 January 2022 is reported pass/fail only; the profile takes a score only with a date up to \(ExamRecord.lastScoredStep1.iso). Source: \(ExamRecord.step1Source) (primary, checked 2026-12-02).",
            "- COMLEX-USA Level 1 taken on or after 10 May 2022 is reported pass/fail only (the profile keeps Level 1's outcome, Level 2-CE's score and Level 3's outcome). Source: \(ExamRecord.comlexSource) (primary, checked 2026-12-02).",
            "- Scores are three-digit standard scores: USMLE \(ExamRecord.usmleScoreRange.lowerBound)–\(ExamRecord.usmleScoreRange.upperBound) and COMLEX-USA \(ExamRecord.comlexScoreRange.lowerBound)–\(ExamRecord.comlexScoreRange.upperBound) are input bounds, not passing scores.",
            "",
            "## Patient identifiers the portfolio refuses",
            "",
            "Source: \(IdentifierType.source.citation), \(IdentifierType.source.url) (primary, checked \(IdentifierType.source.checked)).",
            "",
            "| Safe Harbor category | guard types |",
            "| --- | --- |",
        ]
        let categories = Dictionary(grouping: IdentifierType.allCases, by: \.safeHarborCategory)
        for category in categories.keys.sorted() {
            out.append("| \(category) | \(categories[category]!.map { "`\($0.rawValue)`" }.joined(separator: ", ")) |")
        }
        out += IdentifierType.categoriesNotInText.map { "| \($0) | not in text; not looked for |" }
        out += [
            "",
            "## Letters",
            "",
            "- At most \(LetterAssignmentRule.maximumLettersPerProgram) letters per program; a letter file is a PDF of at most \(LetterFile.maximumBytes / 1_024 / 1_024) MB on US Letter pages, its name without \(LetterFile.forbiddenNameCharacters.sorted().map { "`\($0)`" }.joined(separator: " ")). Source: \(LetterFile.source).",
            "",
        ]
        return out.joined(separator: "\n")
    }

    /// Text safe inside a Markdown table cell.
    static func cell(_ text: String?) -> String {
        (text ?? "").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    static func sentence(_ note: String?) -> String {
        guard let note, !note.isEmpty else { return "." }
        return ". " + note + (note.hasSuffix(".") ? "" : ".")
    }
}
