import RoundsCore

/// OpenAPI paths and schemas of the host's side of the catalog: sites, opportunities, listing, sessions.
enum HostCatalogPaths {
    static let siteID = ApplicationsPaths.pathID("siteID")
    static let opportunityID = ApplicationsPaths.pathID("opportunityID")
    static let sessionID = ApplicationsPaths.pathID("sessionID")
    static let action: JSONValue = [
        "name": "listingAction", "in": "path", "required": true, "schema": Responses.enumeration(ListingAction.allCases.map(\.rawValue)),
    ]
    static let opportunity = Responses.json("The opportunity with its sessions.", schema: Responses.schemaRef("HostOpportunity"))

    static let paths: JSONValue = [
        APIRoute.hostSites.openAPIPath: [
            "get": [
                "operationId": "listHostSites", "summary": "Hosts: your sites with their review state and opportunities.",
                "responses": ApplicationsPaths.responses(["200": Responses.json("The sites.", schema: ["type": "array", "items": Responses.schemaRef("HostSite")])]),
            ],
            "post": [
                "operationId": "createHostSite", "summary": "Hosts: add a site; an administrator verifies it before its opportunities are listed.",
                "requestBody": Responses.body("SiteInput"),
                "responses": Responses.writes(["201": Responses.json("The site.", schema: Responses.schemaRef("HostSite"))]),
            ],
        ],
        APIRoute.hostSiteOpportunities(.key).openAPIPath: [
            "post": [
                "operationId": "createHostOpportunity", "summary": "Hosts: add an opportunity at one of your sites, as a draft.",
                "parameters": [siteID], "requestBody": Responses.body("HostOpportunityInput"),
                "responses": Responses.writes(["201": opportunity]),
            ]
        ],
        APIRoute.hostOpportunity(.key).openAPIPath: [
            "get": [
                "operationId": "getHostOpportunity", "summary": "Hosts: one of your opportunities, every field, its status and sessions.",
                "parameters": [opportunityID], "responses": AdvisingPaths.reads(["200": opportunity]),
            ],
            "put": [
                "operationId": "updateHostOpportunity", "summary": "Hosts: replace an opportunity's fields (status and sessions stay).",
                "parameters": [opportunityID], "requestBody": Responses.body("HostOpportunityInput"), "responses": Responses.writes(["200": opportunity]),
            ],
        ],
        APIRoute.hostOpportunityStatus(.key, .key).openAPIPath: [
            "post": [
                "operationId": "setHostOpportunityListing",
                "summary": "Hosts: publish (needs a session still open for applications; 422 otherwise) or archive an opportunity.",
                "parameters": [opportunityID, action], "responses": Responses.writes(["200": opportunity]),
            ]
        ],
        APIRoute.hostOpportunitySessions(.key).openAPIPath: [
            "post": [
                "operationId": "addHostSession", "summary": "Hosts: add a session (dates as YYYY-MM-DD, the first day not past, the deadline before the first day, at most a year long).",
                "parameters": [opportunityID], "requestBody": Responses.body("HostSessionInput"), "responses": Responses.writes(["201": opportunity]),
            ]
        ],
        APIRoute.hostSession(.key).openAPIPath: [
            "delete": [
                "operationId": "deleteHostSession", "summary": "Hosts: remove a session nobody applied to and no placement cycle uses (409 otherwise).",
                "parameters": [sessionID],
                "responses": Responses.writes([
                    "204": ["description": "Removed."],
                    "409": ["description": "Applications or a cycle use it.", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]],
                ]),
            ]
        ],
    ]

    static let schemas: JSONValue = [
        "SiteInput": [
            "type": "object", "required": ["name", "kind", "street", "city", "state", "zip"],
            "properties": [
                "name": ["type": "string", "minLength": 1, "maxLength": 200], "kind": Responses.enumeration(SiteKind.allCases.map(\.rawValue)),
                "street": ["type": "string", "minLength": 1, "maxLength": 200], "city": ["type": "string", "minLength": 1, "maxLength": 100],
                "state": ["type": "string", "description": "Two-letter code of a US state or territory."],
                "zip": ["type": "string", "description": "Five digits, an existing ZIP code in that state."],
                "website": ["type": "string", "description": "https:// address, optional."],
            ],
        ],
        "HostSite": [
            "type": "object", "required": ["id", "name", "kind", "street", "city", "state", "zip", "review_state", "opportunities"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "name": ["type": "string"], "kind": ["type": "string"], "street": ["type": "string"],
                "city": ["type": "string"], "state": ["type": "string"], "zip": ["type": "string"], "website": ["type": "string"],
                "review_state": Responses.enumeration(SiteReviewState.allCases.map(\.rawValue)),
                "review_note": ["type": "string", "description": "Why it was rejected or suspended."],
                "opportunities": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["id", "title", "status"],
                        "properties": ["id": ["type": "string", "format": "uuid"], "title": ["type": "string"], "status": ["type": "string"]],
                    ],
                ],
            ],
        ],
        "HostOpportunityInput": [
            "type": "object",
            "required": [
                "title", "description", "type", "specialty", "hands_on", "setting", "audiences", "requires_step1_pass", "visa_classes", "fee", "currency",
                "refund_terms", "letter_policy", "requirements",
            ],
            "properties": [
                "title": ["type": "string", "minLength": 1, "maxLength": 200],
                "description": ["type": "string", "maxLength": .number(OpportunityDraft.maximumDescriptionLength)],
                "type": Responses.enumeration(OpportunityType.allCases.map(\.rawValue)),
                "specialty": Responses.enumeration(Specialties.rotation.all.map(\.id)),
                "hands_on": ["type": "boolean"],
                "setting": Responses.enumeration(ClinicalSetting.allCases.map(\.rawValue)),
                "audiences": ["type": "array", "minItems": 1, "uniqueItems": true, "items": Responses.enumeration(Audience.allCases.map(\.rawValue))],
                "max_years_since_graduation": ["type": "integer", "minimum": 0, "maximum": 60],
                "requires_step1_pass": ["type": "boolean"],
                "visa_classes": [
                    "type": "array", "minItems": 1, "uniqueItems": true, "items": Responses.enumeration(VisaClass.allCases.map(\.rawValue)),
                    "description": "Hands-on work is refused for visa classes that do not allow it (422 says which).",
                ],
                "fee": ["type": "string", "description": "US dollars, e.g. \"1500\" or \"1500.50\"; \"0\" when free."],
                "currency": ["type": "string", "minLength": 3, "maxLength": 3],
                "refund_terms": ["type": "string", "maxLength": 1_000],
                "letter_policy": Responses.enumeration(LetterPolicy.allCases.map(\.rawValue)),
                "requirements": ["type": "array", "uniqueItems": true, "items": Responses.enumeration(Requirement.allCases.map(\.rawValue))],
            ],
        ],
        "HostOpportunity": [
            "type": "object", "required": ["id", "site_id", "status", "opportunity", "sessions", "accepts_questions"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "site_id": ["type": "string", "format": "uuid"],
                "accepts_questions": ["type": "boolean", "description": "Applicants may ask questions before applying; set it with PUT …/questions."],
                "status": Responses.enumeration(OpportunityStatus.allCases.map(\.rawValue)),
                "opportunity": Responses.schemaRef("HostOpportunityInput"),
                "sessions": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["id", "start", "end", "deadline", "seats", "seats_taken"],
                        "properties": [
                            "id": ["type": "string", "format": "uuid"], "start": ["type": "string", "format": "date"], "end": ["type": "string", "format": "date"],
                            "deadline": ["type": "string", "format": "date"], "seats": ["type": "integer"], "seats_taken": ["type": "integer"],
                        ],
                    ],
                ],
            ],
        ],
        "HostSessionInput": [
            "type": "object", "required": ["start", "end", "deadline", "seats"],
            "properties": [
                "start": ["type": "string", "format": "date"], "end": ["type": "string", "format": "date"], "deadline": ["type": "string", "format": "date"],
                "seats": ["type": "integer", "minimum": 1, "maximum": 1_000],
            ],
        ],
    ]
}
