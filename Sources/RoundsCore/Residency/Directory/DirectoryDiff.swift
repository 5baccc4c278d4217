/// What changed between two versions of a directory program, field by field, as the change log keeps it.
public enum DirectoryDiff {
    public struct Change: Sendable, Equatable {
        public var field: String
        public var old: String
        public var new: String
        /// The fact's source for a screening field; `defaultSource` for the program's identity.
        public var source: String
    }

    /// The changes from `old` (nil: a new program, every known field from empty) to `new`. A screening
    /// fact is shown as "yes (checked 2026-11-20 by Ada)"; an unknown one as "unknown".
    public static func changes(from old: DirectoryProgram?, to new: DirectoryProgram, defaultSource: String) -> [Change] {
        var changes: [Change] = []
        let before = old.map(DirectoryProgramDraft.init)
        let after = DirectoryProgramDraft(new)
        for column in DirectoryProgramDraft.columns {
            let was = before?[column] ?? ""
            if was != after[column] { changes.append(Change(field: column, old: was, new: after[column], source: defaultSource)) }
        }
        let handsOnWas = before?.usceHandsOn ?? ""
        if handsOnWas != after.usceHandsOn, !(old == nil && after.usceHandsOn == "no") {
            changes.append(Change(field: "usce_hands_on", old: handsOnWas, new: after.usceHandsOn, source: defaultSource))
        }
        let oldFacts = Dictionary(uniqueKeysWithValues: (old?.requirements.facts ?? []).map { ($0.field, $0) })
        let newFacts = Dictionary(uniqueKeysWithValues: new.requirements.facts.map { ($0.field, $0) })
        for field in ScreeningField.allCases where oldFacts[field] != newFacts[field] {
            changes.append(
                Change(field: field.rawValue, old: Self.describe(oldFacts[field]), new: Self.describe(newFacts[field]), source: newFacts[field]?.source ?? defaultSource))
        }
        return changes
    }

    public static func describe(_ fact: RecordedFact?) -> String {
        guard let fact else { return "unknown" }
        return "\(fact.value) (checked \(fact.verifiedOn.iso) by \(fact.verifiedBy))"
    }
}
