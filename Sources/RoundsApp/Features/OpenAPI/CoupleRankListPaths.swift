import RoundsCore

/// OpenAPI paths and schemas of couples' rank order lists.
enum CoupleRankListPaths {
    static let year = ResidencyPaths.year
    static let couple = Responses.json("The couple's list from your side.", schema: Responses.schemaRef("CoupleRankList"))
    static let conflict: JSONValue = [
        "description": "Already linked (or asked), or already confirmed.",
        "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
    ]

    static let paths: JSONValue = [
        APIRoute.rankListCouple.openAPIPath: [
            "get": [
                "operationId": "getCoupleRankList", "summary": "Your couple for the year (none, asked, asking or linked) and its pairs, your program first.",
                "parameters": [year], "responses": ResidencyPaths.responses(["200": couple, "400": Responses.ref("BadRequest"), "404": Responses.ref("NotFound")]),
            ],
            "post": [
                "operationId": "proposeCouple", "summary": "Ask another applicant (by e-mail) to rank as a couple for the year; they confirm. 409 when either of you is linked already.",
                "parameters": [year], "requestBody": Responses.body("CoupleProposalInput"),
                "responses": Responses.writes(["201": couple, "409": conflict]),
            ],
            "delete": [
                "operationId": "leaveCouple", "summary": "End the couple (or withdraw or decline the request); its pairs go with it. Refused after the deadline once linked.",
                "parameters": [year], "responses": Responses.writes(["204": ["description": "Ended."]]),
            ],
        ],
        APIRoute.rankListCoupleConfirmation.openAPIPath: [
            "post": [
                "operationId": "confirmCouple", "summary": "Confirm the request your partner sent.",
                "parameters": [year], "responses": Responses.writes(["200": couple, "409": conflict]),
            ]
        ],
        APIRoute.rankListCouplePairs.openAPIPath: [
            "put": [
                "operationId": "replaceCouplePairs",
                "summary": "Replace the pairs, best first: each side a program on that partner's own list for the year (not withdrawn or rejected), null for \"no match\" (never both), each pair once, at most the NRMP limit. Refused after the deadline.",
                "parameters": [year], "requestBody": Responses.body("CouplePairsInput"),
                "responses": Responses.writes(["200": couple]),
            ]
        ],
        APIRoute.rankListCoupleCertification.openAPIPath: [
            "post": [
                "operationId": "certifyCouplePairs",
                "summary": "Certify the couple's pairs as they stand by typing your own name; each partner certifies, and any change to the pairs makes both certifications stale. Refused after the deadline or for an empty list; 404 unless linked.",
                "parameters": [year], "requestBody": Responses.body("RankCertificationInput"),
                "responses": Responses.writes(["200": couple]),
            ]
        ],
    ]

    static let pairSide: JSONValue = ["type": ["string", "null"], "format": "uuid"]

    static let schemas: JSONValue = [
        "CoupleProposalInput": [
            "type": "object", "required": ["partner_email"],
            "properties": ["partner_email": ["type": "string", "minLength": 3, "maxLength": .number(EmailAddress.maximumLength)]],
        ],
        "CouplePairsInput": [
            "type": "object", "required": ["pairs"],
            "properties": [
                "pairs": [
                    "type": "array", "maxItems": .number(RankListPaths.maximumRanks),
                    "items": ["type": "object", "properties": ["mine": pairSide, "partners": pairSide], "description": "A missing side is \"no match\"."],
                ]
            ],
        ],
        "CoupleRankList": [
            "type": "object", "required": ["match_year", "state", "maximum_pairs", "closed", "pairs"],
            "properties": [
                "match_year": ["type": "integer"], "state": Responses.enumeration(["none", "asked", "asking", "linked"]),
                "partner": ["type": "object", "required": ["id", "display_name"], "properties": ["id": ["type": "string", "format": "uuid"], "display_name": ["type": "string"]]],
                "maximum_pairs": ["type": "integer"], "closed": ["type": "boolean"],
                "my_certification": RankListPaths.certification, "partner_certification": RankListPaths.certification,
                "pairs": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["rank"],
                        "properties": [
                            "rank": ["type": "integer"], "mine": Responses.schemaRef("ResidencyProgram"), "partners": Responses.schemaRef("ResidencyProgram"),
                        ],
                    ],
                ],
            ],
        ],
    ]
}
