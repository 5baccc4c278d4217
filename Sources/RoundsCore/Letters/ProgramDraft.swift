/// A residency program as an admin enters it: enough to assign letters to; the directory comes later.
public struct ProgramDraft: Equatable, Sendable {
    public var name: String
    public var specialtyID: String
    public var city: String
    public var state: String

    public init(name: String, specialtyID: String, city: String, state: String) {
        self.name = name
        self.specialtyID = specialtyID
        self.city = city
        self.state = state
    }

    public struct Checked: Equatable, Sendable {
        public var name: String
        public var specialtyID: String
        public var city: String
        public var state: String
    }

    public func check() -> Result<Checked, ValidationReport> {
        var errors: [FieldError] = []
        let name = self.name.trimmingWhitespace()
        let city = self.city.trimmingWhitespace()
        let state = self.state.uppercased()
        // Limits and the state's two letters hold for the text as sent (the API's schema states them so).
        if name.isEmpty || self.name.textLength > 200 {
            errors.append(FieldError(field: "name", message: "Enter the program's name (at most 200 characters)."))
        }
        if Specialties.residency.find(self.specialtyID) == nil {
            errors.append(FieldError(field: "specialty_id", message: "Choose the program's specialty from the list."))
        }
        if city.isEmpty || self.city.textLength > 100 {
            errors.append(FieldError(field: "city", message: "Enter the program's city."))
        }
        if state.count != 2 || !state.allSatisfy({ $0.isASCII && $0.isLetter }) {
            errors.append(FieldError(field: "state", message: "Enter the two-letter state code, e.g. NY."))
        }
        guard errors.isEmpty else { return .failure(ValidationReport(errors)) }
        return .success(Checked(name: name, specialtyID: self.specialtyID, city: city, state: state))
    }
}
