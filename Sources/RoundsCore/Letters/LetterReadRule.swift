/// Who may read a letter's file. Pure, so the rule is tested in one place and every route asks it.
public enum LetterReadRule {
    public enum Reader: Equatable, Sendable {
        /// The applicant the letter is about.
        case applicant
        /// A reviewer of a program the letter is assigned to.
        case assignedProgramReviewer
        /// Anyone else, whatever their role (admins included: they see the read log, not letters).
        case other
    }

    public static func mayRead(_ reader: Reader, applicantWaived: Bool, hasFile: Bool) -> Bool {
        guard hasFile else { return false }
        switch reader {
        case .applicant: return !applicantWaived
        case .assignedProgramReviewer: return true
        case .other: return false
        }
    }
}
