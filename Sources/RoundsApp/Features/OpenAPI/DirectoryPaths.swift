import RoundsCore

/// OpenAPI paths and schemas of the residency program directory.
enum DirectoryPaths {
    static let programID = ApplicationsPaths.pathID("directoryProgramID")
    static let text: JSONValue = ["type": "string"]
    static let nullableText: JSONValue = ["type": ["string", "null"]]

    static func responses(_ pairs: [String: JSONValue]) -> JSONValue { ApplicationsPaths.responses(pairs) }

    static let searchParameters: JSONValue = [
        // An empty value means "any", as the page's form sends it.
        ["name": "specialty", "in": "query", "required": false, "schema": Responses.enumeration([""] + ResidencyPaths.specialties)],
        ["name": "state", "in": "query", "required": false, "schema": Responses.enumeration([""] + USStates.codes.sorted())],
        ["name": "zip", "in": "query", "required": false, "description": "Programs near this US ZIP code (sorted by distance).", "schema": ["type": "string", "pattern": "^([0-9]{5})?$"]],
        [
            "name": "miles", "in": "query", "required": false, "description": "Only programs within this distance of zip (which it needs).",
            "schema": Responses.enumeration([""] + DirectoryQuery.mileChoices.map(String.init)),
        ],
        ["name": "visa", "in": "query", "required": false, "schema": Responses.enumeration([""] + DirectorySearch.Visa.allCases.map(\.rawValue))],
        [
            "name": "verdict[]", "in": "query", "required": false, "description": "Only programs with these verdicts.",
            "schema": ["type": "array", "items": Responses.enumeration([""] + ProgramScreening.Verdict.allCases.map(\.rawValue))],
        ],
        ["name": "page", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1, "maximum": .number(DirectoryQuery.maximumPage)]],
    ]

    static let csv: JSONValue = ["description": "CSV in the import's columns.", "content": ["text/csv": ["schema": ["type": "string"]]]]

    static let paths: JSONValue = [
        APIRoute.directory.openAPIPath: [
            "get": [
                "operationId": "searchDirectory",
                "summary": "Residency programs screened against your profile, planner visa aim and verified US clinical experience: eligible, unknown, borderline or not eligible, each reason with its field and source. Best verdicts first, then distance.",
                "parameters": searchParameters,
                "responses": responses([
                    "200": Responses.json("A page of programs.", schema: Responses.schemaRef("DirectorySearch")), "400": Responses.ref("BadRequest"),
                    "422": Responses.ref("Unprocessable"),
                ]),
            ]
        ],
        APIRoute.directoryProgram(.key).openAPIPath: [
            "get": [
                "operationId": "getDirectoryProgram", "summary": "One program with your verdict and its reasons.", "parameters": [programID],
                "responses": responses(["200": Responses.json("The program.", schema: Responses.schemaRef("ScreenedProgram")), "404": Responses.ref("NotFound")]),
            ]
        ],
        APIRoute.addDirectoryProgram(.key).openAPIPath: [
            "post": [
                "operationId": "addDirectoryProgramToList",
                "summary": "Add the program to your program list for a Match year (your default year when absent), as considering. Refused when it is on that list already.",
                "parameters": [programID],
                "requestBody": ["required": false, "content": ["application/json": ["schema": Responses.schemaRef("DirectoryAddInput")]]],
                "responses": Responses.writes(["201": Responses.json("The program on your list.", schema: Responses.schemaRef("ResidencyProgram"))]),
            ]
        ],
        APIRoute.adminDirectory.openAPIPath: [
            "get": [
                "operationId": "listDirectory", "summary": "Administrators and advisors: every program in the directory.",
                "responses": responses(["200": Responses.json("The programs.", schema: ["type": "array", "items": Responses.schemaRef("DirectoryProgram")])]),
            ],
            "post": [
                "operationId": "createDirectoryProgram",
                "summary": "Administrators and advisors: add a program. Fields are the CSV's columns; a screening value needs its source, check date and checker.",
                "requestBody": Responses.body("DirectoryProgramInput"),
                "responses": Responses.writes(["201": Responses.json("The program.", schema: Responses.schemaRef("DirectoryProgram"))]),
            ],
        ],
        APIRoute.adminDirectoryProgram(.key).openAPIPath: [
            "get": [
                "operationId": "getDirectoryEntry", "summary": "Administrators and advisors: one program with its change log (newest first).", "parameters": [programID],
                "responses": responses(["200": Responses.json("The program and its log.", schema: Responses.schemaRef("DirectoryEntry")), "404": Responses.ref("NotFound")]),
            ],
            "put": [
                "operationId": "updateDirectoryProgram", "summary": "Administrators and advisors: replace a program's fields; each change is logged.", "parameters": [programID],
                "requestBody": Responses.body("DirectoryProgramInput"),
                "responses": Responses.writes(["200": Responses.json("The program.", schema: Responses.schemaRef("DirectoryProgram"))]),
            ],
        ],
        APIRoute.adminDirectoryImport.openAPIPath: [
            "post": [
                "operationId": "importDirectory",
                "summary": "Administrators and advisors: import a CSV whole or not at all (422 names every bad cell by line and column). A row naming a listed program updates it.",
                "requestBody": ["required": true, "content": ["text/csv": ["schema": ["type": "string"]]]],
                "responses": Responses.writes(["200": Responses.json("What the import did.", schema: Responses.schemaRef("DirectoryImport"))]),
            ]
        ],
        APIRoute.adminDirectoryExport.openAPIPath: [
            "get": ["operationId": "exportDirectory", "summary": "Administrators and advisors: the directory as CSV, in the import's format.", "responses": responses(["200": csv])]
        ],
    ]

    static var inputProperties: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("name", ["type": "string", "maxLength": 200]), ("specialty", Responses.enumeration(ResidencyPaths.specialties)),
            ("sponsoring_institution", ["type": "string", "maxLength": 200]), ("city", ["type": "string", "maxLength": 100]),
            ("state", ["type": "string", "description": "USPS state or territory code."]), ("zip", ["type": "string", "description": "A US ZIP code in the state."]),
            ("acgme_id", ["type": "string", "maxLength": 20]), ("nrmp_code", ["type": "string", "description": "7 digits, a letter and a digit; or empty."]),
            ("application_service", Responses.enumeration(DirectoryProgram.Service.allCases.map(\.rawValue))),
            ("positions", ["type": "string", "description": "A whole number from 1 to 500, or empty."]),
            ("ccn", ["type": "string", "description": "A CMS certification number from the CMS hospital list, or empty."]),
            ("usce_hands_on", Responses.enumeration(["", "yes", "no"])),
        ]
        for field in ScreeningField.allCases {
            let name = field.rawValue
            let value: JSONValue = ["type": "string", "description": .string("Empty: unknown. Otherwise \(field.expected).")]
            let source: JSONValue = ["type": "string", "maxLength": .number(ScreeningField.maximumSourceLength), "description": "The page the value was read from (http or https)."]
            let day: JSONValue = ["type": "string", "description": "YYYY-MM-DD."]
            let checker: JSONValue = ["type": "string", "maxLength": .number(ScreeningField.maximumVerifierLength)]
            pairs += [(name, value), ("\(name)_source", source), ("\(name)_verified_on", day), ("\(name)_verified_by", checker)
            ]
        }
        return .object(pairs)
    }

    static var programProperties: JSONValue {
        [
            "id": ApplicationsPaths.uuid, "name": text, "specialty": text, "sponsoring_institution": text, "city": text, "state": text, "zip": text,
            "acgme_id": nullableText, "nrmp_code": nullableText, "application_service": Responses.enumeration(DirectoryProgram.Service.allCases.map(\.rawValue)),
            "positions": ["type": ["integer", "null"]], "ccn": nullableText,
            "hospital": [
                "type": ["object", "null"], "required": ["ccn", "name", "address", "city", "state", "zip", "source"],
                "properties": ["ccn": text, "name": text, "address": text, "city": text, "state": text, "zip": text, "source": text],
            ],
            "usce_hands_on": ["type": "boolean"],
            "facts": [
                "type": "array", "description": "Known screening facts only: an absent field is unknown.",
                "items": [
                    "type": "object", "required": ["field", "value", "source", "verified_on", "verified_by"],
                    "properties": [
                        "field": Responses.enumeration(ScreeningField.allCases.map(\.rawValue)), "value": text, "source": text,
                        "verified_on": ApplicationsPaths.date, "verified_by": text,
                    ],
                ],
            ],
        ]
    }

    static var schemas: JSONValue {
        [
            "DirectoryAddInput": ["type": "object", "properties": ["year": ["type": "integer", "minimum": 2000, "maximum": 2100]]],
            "DirectoryProgramInput": ["type": "object", "required": ["name", "specialty", "sponsoring_institution", "city", "state", "zip", "application_service"], "additionalProperties": false, "properties": inputProperties],
            "DirectoryProgram": [
                "type": "object", "required": ["id", "name", "specialty", "sponsoring_institution", "city", "state", "zip", "application_service", "usce_hands_on", "facts"],
                "properties": programProperties,
            ],
            "ScreenedProgram": [
                "type": "object", "required": ["program", "verdict", "reasons", "on_list"],
                "properties": [
                    "program": Responses.schemaRef("DirectoryProgram"), "verdict": Responses.enumeration(ProgramScreening.Verdict.allCases.map(\.rawValue)),
                    "miles": ["type": ["number", "null"]], "on_list": ["type": "boolean"],
                    "reasons": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["field", "verdict", "text"],
                            "properties": ["field": text, "verdict": Responses.enumeration(ProgramScreening.Verdict.allCases.map(\.rawValue)), "text": text, "source": nullableText],
                        ],
                    ],
                ],
            ],
            "DirectorySearch": [
                "type": "object", "required": ["total", "page", "per_page", "has_profile", "programs"],
                "properties": [
                    "total": ["type": "integer"], "page": ["type": "integer"], "per_page": ["type": "integer"], "has_profile": ["type": "boolean"],
                    "programs": ["type": "array", "items": Responses.schemaRef("ScreenedProgram")],
                ],
            ],
            "DirectoryEntry": [
                "type": "object", "required": ["program", "changes"],
                "properties": [
                    "program": Responses.schemaRef("DirectoryProgram"),
                    "changes": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["changed_at", "changed_by", "field", "old", "new", "source"],
                            "properties": ["changed_at": ApplicationsPaths.dateTime, "changed_by": text, "field": text, "old": text, "new": text, "source": text],
                        ],
                    ],
                ],
            ],
            "DirectoryImport": [
                "type": "object", "required": ["added", "updated", "unchanged"],
                "properties": ["added": ["type": "integer"], "updated": ["type": "integer"], "unchanged": ["type": "integer"]],
            ],
        ]
    }
}
