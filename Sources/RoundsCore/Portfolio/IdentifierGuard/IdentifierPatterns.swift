import Foundation

/// The identifiers with a shape: numbers near the word that names them, dates, ages over 89, contact
/// details and addresses. Each detector is a regular expression, the capture that is the identifier
/// itself, and a check of the match in its text. The expressions run on ICU (NSRegularExpression), about
/// ten times faster here than Swift's Regex on the same patterns; the guard runs on every save.
enum IdentifierPatterns {
    struct Detector {
        var type: IdentifierType
        var pattern: NSRegularExpression
        /// The capture group that is the identifier itself (the rest is context such as "MRN:").
        var capture: Int?
        /// Whether the identifier, found at `range` in `text`, counts.
        var keep: @Sendable (_ text: String, _ range: Range<String.Index>) -> Bool = { _, _ in true }
        /// For an expression with one group per label: the first such group and the type of each; the
        /// group that matched gives the type.
        var labelGroups: (first: Int, types: [IdentifierType])? = nil
        /// Words (lower case) without which the expression cannot match; it is skipped when none is in the text.
        var needs: [String] = []

        func type(of match: NSTextCheckingResult) -> IdentifierType {
            guard let labelGroups else { return self.type }
            let matched = labelGroups.types.indices.first { match.range(at: labelGroups.first + $0).location != NSNotFound }
            return matched.map { labelGroups.types[$0] } ?? self.type
        }
    }

    static func matches(in text: String) -> [(range: Range<String.Index>, type: IdentifierType)] {
        var found: [(range: Range<String.Index>, type: IdentifierType)] = []
        let hasDigit = text.contains(where: \.isNumber)
        let lowercased = text.lowercased()
        let whole = NSRange(text.startIndex..<text.endIndex, in: text)
        for detector in Self.detectors where hasDigit || !detector.needsDigits {
            guard detector.needs.isEmpty || detector.needs.contains(where: lowercased.contains) else { continue }
            for match in detector.pattern.matches(in: text, range: whole) {
                let matched = detector.capture.map { match.range(at: $0) } ?? match.range
                guard matched.location != NSNotFound, let range = Range(matched, in: text), detector.keep(text, range) else { continue }
                found.append((range, detector.type(of: match)))
            }
        }
        return found
    }

    static func regex(_ source: String) -> NSRegularExpression {
        // The sources below are constants checked by the tests; a typo is a programming error.
        try! NSRegularExpression(pattern: source)
    }

    static func digits(_ text: String, _ range: Range<String.Index>) -> Int { text[range].filter(\.isNumber).count }

    static let months = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    static let streetTypes = "street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|terrace|parkway|pkwy|highway|hwy|way|circle|cir|trail|square|sq"
    /// What may stand between an identifier's label and the identifier: "MRN is 448", "claim was filed under
    /// number CLM9", "SSN ends in 3390", "plate, ABC-1234".
    static let filler = #"\s*(?:(?:[:#,(.]|\b(?:is|was|were|are|of|as|under|number|numbers|no|num|nr|id|ends in|ending in|ends with|reads|reading|listed as|filed under|on file|the|his|her|their|its|on|for|baby|patient|child|infant|had|has|showed|shows|with|bearing)\b)\s*){0,5}"#
    /// An identifying code: letters, digits and inner hyphens ("1EG4-TE5-MK73", "A00912345").
    static let code = #"((?=[A-Za-z0-9-]*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)"#

    /// The words that name each kind of number, as regular-expression alternatives.
    static let labels: [(IdentifierType, String)] = [
        (
            .medicalRecordNumber,
            #"mrn|mr#|medical record(?: number| no\.?| #)?|(?:hospital |patient )?record(?: number| no\.?| #)|chart(?: number| no\.?| #)?|hospital (?:number|id)|patient (?:id|number)|unit number"#
        ),
        (
            .healthPlanNumber,
            #"medicare(?: beneficiary identifier| number| id| card)?|medicaid(?: id| number)?|mbi|member(?: id| number)?|subscriber(?: id| number)?|beneficiary(?: identifier| id| number)?|health plan(?: number| id)?|insurance(?: id| number)?|policy(?: number| no\.?| #)?"#
        ),
        (.accountNumber, #"(?:bank |billing |hospital |pharmacy )?account(?: number| no\.?| #)?|acct"#),
        (.licenseNumber, #"(?:driver'?s )?licen[cs]e(?! plate)|certificate|dea|npi|passport"#),
        (.deviceNumber, #"serial(?: number| no\.?| #)?|device(?: id| identifier| number)?|implant(?: id| number)?|udi|lot(?: number| no\.?)"#),
        (
            .otherNumber,
            #"case(?: number| no\.?| #| id)?|claim(?: number| no\.?| #| id)?|docket(?: number| no\.?| #)?|file number|employee(?: id| number)|badge(?: number| id)|accession(?: number| no\.?)?|subject(?: number| id)|study id|(?:report|ticket|confirmation|reference) number"#
        ),
    ]

    /// Each kind of number after its label; before its label ("00331872 was her MRN") all kinds in one
    /// expression, the kind read from the label's group (one pass instead of six; merging the forward
    /// expressions the same way made them slower, as ICU then cannot skip ahead to a label's first letter).
    static var labelled: [Detector] {
        let labels = Self.labels.map { "(\($0.1))" }.joined(separator: "|")
        let types = Self.labels.map(\.0)
        let forward = Self.labels.map { type, label in
            // "MRN: 00482913", "member ID is JQK8812093", "claim was filed under number CLM00998812"
            Detector(type: type, pattern: regex(#"(?i)\b(?:\#(label))\#(filler)\#(code)\b"#), capture: 1, keep: { Self.digits($0, $1) >= 4 })
        }
        let backward = Detector(
            type: .otherNumber, pattern: regex(#"(?i)\b\#(code)\s+(?:was|is)\s+(?:his|her|their|the patient's|the)?\s*(?:\#(labels))\b"#),
            capture: 1, keep: { Self.digits($0, $1) >= 4 }, labelGroups: (first: 2, types: types)
        )
        return forward + [backward]
    }

    /// "4/5 strength", "pain 7/10", "a 3/6 murmur": scores written like dates.
    static func isScore(_ text: String, _ range: Range<String.Index>) -> Bool {
        let from = text.index(range.lowerBound, offsetBy: -25, limitedBy: text.startIndex) ?? text.startIndex
        let to = text.index(range.upperBound, offsetBy: 25, limitedBy: text.endIndex) ?? text.endIndex
        let before = text[from..<range.lowerBound].lowercased()
        let after = text[range.upperBound..<to].lowercased()
        let scoreWords = ["strength", "pain", "murmur", "power", "rated", "score", "grade", "reflex", "scale", "out of"]
        return scoreWords.contains { before.contains($0) } || scoreWords.contains { after.hasPrefix(" \($0)") || after.hasPrefix($0) }
            || after.hasPrefix(" systolic") || after.hasPrefix(" diastolic") || after.hasPrefix(" in the left") || after.hasPrefix(" in the right")
    }

    /// A date that dates the writer's own schedule (a lecture, a shift, an exam) in a sentence about no
    /// patient is not an identifier: "The lecture on March 5 covered acid-base disorders."
    static func isScheduleDate(_ text: String, _ range: Range<String.Index>) -> Bool {
        let sentence = Self.sentence(around: range, in: text).lowercased()
        let words = Set(sentence.split { !$0.isLetter }.map(String.init))
        let patientWords: Set<String> = [
            "patient", "patients", "he", "she", "his", "her", "him", "they", "admitted", "admission", "discharged", "discharge", "born", "birth",
            "dob", "died", "death", "seen", "visit", "surgery", "procedure", "operation", "presented", "delivered", "diagnosed", "fell", "accident",
            "injury", "labor", "wound", "appointment", "follow", "family", "baby", "mother", "father", "son", "daughter", "wife", "husband", "mr",
            "mrs", "ms", "transferred", "readmitted", "pt",
        ]
        let scheduleWords: Set<String> = [
            "lecture", "conference", "shift", "rotation", "orientation", "interview", "deadline", "exam", "step", "session", "rounds", "class",
            "seminar", "workshop", "poster", "presentation", "application", "observership", "elective", "externship", "course", "training",
            "webinar", "started", "began", "my", "i",
        ]
        return words.isDisjoint(with: patientWords) && !sentence.contains("passed away") && !words.isDisjoint(with: scheduleWords)
    }

    static func sentence(around range: Range<String.Index>, in text: String) -> Substring {
        var start = range.lowerBound
        while start > text.startIndex {
            let previous = text.index(before: start)
            if "!?\n".contains(text[previous]) || (text[previous] == "." && text[start] == " " && Self.nextIsCapital(text, after: start)) { break }
            start = previous
        }
        var end = range.upperBound
        while end < text.endIndex, !"!?\n".contains(text[end]) {
            if text[end] == ".", Self.nextIsCapital(text, after: text.index(after: end)) || text.index(after: end) == text.endIndex { break }
            end = text.index(after: end)
        }
        return text[start..<end]
    }

    private static func nextIsCapital(_ text: String, after index: String.Index) -> Bool {
        text[index...].drop { $0 == " " }.first?.isUppercase ?? true
    }

    static var dates: [Detector] { [
        // 3/14, 03/14/2025 — but "1/2 tablet", "2/3 of", "7/10 pain" and "4/5 strength" are not dates.
        Detector(
            type: .date,
            pattern: regex(
                #"(?i)\b(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/(?:\d{4}|\d{2}))?\b(?!/)(?!\s*(?:tab(?:let)?s?|pills?|cups?|doses?|of\b|teaspoons?|tsp|strength|normal saline|ns\b))"#
            ),
            keep: { text, range in !(text[range].filter { $0 == "/" }.count == 1 && Self.isScore(text, range)) && !Self.isScheduleDate(text, range) }
        ),
        Detector(type: .date, pattern: regex(#"\b\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b"#), keep: { !Self.isScheduleDate($0, $1) }),
        Detector(
            type: .date, pattern: regex(#"(?i)\b(?:\#(months))\.?\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?"#),
            keep: { !Self.isScheduleDate($0, $1) }
        ),
        Detector(
            type: .date, pattern: regex(#"(?i)\b(?:the\s+)?(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?(?:\#(months))\b(?:\.?,?\s+\d{4})?"#),
            keep: { !Self.isScheduleDate($0, $1) }
        ),
    ] }

    static var ages: [Detector] { [
        // "92-year-old", "96 years old", "99 years of age", "94 yo"
        Detector(type: .age, pattern: regex(#"(?i)\b(9\d|1[0-2]\d)[- ]?(?:years?|yrs?|y/?o)\b(?:[- ]old)?"#), capture: 1),
        // "aged 101", "age: 97", "at the age of 93", "turned 95"
        Detector(type: .age, pattern: regex(#"(?i)\b(?:age(?:d)?|age of|turned|turning|turn|turns|reached)\s*[:]?\s*(9\d|1[0-2]\d)\b"#), capture: 1),
        // "his 100th birthday"
        Detector(type: .age, pattern: regex(#"(?i)\b(?:9\d|1[0-2]\d)(?:st|nd|rd|th) birthday\b"#)),
        Detector(type: .age, pattern: regex(#"(?i)\b(?:super)?(?:centenarian|nonagenarian)s?\b"#), needs: ["narian"]),
        // "ninety-four-year-old", "a hundred-year-old"
        Detector(
            type: .age,
            pattern: regex(#"(?i)\b(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one |a )?hundred(?:[- ]and[- ][a-z]+)?)[- ]years?[- ]old\b"#)
        ),
        // "in his late 90s", "in her nineties", "in their mid-nineties"
        Detector(type: .age, pattern: regex(#"(?i)\bin (?:his|her|their) (?:(?:early|mid|late)[- ])?(?:9\d|9\d's|90s|90's|nineties|100s|hundreds)\b"#)),
        // "The woman, 92, lived…", "Gloria, 95, …"
        Detector(
            type: .age,
            pattern: regex(#"\b(?:[Mm]an|[Ww]oman|[Pp]atient|[Gg]entleman|[Ll]ady|[Vv]eteran|[Ww]idow(?:er)?|[Gg]rand(?:mother|father)|\p{Lu}\p{Ll}+),\s+(9\d|1[0-2]\d),"#),
            capture: 1
        ),
        // "she was 94", not "her saturation was 94%"
        Detector(
            type: .age,
            pattern: regex(#"(?i)\b(?:he|she|who|patient) (?:is|was|turned) (9\d|1[0-2]\d)\b(?!\s*(?:%|percent|mg|kg|lbs?|pounds|min|hours|beats|bpm|mm|cm|units|ml|on\b|\.\d))"#),
            capture: 1
        ),
    ] }

    static var contacts: [Detector] { [
        Detector(type: .email, pattern: regex(#"(?i)\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b"#), needs: ["@"]),
        Detector(type: .url, pattern: regex(#"(?i)\b(?:https?://|www\.)[^\s<>"]+[^\s<>".,;:!?)]"#), needs: ["www.", "://"]),
        Detector(
            type: .ipAddress, pattern: regex(#"\b(?:\d{1,3}\.){3}\d{1,3}\b"#),
            keep: { text, range in text[range].split(separator: ".").allSatisfy { Int($0).map { $0 <= 255 } ?? false } }
        ),
        Detector(type: .ssn, pattern: regex(#"\b\d{3}[- ]\d{2}[- ]\d{4}\b"#)),
        // The last four digits of a Social Security number, however introduced.
        Detector(
            type: .ssn, pattern: regex(#"(?i)\b(?:ssn|social security(?: number| no\.?)?|social|last (?:four|4)(?: digits)?)\b[^.\d]{0,40}?\b(\d{4})\b"#),
            capture: 1, keep: { text, range in Self.mentionsSocialSecurity(text, range) }
        ),
        Detector(
            type: .fax, pattern: regex(#"(?i)\bfax(?:\s*(?:number|no\.?|#))?\s*[:#]?\s*((?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})\b"#),
            capture: 1, needs: ["fax"]
        ),
        Detector(type: .phone, pattern: regex(#"(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"#)),
        Detector(type: .phone, pattern: regex(#"\(\d{3}\)\d{3}-\d{4}\b"#)),
        Detector(
            type: .address,
            pattern: regex(
                #"\b\d{1,6}\s+(?:(?:[NSEW]\.?|\p{Lu}[\p{L}'.-]*|\d+(?:st|nd|rd|th))\s+){1,4}(?i:\#(streetTypes))\b\.?(?:,?\s*(?i:apt|apartment|unit|suite|#)\.?\s*[A-Za-z0-9-]+)?"#
            )
        ),
        Detector(type: .address, pattern: regex(#"(?i)\b(?:p\.?\s?o\.?\s+box)\s+\d+"#), needs: ["box"]),
        Detector(
            type: .zipCode,
            pattern: regex(#"\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]),?\s+(\d{5}(?:-\d{4})?)\b"#),
            capture: 1
        ),
        Detector(type: .zipCode, pattern: regex(#"(?i)\bzip(?:\s*code)?\s*(?:[:#,]|\bis\b|\bwas\b|\bas\b)?\s*(\d{5}(?:-\d{4})?)\b"#), capture: 1, needs: ["zip"]),
        Detector(type: .zipCode, pattern: regex(#"(?i)\b(\d{5}(?:-\d{4})?)\s+zip\b"#), capture: 1, needs: ["zip"]),
    ] }

    static var vehiclesAndPlans: [Detector] { [
        // Vehicle identification numbers by their 17-character shape (no I, O or Q), letters and digits both.
        Detector(
            type: .vehicleIdentifier, pattern: regex(#"\b[A-HJ-NPR-Z0-9]{17}\b"#),
            keep: { text, range in text[range].contains(where: \.isNumber) && text[range].contains(where: \.isLetter) }
        ),
        Detector(
            type: .vehicleIdentifier,
            pattern: regex(
                #"(?i)\b(?:vin|vehicle identification number|(?:licen[cs]e )?plate(?: number| no\.?| #)?)\#(filler)((?:[A-Z]{2}\s)?[A-Za-z0-9]{1,4}[ -]?[A-Za-z0-9]{1,13})\b"#
            ),
            capture: 1, keep: { text, range in Self.digits(text, range) >= 2 && text[range].count >= 5 }
        ),
        // Medicare Beneficiary Identifiers by their 11-character shape, with or without dashes.
        Detector(
            type: .healthPlanNumber,
            pattern: regex(#"\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b"#)
        ),
    ] }

    static func mentionsSocialSecurity(_ text: String, _ range: Range<String.Index>) -> Bool {
        let sentence = Self.sentence(around: range, in: text).lowercased()
        return sentence.contains("ssn") || sentence.contains("social")
    }

    // NSRegularExpression is immutable and documented as safe to use from several threads.
    nonisolated(unsafe) static let detectors: [Detector] = Self.contacts + Self.labelled + Self.vehiclesAndPlans + Self.dates + Self.ages
}

extension IdentifierPatterns.Detector {
    /// Detectors of numbers cannot match a text without digits; the guard skips them there.
    var needsDigits: Bool { ![.age, .url, .email].contains(self.type) }
}
