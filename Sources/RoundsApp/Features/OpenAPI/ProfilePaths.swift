import Foundation
import RoundsCore

/// OpenAPI paths and schemas of the applicant profile.
enum ProfilePaths {
    static let paths: JSONValue = [
        APIRoute.profile.openAPIPath: [
            "get": [
                "operationId": "getProfile",
                "summary": "Your applicant profile.",
                "responses": [
                    "200": Responses.json("The profile.", schema: Responses.schemaRef("Profile")),
                    "401": Responses.ref("Unauthorized"),
                    "403": Responses.ref("Forbidden"),
                    "404": Responses.ref("NotFound"),
                ],
            ],
            "put": [
                "operationId": "putProfile",
                "summary": "Create or replace your applicant profile.",
                "requestBody": Responses.body("Profile"),
                "responses": [
                    "200": Responses.json("The saved profile.", schema: Responses.schemaRef("Profile")),
                    "400": Responses.ref("BadRequest"),
                    "401": Responses.ref("Unauthorized"),
                    "403": Responses.ref("Forbidden"),
                    "415": Responses.ref("UnsupportedMediaType"),
                    "422": Responses.ref("Unprocessable"),
                ],
            ],
        ]
    ]

    /// The year the document was built in: Match years and graduation years are checked against it, as
    /// the server checks them against today (a server running over New Year serves last year's bounds
    /// until it restarts, one year narrower than the server's rule, never wider).
    static let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).year!

    static let schemas: JSONValue = [
        "Profile": [
            "type": "object",
            "required": ["track", "visa_status"],
            "properties": [
                "track": Responses.enumeration(Track.allCases.map(\.rawValue)),
                "medical_school": ["type": ["string", "null"], "maxLength": .number(ApplicantProfileInput.maximumSchoolLength)],
                "school_country": ["type": ["string", "null"], "maxLength": .number(ApplicantProfileInput.maximumCountryLength)],
                "graduation_year": ["type": ["integer", "null"], "minimum": 1950, "maximum": .number(year + 10)],
                "step1": Responses.nullableEnumeration(Step1Result.allCases.map(\.rawValue)),
                "step2_ck_score": ["type": ["integer", "null"], "minimum": 1, "maximum": 300],
                "ecfmg_status": Responses.nullableEnumeration(ECFMGStatus.allCases.map(\.rawValue)),
                "visa_status": Responses.enumeration(VisaStatus.allCases.map(\.rawValue)),
                "specialties": [
                    "type": ["array", "null"], "maxItems": .number(ApplicantProfileInput.maximumSpecialties), "uniqueItems": true,
                    "items": Responses.enumeration(Specialties.residency.all.map(\.id)),
                ],
                "target_match_year": [
                    "type": ["integer", "null"], "minimum": .number(year), "maximum": .number(year + 10),
                    "description": "A Match year from this year to ten years ahead.",
                ],
                "step1_taken_on": [
                    "type": ["string", "null"], "pattern": "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$",
                    "description": "The day Step 1 was taken (YYYY-MM-DD, not in the future); needed with a Step 1 score.",
                ],
                "step1_score": [
                    "type": ["integer", "null"], "minimum": 1, "maximum": 300,
                    "description": .string("Only for Step 1 exams taken on or before 2022-01-25; later ones are pass/fail only (\(ExamRecord.step1Source))."),
                ],
                "step3": Responses.nullableEnumeration(ExamOutcome.allCases.map(\.rawValue)),
                "step3_score": ["type": ["integer", "null"], "minimum": 1, "maximum": 300],
                "comlex_level1": Responses.nullableEnumeration(ExamOutcome.allCases.map(\.rawValue)),
                "comlex_level2ce_score": ["type": ["integer", "null"], "minimum": 1, "maximum": 999],
                "comlex_level3": Responses.nullableEnumeration(ExamOutcome.allCases.map(\.rawValue)),
            ],
            // The rules that tie fields together (ApplicantProfileInput.validate), as the server enforces them.
            "allOf": [
                Self.when(track: [.imgStudent, .imgGraduate], then: [
                    "required": ["medical_school", "school_country"],
                    "properties": ["medical_school": Self.someText, "school_country": Self.someText],
                ]),
                Self.when(track: [.imgGraduate], then: [
                    "required": ["graduation_year"],
                    "properties": ["graduation_year": ["type": "integer", "minimum": 1950, "maximum": .number(year)]],
                ]),
                Self.when(track: [.preMed], then: [
                    "properties": [
                        "step1": ["enum": ["not_taken", .null]], "step2_ck_score": ["type": "null"], "step1_taken_on": Self.nothing,
                        "step1_score": ["type": "null"], "step3": ["enum": ["not_taken", .null]], "step3_score": ["type": "null"],
                        "comlex_level1": ["enum": ["not_taken", .null]], "comlex_level2ce_score": ["type": "null"],
                        "comlex_level3": ["enum": ["not_taken", .null]],
                    ]
                ]),
                // A Step 1 date or score needs a Step 1 outcome; a score needs a date up to 2022-01-25.
                Self.whenGiven("step1_taken_on", Self.someDate, then: ["required": ["step1"], "properties": ["step1": Self.taken]]),
                Self.whenGiven("step1_score", ["type": "integer"], then: [
                    "required": ["step1", "step1_taken_on"],
                    "properties": ["step1": Self.taken, "step1_taken_on": ["type": "string", "pattern": Self.scoredStep1Day]],
                ]),
                Self.whenGiven("step3_score", ["type": "integer"], then: ["required": ["step3"], "properties": ["step3": Self.taken]]),
                [
                    "if": ["required": ["ecfmg_status"], "properties": ["ecfmg_status": ["const": "certified"]]],
                    "then": ["properties": ["track": ["const": "img_graduate"]]],
                ],
            ],
        ]
    ]

    /// An exam that was taken.
    static let taken: JSONValue = ["enum": ["passed", "failed"]]
    /// No date: absent, null or empty.
    static let nothing: JSONValue = ["type": ["string", "null"], "maxLength": 0]
    static let someDate: JSONValue = ["type": "string", "minLength": 1]
    /// Days up to 2022-01-25, the last Step 1 exams with a score (ExamRecord.lastScoredStep1).
    static let scoredStep1Day: JSONValue = "^(?:[01][0-9]{3}|20[01][0-9]|202[01])-[0-9]{2}-[0-9]{2}$|^2022-01-(?:0[0-9]|1[0-9]|2[0-5])$"

    static func whenGiven(_ field: String, _ shape: JSONValue, then: JSONValue) -> JSONValue {
        ["if": ["required": .array([.string(field)]), "properties": [field: shape]], "then": then]
    }

    /// Text with at least one character that is not a space (the server trims before checking).
    static let someText: JSONValue = ["type": "string", "pattern": "\\S"]

    static func when(track: [Track], then: JSONValue) -> JSONValue {
        ["if": ["required": ["track"], "properties": ["track": ["enum": .array(track.map { .string($0.rawValue) })]]], "then": then]
    }
}
