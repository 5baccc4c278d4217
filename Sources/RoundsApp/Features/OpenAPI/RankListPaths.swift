import RoundsCore

/// OpenAPI paths and schemas of the rank order list.
enum RankListPaths {
    static let year = ResidencyPaths.year
    /// The NRMP limit from the shipped fee file (start-up stops if it did not read).
    static let maximumRanks = (try? ResidencyReference.shipped.get().fees.nrmp.maximumRanks) ?? 300
    static let shareID = ApplicationsPaths.pathID("shareID")
    static let list = Responses.json("The rank order list.", schema: Responses.schemaRef("RankOrderList"))

    static let paths: JSONValue = [
        APIRoute.rankList.openAPIPath: [
            "get": [
                "operationId": "getRankOrderList",
                "summary": "Your rank order list for a Match year: ranked programs in order, programs you could rank, certification (never, current, or stale after a change) and the deadline with its source.",
                "parameters": [year],
                "responses": ApplicationsPaths.responses(["200": list, "400": Responses.ref("BadRequest"), "404": Responses.ref("NotFound")]),
            ],
            "put": [
                "operationId": "replaceRankOrderList",
                "summary": "Replace the order: every id once, each a program on your list for the year that is not withdrawn or rejected, at most the NRMP limit. Refused after the deadline. A certified list changed this way must be certified again.",
                "parameters": [year],
                "requestBody": Responses.body("RankOrderInput"),
                "responses": Responses.writes(["200": list]),
            ],
        ],
        APIRoute.rankListSupplemental.openAPIPath: [
            "put": [
                "operationId": "replaceSupplementalList",
                "summary": "Replace the supplemental PGY-1 list linked to a ranked (advanced) program: each id once, each a program on your list for the year that is not withdrawn or rejected, never the advanced program itself; an empty list removes it. The NRMP uses it only if you match that advanced program. Refused after the deadline; a certified list must then be certified again.",
                "parameters": [year],
                "requestBody": Responses.body("SupplementalListInput"),
                "responses": Responses.writes(["200": list]),
            ]
        ],
        APIRoute.rankListCertify.openAPIPath: [
            "post": [
                "operationId": "certifyRankOrderList", "summary": "Certify the list as it stands by typing your name as your account shows it; refused after the deadline or for an empty list.",
                "parameters": [year],
                "requestBody": Responses.body("RankCertificationInput"),
                "responses": Responses.writes(["200": list]),
            ]
        ],
        APIRoute.rankListSimulation.openAPIPath: [
            "get": [
                "operationId": "simulateRankOrderList",
                "summary": "Simulated seasons of a modelled market for your list: chance of matching, at each rank, by list length, with one more or one fewer. Uncalibrated; the assumptions come with the answer. 422 for an empty list.",
                "parameters": [year],
                "responses": ApplicationsPaths.responses([
                    "200": Responses.json("The simulation.", schema: Responses.schemaRef("RankListSimulation")), "400": Responses.ref("BadRequest"),
                    "404": Responses.ref("NotFound"), "422": Responses.ref("Unprocessable"),
                ]),
            ]
        ],
        APIRoute.rankListAdvisors.openAPIPath: [
            "get": [
                "operationId": "listRankListAdvisors", "summary": "The advisors you let see your rank order lists.",
                "responses": ApplicationsPaths.responses(["200": Responses.json("The shares.", schema: ["type": "array", "items": Responses.schemaRef("RankListShare")])]),
            ],
            "post": [
                "operationId": "shareRankLists", "summary": "Let an advisor (by their account's e-mail) read your rank order lists; refused for a non-advisor or one who can already.",
                "requestBody": Responses.body("RankListShareInput"),
                "responses": Responses.writes(["201": Responses.json("The share.", schema: Responses.schemaRef("RankListShare"))]),
            ],
        ],
        APIRoute.rankListAdvisor(.key).openAPIPath: [
            "delete": [
                "operationId": "unshareRankLists", "summary": "Stop letting that advisor see your lists.", "parameters": [shareID],
                "responses": ApplicationsPaths.responses(["204": ["description": "Stopped."], "404": Responses.ref("NotFound")]),
            ]
        ],
        APIRoute.advisorRankLists.openAPIPath: [
            "get": [
                "operationId": "listSharedRankLists", "summary": "Advisors: the applicants who let you see their rank order lists.",
                "responses": ApplicationsPaths.responses(["200": Responses.json("The shares.", schema: ["type": "array", "items": Responses.schemaRef("RankListShare")])]),
            ]
        ],
        APIRoute.advisorRankList(.key).openAPIPath: [
            "get": [
                "operationId": "getSharedRankList", "summary": "Advisors: one applicant's rank order list for a Match year, read only.", "parameters": [shareID, year],
                "responses": ApplicationsPaths.responses(["200": list, "400": Responses.ref("BadRequest"), "404": Responses.ref("NotFound")]),
            ]
        ],
        APIRoute.rankListCSV.openAPIPath: [
            "get": [
                "operationId": "downloadRankOrderList", "summary": "The list as CSV: rank, program, specialty, city, state, NRMP code.", "parameters": [year],
                "responses": ApplicationsPaths.responses([
                    "200": ["description": "CSV.", "content": ["text/csv": ["schema": ["type": "string"]]]], "400": Responses.ref("BadRequest"),
                    "404": Responses.ref("NotFound"),
                ]),
            ]
        ],
    ]

    /// Where a list stands against its certification (an applicant's list, or a partner's of a couple's pairs).
    static let certification: JSONValue = [
        "type": "object", "required": ["state"],
        "properties": [
            "state": Responses.enumeration(["never", "current", "stale"]), "certified_at": ApplicationsPaths.dateTime,
            "certified_by": ["type": "string"],
        ],
    ]

    static let schemas: JSONValue = [
        "RankOrderInput": [
            "type": "object", "required": ["program_ids"],
            "properties": ["program_ids": ["type": "array", "maxItems": .number(maximumRanks), "uniqueItems": true, "items": ["type": "string", "format": "uuid"]]],
        ],
        "SupplementalListInput": [
            "type": "object", "required": ["advanced_id", "program_ids"],
            "properties": [
                "advanced_id": ApplicationsPaths.uuid,
                "program_ids": ["type": "array", "maxItems": .number(maximumRanks), "uniqueItems": true, "items": ["type": "string", "format": "uuid"]],
            ],
        ],
        "RankListSimulation": [
            "type": "object",
            "required": ["seasons", "standing", "calibrated", "assumptions", "match_probability", "by_rank", "by_length", "with_one_more"],
            "properties": [
                "seasons": ["type": "integer"], "standing": ["type": "number"], "calibrated": ["type": "boolean"],
                "assumptions": ["type": "array", "items": ["type": "string"]], "match_probability": ["type": "number"],
                "expected_rank": ["type": ["number", "null"]], "by_rank": ["type": "array", "items": ["type": "number"]],
                "by_length": ["type": "array", "items": ["type": "number"]], "with_one_more": ["type": "number"],
                "with_one_fewer": ["type": ["number", "null"]],
            ],
        ],
        "RankListShareInput": ["type": "object", "required": ["email"], "properties": ["email": ["type": "string", "maxLength": .number(EmailAddress.maximumLength)]]],
        "RankListShare": [
            "type": "object", "required": ["id", "applicant", "advisor", "since"],
            "properties": ["id": ApplicationsPaths.uuid, "applicant": ["type": "string"], "advisor": ["type": "string"], "since": ApplicationsPaths.dateTime],
        ],
        "RankCertificationInput": ["type": "object", "required": ["name"], "properties": ["name": ["type": "string", "maxLength": .number(RankOrderList.maximumTypedName)]]],
        "RankOrderList": [
            "type": "object", "required": ["match_year", "maximum_ranks", "closed", "certification", "ranked", "rankable"],
            "properties": [
                "match_year": ["type": "integer"], "maximum_ranks": ["type": "integer"], "closed": ["type": "boolean"],
                "deadline": [
                    "type": ["object", "null"], "required": ["date", "confidence"],
                    "properties": [
                        "date": ApplicationsPaths.date, "time": ["type": ["string", "null"]], "source": ["type": ["string", "null"]],
                        "confidence": Responses.enumeration(SourceConfidence.allCases.map(\.rawValue)),
                    ],
                ],
                "certification": Self.certification,
                "ranked": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["rank", "program", "supplemental"],
                        "properties": [
                            "rank": ["type": "integer"], "program": Responses.schemaRef("ResidencyProgram"),
                            "supplemental": ["type": "array", "items": Responses.schemaRef("ResidencyProgram")],
                        ],
                    ],
                ],
                "rankable": ["type": "array", "items": Responses.schemaRef("ResidencyProgram")],
            ],
        ],
    ]
}
