import Foundation

/// docs/DOMAIN.md: every domain date, fee, limit and rule Rounds uses, with its source, written from the
/// data and constants the code reads, so a reviewer reads one page and it cannot drift (a test compares).
public enum DomainDocument {
    public static func render(calendar: SeasonCalendar, fees: ResidencyFees, signals: SignalTable, rules: [PlanRule]) -> String {
        var out: [String] = [
            "# Domain facts",
            "",
            "Generated from `Sources/RoundsApp/Resources/data/residency/*.json`, `Sources/RoundsCore/Resources/data/residency/*.json` and the rules file",
            "`Sources/RoundsCore/Resources/data/rules.json` by `DomainDocumentTests` (run `ROUNDS_RECORD_DOMAIN=1 swift test --filter DomainDocumentTests`",
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
        for section in DomainRules.shipped.sections {
            out += [
                "", "## \(section.title) (rules.json, `\(section.id)`)", "",
                "| rule | value | holds for | source | confidence | checked | note |", "| --- | --- | --- | --- | --- | --- | --- |",
            ]
            for rule in section.rules {
                let value = rule.statement.map { "\($0) (\(rule.value.text))" } ?? rule.value.text
                let source = [rule.citation, rule.source].compactMap { $0 }.joined(separator: ", ")
                out.append(
                    "| \(Self.cell(rule.name)) | \(Self.cell(value)) | \(Self.cell(rule.holdsFor)) | \(Self.cell(source.isEmpty ? "none" : source)) | \(rule.confidence.rawValue) | \(rule.checked) | \(Self.cell(rule.note)) |")
            }
        }
        out += [
            "",
            "## How Rounds applies them",
            "",
            "- Exports: \(ApplicationFormats.AMCAS.season) and \(ApplicationFormats.ERAS.season) are checked against the limits above; an ERAS entry without a frequency is refused; the key characteristic is optional.",
            "- AMCAS most meaningful: \(ApplicationFormats.AMCAS.minimumMostMeaningful.map { "at least \($0) must be marked; the export refuses fewer." } ?? "whether AMCAS requires one is not known; the export says so when none is marked, and does not refuse.")",
            "- Personal statements: Rounds keeps at most \(StatementService.storageLimit.formatted(.number)) characters per version (the most either service takes); an AMCAS draft may run over while it is worked on, and the page says by how much.",
            "- Profile exams: a Step 1 score is taken only with an exam date up to \(ExamRecord.lastScoredStep1.iso); scores are three-digit standard scores, USMLE \(ExamRecord.usmleScoreRange.lowerBound)–\(ExamRecord.usmleScoreRange.upperBound) and COMLEX-USA \(ExamRecord.comlexScoreRange.lowerBound)–\(ExamRecord.comlexScoreRange.upperBound) as input bounds, not passing scores.",
            "- Sites and programs: the state must be one of the codes above and the ZIP must lie in it (the ZIP list shipped with RoundsCore).",
            "- Letters: a program receives at most \(LetterAssignmentRule.maximumLettersPerProgram) letters per applicant; a letter is a PDF of at most \(LetterFile.maximumSize) on US Letter pages, its name without \(LetterFile.forbiddenNameCharacters.sorted().map { "`\($0)`" }.joined(separator: " ")).",
            "",
            "The identifier guard's types by Safe Harbor category:",
            "",
            "| Safe Harbor category | guard types |",
            "| --- | --- |",
        ]
        let categories = Dictionary(grouping: IdentifierType.allCases, by: \.safeHarborCategory)
        for category in categories.keys.sorted() {
            out.append("| \(category) | \(categories[category]!.map { "`\($0.rawValue)`" }.joined(separator: ", ")) |")
        }
        out += IdentifierType.categoriesNotInText.map { "| \($0) | not in text; not looked for |" }
        out.append("")
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
