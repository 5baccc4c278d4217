import RoundsCore

/// OpenAPI paths and schemas of the catalog search.
enum CatalogPaths {
    static func listParameter(_ name: String, _ description: String, values: [String]? = nil) -> JSONValue {
        var schema: JSONValue = ["type": "string", "maxLength": 2000]
        if let values {
            // A comma-separated list of these values, without spaces (the API refuses an empty value).
            let alternatives = values.joined(separator: "|")
            schema = ["type": "string", "pattern": .string("^(\(alternatives))(,(\(alternatives)))*$")]
        }
        return ["name": .string(name), "in": "query", "required": false, "description": .string(description), "schema": schema]
    }

    static func parameter(_ name: String, _ description: String, _ schema: JSONValue) -> JSONValue {
        ["name": .string(name), "in": "query", "required": false, "description": .string(description), "schema": schema]
    }

    static let searchParameters: JSONValue = [
        parameter("q", "Free text, ranked by relevance.", ["type": "string", "minLength": 1, "maxLength": 200]),
        listParameter("type", "Opportunity types, comma-separated.", values: OpportunityType.allCases.map(\.rawValue)),
        listParameter("specialty", "Specialty ids, comma-separated.", values: Specialties.rotation.all.map(\.id)),
        listParameter("state", "Two-letter state codes, comma-separated.", values: SearchParameters.states.sorted()),
        listParameter("audience", "Audiences, comma-separated.", values: Audience.allCases.map(\.rawValue)),
        listParameter("setting", "Settings, comma-separated.", values: ClinicalSetting.allCases.map(\.rawValue)),
        listParameter("visa", "Accepted visa classes (any of), comma-separated.", values: VisaClass.allCases.map(\.rawValue)),
        listParameter("letter", "Letter policies, comma-separated.", values: LetterPolicy.allCases.map(\.rawValue)),
        parameter("hands_on", "Hands-on (true) or observational (false).", ["type": "string", "enum": ["true", "false"]]),
        parameter(
            "has_seats", "A seat left in a session still taking applications (true), or none (false).", ["type": "string", "enum": ["true", "false"]]),
        parameter("max_fee_cents", "Fee ceiling in cents.", ["type": "integer", "minimum": 0, "maximum": .number(SearchParameters.maximumFeeCents)]),
        parameter("starts_after", "A session open for applications starting on or after this date.", ["type": "string", "format": "date"]),
        parameter("ends_before", "… and ending on or before this date.", ["type": "string", "format": "date"]),
        parameter("near", "A five-digit US ZIP code; results within radius_mi (default 50) of its centre.", ["type": "string", "pattern": "^[0-9]{5}$"]),
        parameter("radius_mi", "Miles from near (needs near).", ["type": "number", "exclusiveMinimum": 0, "maximum": 3000]),
        parameter("eligible", "Only what the signed-in applicant's profile qualifies for.", ["type": "string", "enum": ["true", "false"]]),
        parameter("sort", "Order of results.", Responses.enumeration(SearchQuery.Sort.allCases.map(\.rawValue))),
        parameter("page", "1-based page.", ["type": "integer", "minimum": 1, "maximum": 10_000]),
        parameter("per_page", "Results per page.", ["type": "integer", "minimum": 1, "maximum": 100]),
    ]

    static let paths: JSONValue = [
        APIRoute.opportunities.openAPIPath: [
            "get": [
                "operationId": "searchOpportunities",
                "summary": "Search published opportunities: free text, filters, distance from a ZIP code, facets, pages.",
                "security": [[:], ["bearer": []]],
                "parameters": searchParameters,
                "responses": [
                    "200": Responses.json("One page of results.", schema: Responses.schemaRef("OpportunityList")),
                    "400": Responses.ref("BadRequest"),
                ],
            ]
        ],
        APIRoute.opportunity(.key).openAPIPath: [
            "get": [
                "operationId": "getOpportunity",
                "summary": "One published opportunity, with its sessions.",
                "security": [[:], ["bearer": []]],
                "parameters": [["name": "opportunityID", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]],
                "responses": [
                    "200": Responses.json("The opportunity.", schema: Responses.schemaRef("OpportunityDetail")),
                    "400": Responses.ref("BadRequest"),
                    "404": Responses.ref("NotFound"),
                ],
            ]
        ],
    ]

    static let session: JSONValue = [
        "type": "object",
        "required": ["id", "start", "end", "seats", "seats_left", "application_deadline"],
        "properties": [
            "id": ["type": "string", "format": "uuid"], "start": ["type": "string", "format": "date"],
            "end": ["type": "string", "format": "date"], "seats": ["type": "integer"],
            "seats_left": ["type": "integer", "minimum": 0, "description": "Seats no accepted application holds yet."],
            "application_deadline": ["type": "string", "format": "date"],
        ],
    ]

    static let schemas: JSONValue = [
        "OpportunitySummary": [
            "type": "object",
            "required": ["id", "title", "type", "specialty", "hands_on", "setting", "audiences", "visa_classes", "fee_cents", "currency", "letter_policy", "site"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "title": ["type": "string"],
                "type": Responses.enumeration(OpportunityType.allCases.map(\.rawValue)), "specialty": ["type": "string"],
                "hands_on": ["type": "boolean"], "setting": Responses.enumeration(ClinicalSetting.allCases.map(\.rawValue)),
                "audiences": ["type": "array", "items": Responses.enumeration(Audience.allCases.map(\.rawValue))],
                "visa_classes": ["type": "array", "items": Responses.enumeration(VisaClass.allCases.map(\.rawValue))],
                "fee_cents": ["type": "integer", "minimum": 0], "currency": ["type": "string"],
                "letter_policy": Responses.enumeration(LetterPolicy.allCases.map(\.rawValue)),
                "site": [
                    "type": "object", "required": ["name", "city", "state", "zip"],
                    "properties": ["name": ["type": "string"], "city": ["type": "string"], "state": ["type": "string"], "zip": ["type": "string"]],
                ],
                "distance_mi": ["type": "number"],
                "next_session": session,
                "eligibility": [
                    "type": "object", "required": ["eligible", "reasons"],
                    "properties": ["eligible": ["type": "boolean"], "reasons": ["type": "array", "items": ["type": "string"]]],
                ],
            ],
        ],
        "OpportunityList": [
            "type": "object",
            "required": ["items", "total", "facets", "page", "per_page"],
            "properties": [
                "items": ["type": "array", "items": Responses.schemaRef("OpportunitySummary")],
                "total": ["type": "integer"],
                "facets": ["type": "object", "additionalProperties": ["type": "object", "additionalProperties": ["type": "integer"]]],
                "page": ["type": "integer"], "per_page": ["type": "integer"],
            ],
        ],
        "OpportunityDetail": [
            "type": "object",
            "required": ["opportunity", "description", "requirements", "requires_step1_pass", "sessions", "accepts_questions"],
            "properties": [
                "opportunity": Responses.schemaRef("OpportunitySummary"), "description": ["type": "string"],
                "requirements": ["type": "array", "items": ["type": "string"]],
                "max_years_since_graduation": ["type": "integer"], "requires_step1_pass": ["type": "boolean"],
                "accepts_questions": ["type": "boolean", "description": "Signed-in applicants may ask the host questions before applying."],
                "sessions": ["type": "array", "items": session],
            ],
        ],
    ]
}
