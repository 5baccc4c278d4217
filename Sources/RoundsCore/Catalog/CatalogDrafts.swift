import Foundation

/// A site as a host types it; `parse(stateOfZIP:)` checks it field by field.
public struct SiteDraft: Equatable, Sendable {
    public var name = ""
    public var kind = ""
    public var street = ""
    public var city = ""
    public var state = ""
    public var zip = ""
    public var website = ""

    public init() {}

    public struct Checked: Equatable, Sendable {
        public var name: String
        public var kind: SiteKind
        public var street: String
        public var city: String
        public var state: String
        public var zip: String
        public var website: String?
    }

    /// `stateOfZIP` gives the state a ZIP code lies in, nil for a ZIP that does not exist.
    public func parse(stateOfZIP: (String) -> String?) -> Result<Checked, ValidationReport> {
        var errors: [FieldError] = []
        let name = self.name.trimmingWhitespace()
        let street = self.street.trimmingWhitespace()
        let city = self.city.trimmingWhitespace()
        let state = self.state.trimmingWhitespace().uppercased()
        let zip = self.zip.trimmingWhitespace()
        let website = self.website.trimmingWhitespace()
        // Limits count the text as sent (the API's schema states them so), the value kept is trimmed.
        if name.isEmpty || self.name.textLength > 200 { errors.append(FieldError(field: "name", message: "Enter the site's name (at most 200 characters).")) }
        let kind = SiteKind(rawValue: self.kind)
        if kind == nil { errors.append(FieldError(field: "kind", message: "Choose what kind of site it is.")) }
        if street.isEmpty || self.street.textLength > 200 { errors.append(FieldError(field: "street", message: "Enter the street address.")) }
        if city.isEmpty || self.city.textLength > 100 { errors.append(FieldError(field: "city", message: "Enter the city.")) }
        let knownState = USStates.codes.contains(state)
        if !knownState {
            errors.append(FieldError(field: "state", message: "Enter the two-letter code of a US state or territory, e.g. NY."))
        }
        let zipState = zip.count == 5 && zip.allSatisfy { $0.isASCII && $0.isNumber } ? stateOfZIP(zip) : nil
        if let zipState {
            if knownState, zipState != state { errors.append(FieldError(field: "zip", message: "ZIP code \(zip) is in \(zipState), not \(state).")) }
        } else {
            errors.append(FieldError(field: "zip", message: "Enter a five-digit US ZIP code that exists."))
        }
        if !website.isEmpty {
            let lowered = website.lowercased()
            if !(lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) || website.textLength > 300 || website.contains(where: \.isWhitespace) {
                errors.append(FieldError(field: "website", message: "Enter a web address starting with https://, or leave it empty."))
            }
        }
        guard errors.isEmpty, let kind else { return .failure(ValidationReport(errors)) }
        return .success(Checked(name: name, kind: kind, street: street, city: city, state: state, zip: zip, website: website.isEmpty ? nil : website))
    }
}

/// An opportunity as a host types it.
public struct OpportunityDraft: Equatable, Sendable {
    public var title = ""
    public var description = ""
    public var type = ""
    public var specialty = ""
    public var isHandsOn = false
    public var setting = ""
    public var audiences: [String] = []
    public var maximumYearsSinceGraduation = ""
    public var requiresStep1Pass = false
    public var visaClasses: [String] = []
    public var fee = ""
    public var currency = "USD"
    public var refundTerms = ""
    public var letterPolicy = ""
    public var requirements: [String] = []

    public static let maximumDescriptionLength = 5_000

    public init() {}

    public struct Checked: Equatable, Sendable {
        public var title: String
        public var description: String
        public var type: OpportunityType
        public var specialtyID: String
        public var isHandsOn: Bool
        public var setting: ClinicalSetting
        public var rules: EligibilityRules
        public var feeCents: Int
        public var currency: String
        public var refundTerms: String
        public var letterPolicy: LetterPolicy
        public var requirements: Set<Requirement>
    }

    public func parse() -> Result<Checked, ValidationReport> {
        var errors: [FieldError] = []
        func fail(_ field: String, _ message: String) { errors.append(FieldError(field: field, message: message)) }
        let title = self.title.trimmingWhitespace()
        if title.isEmpty || self.title.textLength > 200 { fail("title", "Enter a title (at most 200 characters).") }
        if self.description.textLength > Self.maximumDescriptionLength {
            fail("description", "Use at most \(Self.maximumDescriptionLength) characters.")
        }
        let type = OpportunityType(rawValue: self.type)
        if type == nil { fail("type", "Choose the type.") }
        if Specialties.rotation.find(self.specialty) == nil { fail("specialty", "Choose a specialty from the list.") }
        let setting = ClinicalSetting(rawValue: self.setting)
        if setting == nil { fail("setting", "Choose the setting.") }
        let audiences = Set(self.audiences.compactMap(Audience.init(rawValue:)))
        if audiences.isEmpty || audiences.count != Set(self.audiences).count { fail("audiences", "Choose who it is for.") }
        var maximumYears: Int?
        if !self.maximumYearsSinceGraduation.trimmingWhitespace().isEmpty {
            if let years = Int(self.maximumYearsSinceGraduation.trimmingWhitespace()), (0...60).contains(years) {
                maximumYears = years
            } else {
                fail("max_years_since_graduation", "Enter a number of years from 0 to 60, or leave it empty.")
            }
        }
        let visas = Set(self.visaClasses.compactMap(VisaClass.init(rawValue:)))
        if visas.isEmpty || visas.count != Set(self.visaClasses).count { fail("visa_classes", "Choose the visa classes you accept.") }
        if let impossible = VisaRules.impossibility(isHandsOn: self.isHandsOn, audiences: audiences, visas: visas) { fail("visa_classes", impossible) }
        let feeCents = Self.cents(self.fee)
        if feeCents == nil { fail("fee", "Enter the fee in dollars, 0 or more (e.g. 1500 or 1500.50).") }
        let currency = self.currency.trimmingWhitespace().uppercased()
        if self.currency.textLength != 3 || !currency.allSatisfy({ $0.isASCII && $0.isLetter }) { fail("currency", "Enter a three-letter currency code, e.g. USD.") }
        if self.refundTerms.textLength > 1_000 { fail("refund_terms", "Use at most 1000 characters.") }
        let letter = LetterPolicy(rawValue: self.letterPolicy)
        if letter == nil { fail("letter_policy", "Say whether a letter of recommendation is offered.") }
        let requirements = Set(self.requirements.compactMap(Requirement.init(rawValue:)))
        if requirements.count != Set(self.requirements).count { fail("requirements", "Choose requirements from the list.") }
        guard errors.isEmpty, let type, let setting, let feeCents, let letter else { return .failure(ValidationReport(errors)) }
        return .success(
            Checked(
                title: title, description: self.description.trimmingWhitespace(), type: type, specialtyID: self.specialty,
                isHandsOn: self.isHandsOn, setting: setting,
                rules: EligibilityRules(
                    audiences: audiences, maximumYearsSinceGraduation: maximumYears, requiresStep1Pass: self.requiresStep1Pass,
                    acceptedVisaClasses: visas, isHandsOn: self.isHandsOn
                ),
                feeCents: feeCents, currency: currency, refundTerms: self.refundTerms.trimmingWhitespace(), letterPolicy: letter,
                requirements: requirements
            )
        )
    }

    /// "1500", "1,500.5" or "1500.50" dollars in cents; nil for anything else or a negative amount.
    static func cents(_ text: String) -> Int? {
        var cleaned = text.trimmingWhitespace()
        if cleaned.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "$") }) { cleaned.removeAll { $0 == "," || $0 == "$" } }
        if cleaned.isEmpty { return 0 }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let dollars = Int(parts[0]), dollars >= 0, dollars <= 1_000_000 else { return nil }
        guard parts.count == 2 else { return dollars * 100 }
        let fraction = parts[1]
        guard (1...2).contains(fraction.count), let value = Int(fraction), fraction.allSatisfy(\.isNumber) else { return nil }
        return dollars * 100 + (fraction.count == 1 ? value * 10 : value)
    }
}

/// A session as a host types it: dates as YYYY-MM-DD.
public struct SessionDraft: Equatable, Sendable {
    public var start = ""
    public var end = ""
    public var deadline = ""
    public var seats = ""

    public init(start: String = "", end: String = "", deadline: String = "", seats: String = "") {
        self.start = start
        self.end = end
        self.deadline = deadline
        self.seats = seats
    }

    public struct Checked: Equatable, Sendable {
        public var start: Day
        public var end: Day
        public var deadline: Day
        public var seats: Int
    }

    /// `allowingPast`: an import's sessions may lie in the past (history moves between installations); a
    /// year that is a slip is refused either way.
    public func parse(today: Day, allowingPast: Bool = false) -> Result<Checked, ValidationReport> {
        var errors: [FieldError] = []
        let start = Day(iso: self.start.trimmingWhitespace())
        let end = Day(iso: self.end.trimmingWhitespace())
        let deadline = Day(iso: self.deadline.trimmingWhitespace())
        if start == nil { errors.append(FieldError(field: "start", message: "Enter the first day as YYYY-MM-DD.")) }
        if end == nil { errors.append(FieldError(field: "end", message: "Enter the last day as YYYY-MM-DD.")) }
        if deadline == nil { errors.append(FieldError(field: "deadline", message: "Enter the application deadline as YYYY-MM-DD.")) }
        let seats = Int(self.seats.trimmingWhitespace())
        if seats == nil || seats! < 1 || seats! > 1_000 { errors.append(FieldError(field: "seats", message: "Enter at least 1 seat (at most 1000).")) }
        if let start, let end, end < start { errors.append(FieldError(field: "end", message: "The last day must not be before the first.")) }
        if let start, let deadline, deadline >= start { errors.append(FieldError(field: "deadline", message: "The deadline must be before the first day.")) }
        if let start, let end, start.days(to: end) > 366 { errors.append(FieldError(field: "end", message: "A session lasts at most a year.")) }
        if let start, start < today, !allowingPast { errors.append(FieldError(field: "start", message: "The first day must not be in the past.")) }
        for (field, day, what) in [("start", start, "the first day"), ("end", end, "the last day"), ("deadline", deadline, "the deadline")] {
            if let day, !day.isPlausiblyTyped(today: today) { errors.append(FieldError(field: field, message: Day.implausibleTypedMessage(what, today: today))) }
        }
        guard errors.isEmpty, let start, let end, let deadline, let seats else { return .failure(ValidationReport(errors)) }
        return .success(Checked(start: start, end: end, deadline: deadline, seats: seats))
    }
}
