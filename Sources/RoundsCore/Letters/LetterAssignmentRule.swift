/// Assigning letters to programs: ERAS lets a program receive at most four letters per applicant.
public enum LetterAssignmentRule {
    public static var maximumLettersPerProgram: Int { DomainRules.shipped.number(.lettersPerProgram) }

    /// Why a letter cannot be assigned, or nil.
    public static func problem(status: LetterStatus, alreadyAssignedToProgram: Bool, lettersAtProgram: Int) -> String? {
        if status != .uploaded { return "Only an uploaded letter can be assigned; this one is \(status.displayName.lowercased())." }
        if alreadyAssignedToProgram { return "This letter is already assigned to that program." }
        if lettersAtProgram >= Self.maximumLettersPerProgram {
            return "A program receives at most \(Self.maximumLettersPerProgram) letters; unassign one before adding another."
        }
        return nil
    }
}
