import Testing

@testable import RoundsCore

/// Limits count code points, as JSON Schema's `maxLength` does; `String.count` counts grapheme
/// clusters and undercounts text with modifiers, combining marks or CR LF.
@Suite struct TextLengthTests {
    @Test(arguments: [
        ("plain", 5),
        ("o\u{1F3FB}", 2),
        ("e\u{301}", 2),
        ("\r\n", 2),
        ("👩‍⚕️", 4),
        ("", 0),
    ])
    func codePointsAreCounted(text: String, expected: Int) {
        #expect(text.textLength == expected)
        #expect(Substring(text).textLength == expected)
    }

    @Test func aProfileFieldOverItsLimitInCodePointsIsRefusedThoughFewerCharacters() {
        let limit = ApplicantProfileInput.maximumCountryLength
        let combining = String(repeating: "e\u{301}", count: limit / 2) + "e"
        #expect(combining.count < limit)
        let draft = ApplicantProfileDraft(track: "img_student", medicalSchool: "Cairo University", schoolCountry: combining, visaStatus: "j1")
        guard case .failure(let report) = draft.parse(currentYear: 2026) else {
            Issue.record("expected the country to be refused")
            return
        }
        #expect(report.message(for: "school_country") == "Use at most \(limit) characters.")
        let atLimit = ApplicantProfileDraft(track: "img_student", medicalSchool: "Cairo University", schoolCountry: String(combining.unicodeScalars.dropLast().map(Character.init)), visaStatus: "j1")
        #expect(throws: Never.self) { try atLimit.parse(currentYear: 2026).get() }
    }
}
