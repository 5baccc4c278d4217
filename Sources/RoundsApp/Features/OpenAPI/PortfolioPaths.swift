import RoundsCore

/// OpenAPI paths and schemas of the portfolio, supervisor verification and placement evaluations.
enum PortfolioPaths {
    static let experienceID = ApplicationsPaths.pathID("experienceID")
    static let logID = ApplicationsPaths.pathID("logID")
    static let goalID = ApplicationsPaths.pathID("goalID")
    static let format: JSONValue = ["name": "format", "in": "path", "required": true, "schema": Responses.enumeration(["amcas", "eras"])]
    static let uuid = ApplicationsPaths.uuid
    static let dateTime = ApplicationsPaths.dateTime
    static let text: JSONValue = ["type": "string"]
    static let conflict = LettersPaths.conflict
    static let gone: JSONValue = [
        "description": "The link was used already, expired, or was replaced by a newer one.",
        "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
    ]

    static func responses(_ pairs: [String: JSONValue]) -> JSONValue { ApplicationsPaths.responses(pairs) }

    static let experience = Responses.json("The experience.", schema: Responses.schemaRef("Experience"))
    static let portfolio = Responses.json("The portfolio.", schema: Responses.schemaRef("Portfolio"))
    static func writes(_ success: [String: JSONValue]) -> JSONValue { Responses.writes(success) }

    static let paths: JSONValue = [
        APIRoute.portfolio.openAPIPath: [
            "get": [
                "operationId": "getPortfolio",
                "summary": "Your USCE summary, goals with progress, and experiences.",
                "responses": responses(["200": portfolio]),
            ]
        ],
        APIRoute.experiences.openAPIPath: [
            "post": [
                "operationId": "createExperience",
                "summary": "Add an experience (1–4 periods). Text passes the patient-identifier guard first.",
                "requestBody": Responses.body("ExperienceInput"),
                "responses": writes(["201": experience, "409": conflict]),
            ]
        ],
        APIRoute.experience(.key).openAPIPath: [
            "get": [
                "operationId": "getExperience", "summary": "One of your experiences.", "parameters": [experienceID],
                "responses": responses(["200": experience, "404": Responses.ref("NotFound")]),
            ],
            "put": [
                "operationId": "updateExperience",
                "summary": "Replace an experience. Changing a verified one's title, organization, supervisor or periods needs `reopen: true`, which drops the verification.",
                "parameters": [experienceID],
                "requestBody": Responses.body("ExperienceInput"),
                "responses": writes(["200": experience, "409": conflict]),
            ],
            "delete": [
                "operationId": "deleteExperience", "summary": "Delete an experience with its logs.", "parameters": [experienceID],
                "responses": responses(["204": ["description": "Deleted."], "404": Responses.ref("NotFound")]),
            ],
        ],
        APIRoute.experienceLogs(.key).openAPIPath: [
            "post": [
                "operationId": "logHours", "summary": "Log hours on a day inside one of the experience's periods.",
                "parameters": [experienceID], "requestBody": Responses.body("HourLogInput"), "responses": writes(["201": experience]),
            ]
        ],
        APIRoute.experienceLog(.key, .key).openAPIPath: [
            "delete": [
                "operationId": "deleteHourLog", "summary": "Delete an hour log.", "parameters": [experienceID, logID],
                "responses": responses(["200": experience, "404": Responses.ref("NotFound")]),
            ]
        ],
        APIRoute.experienceVerification(.key).openAPIPath: [
            "post": [
                "operationId": "requestVerification",
                "summary": "E-mail the supervisor a single-use link to confirm, correct or decline (at most one a day).",
                "parameters": [experienceID],
                "responses": responses([
                    "202": ["description": "Sent."], "404": Responses.ref("NotFound"), "409": conflict, "422": Responses.ref("Unprocessable"),
                    "429": ["description": "A request went out in the last day."],
                ]),
            ]
        ],
        APIRoute.experienceProcedures(.key).openAPIPath: [
            "post": [
                "operationId": "logProcedure", "summary": "Add a procedure or case (observed, assisted or performed) to the experience.",
                "parameters": [experienceID], "requestBody": Responses.body("ProcedureInput"),
                "responses": writes(["201": ["description": "Added."]]),
            ]
        ],
        APIRoute.goals.openAPIPath: [
            "put": [
                "operationId": "setGoal", "summary": "Set the hours goal for a scope (an AMCAS type, `clinical` or `all`).",
                "requestBody": Responses.body("GoalInput"), "responses": writes(["200": portfolio]),
            ]
        ],
        APIRoute.goal(.key).openAPIPath: [
            "delete": [
                "operationId": "deleteGoal", "summary": "Remove a goal.", "parameters": [goalID],
                "responses": responses(["204": ["description": "Removed."], "404": Responses.ref("NotFound")]),
            ]
        ],
        APIRoute.export(.key).openAPIPath: [
            "get": [
                "operationId": "checkExport", "summary": "Every experience marked for the export, checked against the service's limits.",
                "parameters": [format],
                "responses": responses(["200": Responses.json("The check.", schema: Responses.schemaRef("ExportCheck")), "404": Responses.ref("NotFound")]),
            ]
        ],
        APIRoute.exportCSV(.key).openAPIPath: [
            "get": [
                "operationId": "downloadExport", "summary": "The export as CSV; 422 naming every entry that does not fit.", "parameters": [format],
                "responses": responses([
                    "200": ["description": "CSV.", "content": ["text/csv": ["schema": ["type": "string"]]]], "404": Responses.ref("NotFound"),
                    "422": Responses.ref("Unprocessable"),
                ]),
            ]
        ],
        APIRoute.verification.openAPIPath: [
            "get": [
                "operationId": "openVerification", "summary": "For the supervisor: what their link asks them to confirm.",
                "security": [],
                "parameters": [["name": "token", "in": "query", "required": true, "schema": ["type": "string", "maxLength": 200]]],
                "responses": [
                    "200": Responses.json("The request.", schema: Responses.schemaRef("VerificationRequest")), "404": Responses.ref("NotFound"), "410": gone,
                    "429": ["description": "Too many wrong links from this address."],
                ],
            ],
            "post": [
                "operationId": "answerVerification",
                "summary": "For the supervisor: confirm, correct the hours, or decline, typing their name. The link works once.",
                "security": [],
                "requestBody": Responses.body("VerificationAnswer"),
                "responses": [
                    "204": ["description": "Recorded."], "400": Responses.ref("BadRequest"), "404": Responses.ref("NotFound"), "410": gone,
                    "415": Responses.ref("UnsupportedMediaType"), "422": Responses.ref("Unprocessable"), "429": ["description": "Too many wrong links from this address."],
                ],
            ],
        ],
        APIRoute.evaluation(.key).openAPIPath: [
            "post": [
                "operationId": "evaluatePlacement", "summary": "Hosts: evaluate a completed placement once, scoring the six ACGME competency domains on Rounds' own 1–5 scale (not ACGME Milestones levels).",
                "parameters": [ApplicationsPaths.pathID("applicationID")],
                "requestBody": Responses.body("EvaluationInput"),
                "responses": writes(["201": ["description": "Recorded."], "409": conflict]),
            ]
        ],
    ]

    static let range: JSONValue = [
        "type": "object", "required": ["start"],
        "properties": [
            "start": ["type": "string", "format": "date"], "end": ["type": "string", "format": "date"],
            "prior_hours": ["type": "integer", "minimum": 0, "maximum": .number(ExperienceDraft.maximumHoursPerRange)],
            "anticipated_hours": ["type": "integer", "minimum": 0, "maximum": .number(ExperienceDraft.maximumHoursPerRange)],
        ],
    ]

    /// A choice the experience may leave out: the forms send "" for "not given", and so may the API.
    static func optionalChoice(_ values: [String]) -> JSONValue { Responses.enumeration([""] + values) }

    static let experienceProperties: [String: JSONValue] = [
        "title": ["type": "string", "minLength": 1, "maxLength": .number(ExperienceDraft.maximumTextLength)],
        "organization": ["type": "string", "minLength": 1, "maxLength": .number(ExperienceDraft.maximumTextLength)],
        "city": text, "state": text, "country": text,
        "amcas_type": Responses.enumeration(AMCASExperienceType.allCases.map(\.rawValue)),
        "eras_type": optionalChoice(ERASExperienceType.allCases.map(\.rawValue)),
        "setting": optionalChoice(ClinicalSetting.allCases.map(\.rawValue)),
        "eras_setting": optionalChoice(ERASSetting.allCases.map(\.rawValue)),
        "focus_area": optionalChoice(ERASFocusArea.allCases.map(\.rawValue)),
        "frequency": optionalChoice(ERASFrequency.allCases.map(\.rawValue)),
        "key_characteristic": optionalChoice(ERASKeyCharacteristic.allCases.map(\.rawValue)),
        "specialty_id": text, "hands_on": ["type": "boolean"],
        "supervisor_name": text, "supervisor_title": text, "supervisor_email": text,
        "description": ["type": "string", "maxLength": .number(ExperienceDraft.maximumDescription)],
        "amcas_most_meaningful": ["type": "boolean"],
        "amcas_reflection": ["type": "string", "maxLength": .number(ApplicationFormats.AMCAS.maximumMostMeaningfulExtra)],
        "eras_most_meaningful": ["type": "boolean"],
        "eras_reflection": ["type": "string", "maxLength": .number(ApplicationFormats.ERAS.maximumReflection)],
    ]

    static let schemas: JSONValue = [
        "ExperienceInput": .object(
            [
                ("type", "object"), ("required", ["title", "organization", "amcas_type", "ranges"]),
                (
                    "properties",
                    .object(
                        (experienceProperties.merging([
                            "ranges": ["type": "array", "minItems": 1, "maxItems": .number(ApplicationFormats.AMCAS.maximumDateRanges), "items": range],
                            "reopen": ["type": "boolean"],
                        ]) { first, _ in first }).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                    )
                ),
            ]
        ),
        "Experience": .object(
            [
                ("type", "object"), ("required", ["id", "title", "organization", "amcas_type", "eras_type", "ranges", "completed_hours", "logs"]),
                (
                    "properties",
                    .object(
                        (experienceProperties.merging([
                            "id": uuid, "in_amcas": ["type": "boolean"], "in_eras": ["type": "boolean"], "application_id": uuid,
                            "completed_hours": ["type": "integer"], "anticipated_hours": ["type": "integer"],
                            "ranges": ["type": "array", "items": ["type": "object"]],
                            "logs": [
                                "type": "array",
                                "items": ["type": "object", "properties": ["id": uuid, "day": ["type": "string", "format": "date"], "hours": ["type": "number"], "activities": text]],
                            ],
                            "verification": ["type": "object", "properties": ["verified_by": text, "verified_at": dateTime, "hours": ["type": "integer"]]],
                            "procedures": [
                                "type": "array",
                                "items": ["type": "object", "properties": ["procedure": text, "role": Responses.enumeration(ProcedureRole.allCases.map(\.rawValue)), "count": ["type": "integer"]]],
                            ],
                            "evaluation": ["type": "object", "properties": ["scores": ["type": "object"], "comments": text, "at": dateTime]],
                        ]) { first, _ in first }).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                    )
                ),
            ]
        ),
        "HourLogInput": [
            "type": "object", "required": ["day", "hours"],
            "properties": [
                "day": ["type": "string", "format": "date"], "hours": ["type": "number", "exclusiveMinimum": 0, "maximum": 24, "multipleOf": .decimal(0.25)],
                "activities": ["type": "string", "maxLength": .number(HourLogDraft.maximumActivities)],
            ],
        ],
        "ProcedureInput": [
            "type": "object", "required": ["procedure", "role", "count"],
            "properties": [
                "procedure": ["type": "string", "minLength": 1, "maxLength": 120], "role": Responses.enumeration(ProcedureRole.allCases.map(\.rawValue)),
                "count": ["type": "integer", "minimum": 1, "maximum": 1_000],
            ],
        ],
        "GoalInput": [
            "type": "object", "required": ["scope", "target_hours"],
            "properties": [
                "scope": Responses.enumeration(["all", "clinical"] + AMCASExperienceType.allCases.map(\.rawValue)),
                "target_hours": ["type": "integer", "minimum": 1, "maximum": 10_000],
            ],
        ],
        "Portfolio": [
            "type": "object", "required": ["summary", "goals", "experiences"],
            "properties": [
                "summary": ["type": "object"], "goals": ["type": "array", "items": ["type": "object"]],
                "experiences": ["type": "array", "items": Responses.schemaRef("Experience")],
            ],
        ],
        "ExportCheck": [
            "type": "object", "required": ["format", "valid", "problems", "notices", "entries"],
            "properties": [
                "format": Responses.enumeration(["amcas", "eras"]), "valid": ["type": "boolean"], "problems": ["type": "array", "items": text],
                "notices": ["type": "array", "items": text, "description": "What Rounds cannot decide (a rule whose value is not known); never makes valid false."],
                "entries": ["type": "array", "items": ["type": "object", "properties": ["title": text, "problems": ["type": "array", "items": text]]]],
            ],
        ],
        "VerificationRequest": [
            "type": "object", "required": ["applicant_name", "experience", "organization", "completed_hours", "expires_at"],
            "properties": [
                "applicant_name": text, "experience": text, "organization": text, "completed_hours": ["type": "integer"], "expires_at": dateTime,
            ],
        ],
        "VerificationAnswer": [
            "type": "object", "required": ["token", "outcome", "typed_name"],
            "properties": [
                "token": text, "outcome": Responses.enumeration(VerificationAnswerDraft.Outcome.allCases.map(\.rawValue)),
                "typed_name": ["type": "string", "minLength": 2, "maxLength": 120],
                "hours": [
                    "type": "integer", "minimum": 0, "maximum": .number(ExperienceDraft.maximumHoursPerRange * 4),
                    "description": "With outcome corrected: the hours you stand behind, at most the experience's completed hours.",
                ],
                "note": ["type": "string", "maxLength": .number(VerificationAnswerDraft.maximumNote)],
            ],
        ],
        "EvaluationInput": [
            "type": "object", "required": ["scores"],
            "properties": [
                "scores": .object(
                    [
                        ("type", "object"), ("required", .array(Competency.allCases.map { .string($0.rawValue) })),
                        ("properties", .object(Competency.allCases.map { ($0.rawValue, ["type": "integer", "minimum": 1, "maximum": 5]) })),
                    ]
                ),
                "comments": ["type": "string", "maxLength": 2_000],
            ],
        ],
    ]
}
