import RoundsCore
import Vapor

/// The directory search as the page's form and the API's query send it; every value is checked, and a bad
/// one is named instead of being ignored.
struct DirectoryQuery: Content, Sendable {
    var specialty: String?
    var state: String?
    var zip: String?
    var miles: String?
    var visa: String?
    var verdict: [String]?
    var page: String?

    static let mileChoices = [25, 50, 100, 250, 500]
    static let perPage = 50
    static let maximumPage = 10_000

    /// The search, or what is wrong with the query.
    func search(specialties: Set<String>) -> Result<DirectorySearch, ValidationReport> {
        var errors: [FieldError] = []
        var search = DirectorySearch()
        // Values are taken as sent (the API refuses exactly what its schema forbids); empty means any.
        func given(_ text: String?) -> String? { text.flatMap { $0.isEmpty ? nil : $0 } }
        if let specialty = given(self.specialty) {
            if specialties.contains(specialty) { search.specialty = specialty } else { errors.append(FieldError(field: "specialty", message: "Choose a specialty from the list.")) }
        }
        if let state = given(self.state) {
            if USStates.codes.contains(state) { search.state = state } else { errors.append(FieldError(field: "state", message: "Choose a US state or territory.")) }
        }
        if let zip = given(self.zip) {
            if let place = ZIPCodes.directory.place(zip) { search.near = place.coordinate } else { errors.append(FieldError(field: "zip", message: "\(zip.prefix(10)) is not a US ZIP code Rounds knows.")) }
        }
        if let miles = given(self.miles) {
            if let value = Int(digits: miles), Self.mileChoices.contains(value) {
                search.miles = Double(value)
                if given(self.zip) == nil { errors.append(FieldError(field: "zip", message: "Give a ZIP code to search within \(value) miles of.")) }
            } else {
                errors.append(FieldError(field: "miles", message: "Choose a distance from the list."))
            }
        }
        if let visa = given(self.visa) {
            if let value = DirectorySearch.Visa(rawValue: visa) { search.visa = value } else { errors.append(FieldError(field: "visa", message: "Choose a visa filter from the list.")) }
        }
        for raw in self.verdict ?? [] where !raw.isEmpty {
            if let verdict = ProgramScreening.Verdict(rawValue: raw) { search.verdicts.insert(verdict) } else { errors.append(FieldError(field: "verdict", message: "Choose verdicts from the list.")) }
        }
        return errors.isEmpty ? .success(search) : .failure(ValidationReport(errors))
    }

    /// The page asked for, 1 when none or not a number.
    var pageNumber: Int { self.page.flatMap { Int($0) }.map { max(1, $0) } ?? 1 }

    /// The query again, for pagination links.
    var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        for (name, value) in [("specialty", self.specialty), ("state", self.state), ("zip", self.zip), ("miles", self.miles), ("visa", self.visa)] {
            if let value, !value.isEmpty { items.append((name, value)) }
        }
        for verdict in self.verdict ?? [] { items.append(("verdict[]", verdict)) }
        return items
    }
}
