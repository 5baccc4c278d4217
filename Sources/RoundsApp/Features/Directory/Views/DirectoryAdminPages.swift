import Foundation
import Plot
import RoundsCore
import Tagged

/// The directory as administrators and advisors keep it: the list with import and export, and one
/// program's form with its change log.
enum DirectoryAdminPages {
    static func list(_ entries: [DirectoryEntry], importErrors: [DirectoryCSV.RowError], context: PageContext) -> PageLayout {
        PageLayout(
            title: "Program directory",
            context: context,
            content: .div(
                .h1("Program directory"),
                .p(
                    .text("Residency programs applicants screen themselves against. Rounds ships no programs: the ACGME, FREIDA and NRMP lists may not be redistributed, so each installation adds its own, and every screening value needs the page it was read from, the day and who checked it. "),
                    .safeLink(SiteRoute.adminDirectoryNew.path, .text("Add a program")), .text(" · "),
                    .safeLink(SiteRoute.adminDirectoryExport.path, .text("Export as CSV"))
                ),
                .section(
                    .h2("Import a CSV"),
                    .p(.text("All or nothing: one bad cell refuses the whole file, with its line and column. A row with the ACGME id, or the name, specialty and place, of a program already listed updates it; every change goes to the program's log. Columns: "), .code(.safeText(DirectoryCSV.columns.joined(separator: ", "))), .text(".")),
                    importErrors.isEmpty
                        ? .empty
                        : .div(
                            .class("error-summary"), .safeAttribute("role", "alert"),
                            .h2(.text("The file was not imported")),
                            .ul(.forEach(importErrors.prefix(200)) { error in .li(.safeText(error.description)) }),
                            importErrors.count > 200 ? .p(.safeText("… and \(importErrors.count - 200) more.")) : .empty
                        ),
                    .postForm(
                        SiteRoute.adminDirectoryImport.path, csrfToken: context.csrfToken, enctype: "multipart/form-data",
                        .div(.class("field"), .tag("label", .safeAttribute("for", "field-file"), .text("CSV file")), .voidTag("input", [("type", "file"), ("id", "field-file"), ("name", "file"), ("accept", ".csv,text/csv")])),
                        .submit("Import")
                    )
                ),
                .section(
                    .h2(.text(counted(entries.count, "program"))),
                    entries.isEmpty
                        ? .p("No programs yet.")
                        : .stackingTable(
                            ["Program", "Specialty", "Place", "Known screening facts", "Updated"],
                            rows: entries.map { entry in
                                [
                                    entry.id.map { .safeLink(SiteRoute.adminDirectoryProgram(DirectoryProgramID(rawValue: $0)).path, .safeText(entry.name)) } ?? .safeText(entry.name),
                                    .safeText(entry.specialty),
                                    .safeText("\(entry.city), \(entry.state)"),
                                    .safeText("\(entry.facts.count) of \(ScreeningField.allCases.count)"),
                                    .text(DisplayFormat.dateTime(entry.updatedAt)),
                                ]
                            }
                        )
                )
            )
        )
    }

    static func edit(_ entry: DirectoryEntry?, draft: DirectoryProgramDraft, errors: ValidationReport, changes: [DirectoryChange], specialties: [String], context: PageContext) -> PageLayout {
        let title = entry?.name ?? "Add a program"
        let action = entry?.id.map { SiteRoute.adminDirectoryProgram(DirectoryProgramID(rawValue: $0)).path } ?? SiteRoute.adminDirectory.path
        func text(_ label: String, _ column: String, hint: String? = nil, maxLength: Int = 200) -> BodyNode {
            .field(label, name: column, value: draft[column], error: errors.message(for: column), hint: hint, maxLength: maxLength)
        }
        return PageLayout(
            title: title,
            context: context,
            content: .div(
                .h1(.safeText(title)),
                .p(.safeLink(SiteRoute.adminDirectory.path, .text("Back to the directory"))),
                .errorSummary(errors, describe: { "\(Self.label(for: $0.field)): \($0.message)" }),
                .postForm(
                    action, csrfToken: context.csrfToken,
                    text("Name", "name"),
                    .selectField("Specialty", name: "specialty", choices: specialties.map { Choice(value: $0, label: $0) }, selected: draft["specialty"], error: errors.message(for: "specialty"), includeBlank: "Choose"),
                    text("Sponsoring institution", "sponsoring_institution"),
                    text("City", "city", maxLength: 100),
                    .selectField("State", name: "state", choices: USStates.codes.sorted().map { Choice(value: $0, label: $0) }, selected: draft["state"].uppercased(), error: errors.message(for: "state"), includeBlank: "Choose"),
                    text("ZIP code", "zip", maxLength: 10),
                    text("ACGME program id", "acgme_id", hint: "Optional.", maxLength: 20),
                    text("NRMP program code", "nrmp_code", hint: "Optional: 7 digits, a letter and a digit, e.g. 1234140C0.", maxLength: 9),
                    .selectField("Application service", name: "application_service", choices: DirectoryProgram.Service.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }, selected: draft["application_service"], error: errors.message(for: "application_service")),
                    text("Positions", "positions", hint: "Optional: first-year positions.", maxLength: 3),
                    text("CMS certification number of the hospital", "ccn", hint: "Optional: six characters from the CMS hospital list; the hospital's name and address come from it.", maxLength: 6),
                    .h2("Screening facts"),
                    .p(.text("Leave a value empty when the program does not say: applicants then see unknown, never no. A value needs the page it was read from, the day it was checked and who checked it; update them when you change the value.")),
                    .forEach(ScreeningField.allCases) { field in Self.factFields(field, draft: draft, errors: errors) },
                    .selectField("Only hands-on US clinical experience counts", name: "usce_hands_on", choices: [Choice(value: "no", label: "No, any kind"), Choice(value: "yes", label: "Yes, hands-on only")], selected: draft.usceHandsOn, error: errors.message(for: "usce_hands_on")),
                    .submit(entry == nil ? "Add the program" : "Save")
                ),
                entry == nil ? .empty : Self.changeLog(changes)
            )
        )
    }

    /// A field's name as its label says it ("Sponsors the H-1B, source"), for the error summary.
    static func label(for field: String) -> String {
        let parts: [(suffix: String, words: String)] = [("_source", "source"), ("_verified_on", "checked on"), ("_verified_by", "checked by"), ("", "value")]
        for part in parts where field.hasSuffix(part.suffix) {
            if let fact = ScreeningField(rawValue: String(field.dropLast(part.suffix.count))) { return "\(fact.label), \(part.words)" }
        }
        let plain = ["name": "Name", "specialty": "Specialty", "sponsoring_institution": "Sponsoring institution", "city": "City", "state": "State", "zip": "ZIP code"]
        return plain[field] ?? field.replacingOccurrences(of: "_", with: " ").capitalized
    }

    private static func factFields(_ field: ScreeningField, draft: DirectoryProgramDraft, errors: ValidationReport) -> BodyNode {
        let name = field.rawValue
        let fact = draft.facts[field] ?? .init()
        return .tag(
            "fieldset", .class("field fact"),
            .tag("legend", .safeText(field.label)),
            field.isFlag
                ? .selectField("Value", name: name, choices: [Choice(value: "yes", label: "Yes"), Choice(value: "no", label: "No")], selected: fact.value, error: errors.message(for: name), includeBlank: "Unknown")
                : .field("Value", name: name, value: fact.value, error: errors.message(for: name), hint: "Empty means unknown; \(field.expected).", maxLength: 3),
            .field("Source (web address)", name: "\(name)_source", value: fact.source, type: "url", error: errors.message(for: "\(name)_source"), maxLength: ScreeningField.maximumSourceLength),
            .field("Checked on", name: "\(name)_verified_on", value: fact.verifiedOn, type: "date", error: errors.message(for: "\(name)_verified_on")),
            .field("Checked by", name: "\(name)_verified_by", value: fact.verifiedBy, error: errors.message(for: "\(name)_verified_by"), maxLength: ScreeningField.maximumVerifierLength)
        )
    }

    static func changeLog(_ changes: [DirectoryChange]) -> BodyNode {
        .section(
            .h2("Change log"),
            changes.isEmpty
                ? .p("No changes yet.")
                : .stackingTable(
                    ["When", "Who", "Field", "Was", "Now", "Source"],
                    rows: changes.map { change in
                        [
                            .text(DisplayFormat.dateTime(change.changedAt)),
                            .safeText(change.changedByName),
                            .safeText(change.field),
                            .safeText(change.oldValue.isEmpty ? "—" : change.oldValue),
                            .safeText(change.newValue.isEmpty ? "—" : change.newValue),
                            DirectoryPages.sourceLinks(change.source),
                        ]
                    }
                )
        )
    }
}
