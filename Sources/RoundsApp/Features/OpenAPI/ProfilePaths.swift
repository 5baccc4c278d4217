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
                    "items": Responses.enumeration(Specialty.all.map(\.id)),
                ],
                "target_match_year": [
                    "type": ["integer", "null"], "minimum": .number(year), "maximum": .number(year + 10),
                    "description": "A Match year from this year to ten years ahead.",
                ],
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
                    "properties": ["step1": ["enum": ["not_taken", .null]], "step2_ck_score": ["type": "null"]]
                ]),
                [
                    "if": ["required": ["ecfmg_status"], "properties": ["ecfmg_status": ["const": "certified"]]],
                    "then": ["properties": ["track": ["const": "img_graduate"]]],
                ],
            ],
        ]
    ]

    /// Text with at least one character that is not a space (the server trims before checking).
    static let someText: JSONValue = ["type": "string", "pattern": "\\S"]

    static func when(track: [Track], then: JSONValue) -> JSONValue {
        ["if": ["required": ["track"], "properties": ["track": ["enum": .array(track.map { .string($0.rawValue) })]]], "then": then]
    }
}
