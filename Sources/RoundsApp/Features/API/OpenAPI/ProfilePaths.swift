import RoundsCore

/// OpenAPI paths and schemas of the applicant profile.
enum ProfilePaths {
    static let paths: JSONValue = [
        "/api/v1/profile": [
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

    static let schemas: JSONValue = [
        "Profile": [
            "type": "object",
            "required": ["track", "visa_status"],
            "properties": [
                "track": Responses.enumeration(Track.allCases.map(\.rawValue)),
                "medical_school": ["type": ["string", "null"], "maxLength": .number(ApplicantProfileInput.maximumSchoolLength)],
                "school_country": ["type": ["string", "null"], "maxLength": .number(ApplicantProfileInput.maximumCountryLength)],
                "graduation_year": ["type": ["integer", "null"], "minimum": 1950, "maximum": 2100],
                "step1": Responses.nullableEnumeration(Step1Result.allCases.map(\.rawValue)),
                "step2_ck_score": ["type": ["integer", "null"], "minimum": 1, "maximum": 300],
                "ecfmg_status": Responses.nullableEnumeration(ECFMGStatus.allCases.map(\.rawValue)),
                "visa_status": Responses.enumeration(VisaStatus.allCases.map(\.rawValue)),
                "specialties": [
                    "type": ["array", "null"], "maxItems": .number(ApplicantProfileInput.maximumSpecialties), "uniqueItems": true,
                    "items": Responses.enumeration(Specialty.all.map(\.id)),
                ],
                "target_match_year": ["type": ["integer", "null"], "minimum": 2000, "maximum": 2100],
            ],
        ]
    ]
}
