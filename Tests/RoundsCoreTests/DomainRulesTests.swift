import Foundation
import Testing

@testable import RoundsCore

/// The sourced rules file: what start-up refuses, and that the code's lists are the file's.
@Suite struct DomainRulesTests {
    static func shippedJSON() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: try ReferenceData.bytes("rules.json")) as? [String: Any])
    }

    /// The shipped file with one rule changed by `edit` (nil removes the rule), as bytes.
    static func edited(_ id: String, _ edit: (inout [String: Any]) -> Void, remove: Bool = false) throws -> Data {
        var file = try Self.shippedJSON()
        let parts = id.split(separator: ".").map(String.init)
        var sections = try #require(file["sections"] as? [[String: Any]])
        let s = try #require(sections.firstIndex { $0["id"] as? String == parts[0] })
        var rules = try #require(sections[s]["rules"] as? [[String: Any]])
        let r = try #require(rules.firstIndex { $0["id"] as? String == parts[1] })
        if remove { rules.remove(at: r) } else { edit(&rules[r]) }
        sections[s]["rules"] = rules
        file["sections"] = sections
        return try JSONSerialization.data(withJSONObject: file)
    }

    static func refusal(_ data: Data) -> String? {
        do {
            _ = try DomainRules(json: data)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func theShippedFileLoadsAndEveryRuleHasItsSourceSeasonAndDate() throws {
        try DomainRules.checkShipped()
        let rules = DomainRules.shipped
        for section in rules.sections {
            for rule in section.rules {
                #expect(rule.source != nil || rule.confidence == .inferred, "\(section.id).\(rule.id)")
                #expect(Day(iso: rule.checked) != nil)
                #expect(!rule.holdsFor.isEmpty)
            }
        }
        // The code's values are the file's.
        #expect(ApplicationFormats.AMCAS.maximumEntries == rules.number(.amcasMaximumEntries))
        #expect(LetterAssignmentRule.maximumLettersPerProgram == rules.number(.lettersPerProgram))
        #expect(AMCASExperienceType.socialJustice.displayName == "Social Justice/Advocacy")
        #expect(IdentifierType.ssn.safeHarborCategory == "(G) Social security numbers")
        #expect(USStates.codes.contains("PR") && USStates.codes.count == rules.texts(.usStateCodes).count)
        #expect(VisaRules.ecfmgJ1IsForResidency.url.hasPrefix("https://www.ecfmg.org/"))
    }

    @Test func aRuleWithoutSourceOrDateOrSeasonIsRefusedByName() throws {
        let noSource = try Self.edited("amcas.maximum_entries") { $0["source"] = NSNull() }
        #expect(Self.refusal(noSource)?.contains("amcas.maximum_entries: no source, and not marked inferred") == true)
        let notAURL = try Self.edited("letters.maximum_bytes") { $0["source"] = "the AAMC site" }
        #expect(Self.refusal(notAURL)?.contains("letters.maximum_bytes: the source is not a web address") == true)
        let badDate = try Self.edited("eras.maximum_entries") { $0["checked"] = "last spring" }
        #expect(Self.refusal(badDate)?.contains("eras.maximum_entries: checked is not a date") == true)
        let noSeason = try Self.edited("eras.maximum_reflection") { $0["holds_for"] = " " }
        #expect(Self.refusal(noSeason)?.contains("does not say the season") == true)
    }

    @Test func aMissingRuleOrAValueOfTheWrongKindIsRefused() throws {
        let missing = try Self.edited("statements.eras_characters", { _ in }, remove: true)
        #expect(Self.refusal(missing)?.contains("statements.eras_characters is missing") == true)
        let wrongKind = try Self.edited("amcas.maximum_entries") { $0["value"] = "fifteen" }
        #expect(Self.refusal(wrongKind)?.contains("amcas.maximum_entries should be a number") == true)
        let unknownNeeded = try Self.edited("amcas.maximum_description") { $0["value"] = NSNull() }
        #expect(Self.refusal(unknownNeeded)?.contains("cannot be unknown") == true)
        let badDay = try Self.edited("exams.step1_last_scored") { $0["value"] = "January 2022" }
        #expect(Self.refusal(badDay)?.contains("should be a date") == true)
    }

    /// A list the code names by enum cases must hold exactly those ids, in order.
    @Test func anOptionListThatDriftsFromTheCodeIsRefused() throws {
        let dropped = try Self.edited("eras.frequencies") { rule in
            var options = rule["value"] as? [[String: Any]] ?? []
            options.removeLast()
            rule["value"] = options
        }
        #expect(Self.refusal(dropped)?.contains("eras.frequencies lists") == true)
    }

    /// Two lists: residency specialties (ERAS/NRMP names) and the catalog's rotation specialties.
    @Test func residencyAndRotationSpecialtiesAreSeparateLists() {
        #expect(Specialties.residency.named("Internal Medicine-Pediatrics") != nil)
        #expect(Specialties.residency.named("Cardiology") == nil)
        #expect(Specialties.residency.named("Cardiovascular Disease") == nil)
        #expect(Specialties.rotation.find("cardiology")?.name == "Cardiology")
        #expect(Specialties.rotation.find("internal-medicine-pediatrics") == nil)
        var input = ApplicantProfileInput(track: .imgGraduate, visaStatus: .b1b2)
        input.specialtyIDs = ["cardiology"]
        #expect(input.validate(currentYear: 2026).message(for: "specialties")?.contains("not a residency specialty") == true)
        input.specialtyIDs = ["internal-medicine-pediatrics"]
        #expect(input.validate(currentYear: 2026).message(for: "specialties") == nil)
    }

    @Test func anOptionListWithARepeatedIdIsRefused() throws {
        let repeated = try Self.edited("specialties.residency") { rule in
            var options = rule["value"] as? [[String: Any]] ?? []
            options.append(options[0])
            rule["value"] = options
        }
        #expect(Self.refusal(repeated)?.contains("specialties.residency has an empty or repeated id") == true)
    }
}
