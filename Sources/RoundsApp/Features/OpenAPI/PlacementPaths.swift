import RoundsCore

/// OpenAPI paths and schemas of placement cycles.
enum PlacementPaths {
    static let cycleID = ApplicationsPaths.pathID("cycleID")
    static let sessionID = ApplicationsPaths.pathID("sessionID")
    static let uuid = ApplicationsPaths.uuid
    static let conflict = ApplicationsPaths.conflict

    static func responses(_ pairs: [String: JSONValue]) -> JSONValue { ApplicationsPaths.responses(pairs) }

    static let paths: JSONValue = [
        APIRoute.cycles.openAPIPath: [
            "get": [
                "operationId": "listCycles",
                "summary": "Your own cycles (advisors) or the cycles open for ranking (applicants, hosts).",
                "responses": responses(["200": Responses.json("Cycles.", schema: ["type": "array", "items": Responses.schemaRef("CycleSummary")])]),
            ],
            "post": [
                "operationId": "createCycle",
                "summary": "Open a placement cycle over published sessions still open for applications.",
                "requestBody": Responses.body("CycleInput"),
                "responses": responses([
                    "201": Responses.json("The cycle.", schema: Responses.schemaRef("Cycle")), "400": Responses.ref("BadRequest"),
                    "415": Responses.ref("UnsupportedMediaType"), "422": Responses.ref("Unprocessable"),
                ]),
            ],
        ],
        APIRoute.cycle(.key).openAPIPath: [
            "get": [
                "operationId": "getCycle",
                "summary": "A cycle's sessions; for applicants their eligibility and list, for its advisor the result.",
                "parameters": [cycleID],
                "responses": responses(["200": Responses.json("The cycle.", schema: Responses.schemaRef("Cycle")), "404": Responses.ref("NotFound")]),
            ]
        ],
        APIRoute.cycleList(.key).openAPIPath: [
            "put": [
                "operationId": "putCycleList",
                "summary": "Your rank list: session_ids best first, or with partner_email a couple's pairs [yours, your partner's] (null = unplaced), which the partner confirms.",
                "parameters": [cycleID],
                "requestBody": Responses.body("CycleListInput"),
                "responses": responses([
                    "200": Responses.json("The cycle.", schema: Responses.schemaRef("Cycle")), "400": Responses.ref("BadRequest"),
                    "404": Responses.ref("NotFound"), "409": conflict, "415": Responses.ref("UnsupportedMediaType"), "422": Responses.ref("Unprocessable"),
                ]),
            ]
        ],
        APIRoute.confirmPartner(.key).openAPIPath: [
            "post": [
                "operationId": "confirmCyclePartner",
                "summary": "Confirm the couple's list that names you as partner.",
                "parameters": [cycleID],
                "responses": responses(["200": Responses.json("The cycle.", schema: Responses.schemaRef("Cycle")), "404": Responses.ref("NotFound"), "409": conflict]),
            ]
        ],
        APIRoute.cycleSessionApplicants(.key, .key).openAPIPath: [
            "get": [
                "operationId": "getCycleSessionApplicants",
                "summary": "The applicants who ranked your session, and your current rank list for it.",
                "parameters": [cycleID, sessionID],
                "responses": responses(["200": Responses.json("Applicants.", schema: Responses.schemaRef("CycleSessionApplicants")), "404": Responses.ref("NotFound")]),
            ]
        ],
        APIRoute.cycleSessionList(.key, .key).openAPIPath: [
            "put": [
                "operationId": "putCycleSessionList",
                "summary": "Your rank list of applicants for your session, best first.",
                "parameters": [cycleID, sessionID],
                "requestBody": Responses.body("CycleHostListInput"),
                "responses": responses([
                    "200": Responses.json("Applicants.", schema: Responses.schemaRef("CycleSessionApplicants")), "400": Responses.ref("BadRequest"),
                    "404": Responses.ref("NotFound"), "409": conflict, "415": Responses.ref("UnsupportedMediaType"), "422": Responses.ref("Unprocessable"),
                ]),
            ]
        ],
        APIRoute.runCycle(.key).openAPIPath: [
            "post": [
                "operationId": "runCycle",
                "summary": "Run the NRMP algorithm (with couples) on the lists; may be run again until published.",
                "parameters": [cycleID],
                "responses": responses(["200": Responses.json("Summary.", schema: Responses.schemaRef("CycleRunSummary")), "404": Responses.ref("NotFound"), "409": conflict]),
            ]
        ],
        APIRoute.publishCycle(.key).openAPIPath: [
            "post": [
                "operationId": "publishCycle",
                "summary": "Turn every match into an offer; final.",
                "parameters": [cycleID],
                "responses": responses(["200": Responses.json("Summary.", schema: Responses.schemaRef("CyclePublishSummary")), "404": Responses.ref("NotFound"), "409": conflict]),
            ]
        ],
    ]

    static let status = Responses.enumeration(["open", "matched", "published"])

    static let schemas: JSONValue = [
        "CycleSummary": ["type": "object", "required": ["id", "name", "status"], "properties": ["id": uuid, "name": ["type": "string"], "status": status]],
        "CycleInput": [
            "type": "object", "required": ["name", "session_ids"],
            "properties": [
                "name": ["type": "string", "maxLength": 200], "session_ids": ["type": "array", "items": uuid],
                "offer_days": ["type": "integer", "minimum": 1, "maximum": .number(ApplicationTransitions.maximumOfferDays)],
            ],
        ],
        "CycleListInput": [
            "type": "object",
            "properties": [
                "session_ids": ["type": "array", "items": uuid, "maxItems": .number(PlacementChoices.maximumLength)],
                "partner_email": ["type": "string"],
                "pairs": ["type": "array", "maxItems": .number(PlacementChoices.maximumLength), "items": ["type": "array", "minItems": 2, "maxItems": 2, "items": ["type": ["string", "null"], "format": "uuid"]]],
            ],
        ],
        "CycleHostListInput": ["type": "object", "required": ["applicant_ids"], "properties": ["applicant_ids": ["type": "array", "items": uuid]]],
        "CycleSessionApplicants": [
            "type": "object", "required": ["applicants", "ranking"],
            "properties": [
                "applicants": [
                    "type": "array",
                    "items": ["type": "object", "required": ["id", "display_name"], "properties": ["id": uuid, "display_name": ["type": "string"]]],
                ],
                "ranking": ["type": "array", "items": uuid],
            ],
        ],
        "CycleRunSummary": [
            "type": "object", "required": ["matched", "unmatched", "couples", "pairs_left_out"],
            "properties": [
                "matched": ["type": "integer"], "unmatched": ["type": "integer"], "couples": ["type": "integer"], "pairs_left_out": ["type": "integer"],
                "stable": ["type": "boolean"],
            ],
        ],
        "CyclePublishSummary": ["type": "object", "required": ["offered", "skipped"], "properties": ["offered": ["type": "integer"], "skipped": ["type": "integer"]]],
        "Cycle": [
            "type": "object", "required": ["id", "name", "status", "offer_days", "sessions"],
            "properties": [
                "id": uuid, "name": ["type": "string"], "status": status, "offer_days": ["type": "integer"],
                "sessions": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["id", "title", "site_name", "start", "end", "seats"],
                        "properties": [
                            "id": uuid, "title": ["type": "string"], "site_name": ["type": "string"], "start": ["type": "string", "format": "date"],
                            "end": ["type": "string", "format": "date"], "seats": ["type": "integer"], "eligible": ["type": "boolean"],
                            "not_eligible_because": ["type": "array", "items": ["type": "string"]],
                        ],
                    ],
                ],
                "my_list": [
                    "type": "object", "required": ["partner_confirmed"],
                    "properties": [
                        "session_ids": ["type": "array", "items": uuid], "partner_id": uuid, "partner_confirmed": ["type": "boolean"],
                        "pairs": ["type": "array", "items": ["type": "array", "items": ["type": ["string", "null"], "format": "uuid"]]],
                    ],
                ],
                "results": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["applicant_id", "applicant_name"],
                        "properties": ["applicant_id": uuid, "applicant_name": ["type": "string"], "session_id": uuid],
                    ],
                ],
            ],
        ],
    ]
}
