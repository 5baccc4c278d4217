import RoundsCore

/// OpenAPI paths and schemas of the residency planner.
enum ResidencyPaths {
    static let programID = ApplicationsPaths.pathID("residencyProgramID")
    static let year: JSONValue = [
        "name": "year", "in": "query", "required": false,
        "description": "The Match year; absent means your target year, or the first season whose Match Day is ahead. A year Rounds has no season data for answers 404.",
        "schema": ["type": "integer", "minimum": 2000, "maximum": 2100],
    ]
    static let task: JSONValue = ["name": "task", "in": "path", "required": true, "schema": Responses.enumeration(PlanTaskKind.allCases.map(\.rawValue))]
    static let text: JSONValue = ["type": "string"]
    static let nullableText: JSONValue = ["type": ["string", "null"]]
    static let program = Responses.json("The program.", schema: Responses.schemaRef("ResidencyProgram"))
    /// The specialties the list accepts: the app's own list (start-up stops if the files did not read).
    static let specialties: [String] = Specialties.residency.all.map(\.name)

    static func responses(_ pairs: [String: JSONValue]) -> JSONValue { ApplicationsPaths.responses(pairs) }

    static func writes(_ success: [String: JSONValue]) -> JSONValue { Responses.writes(success) }

    static let paths: JSONValue = [
        APIRoute.residencyPlan.openAPIPath: [
            "get": [
                "operationId": "getResidencyPlan",
                "summary": "Your plan for a Match year: milestones, tasks with the rule and source of each due date, the fee estimate and interview clashes. Unpublished dates are null.",
                "parameters": [year],
                "responses": responses([
                    "200": Responses.json("The plan.", schema: Responses.schemaRef("ResidencyPlan")), "400": Responses.ref("BadRequest"),
                    "404": Responses.ref("NotFound"),
                ]),
            ]
        ],
        APIRoute.residencySettings.openAPIPath: [
            "put": [
                "operationId": "saveResidencySettings",
                "summary": "Your planner settings: H-1B aim (adds Step 3), e-mail reminders a number of days before each due date (null: none), weekly digest.",
                "requestBody": Responses.body("ResidencySettings"),
                "responses": writes(["200": Responses.json("The saved settings.", schema: Responses.schemaRef("ResidencySettings"))]),
            ]
        ],
        APIRoute.residencyCalendar.openAPIPath: [
            "post": [
                "operationId": "makeResidencyCalendar",
                "summary": "A new secret iCalendar feed address for your plan (any earlier address stops working). Shown once: only its hash is kept.",
                "responses": responses([
                    "201": Responses.json(
                        "The feed address.", schema: ["type": "object", "required": ["url"], "properties": ["url": ["type": "string"]]])
                ]),
            ],
            "delete": [
                "operationId": "revokeResidencyCalendar", "summary": "Turn your calendar feed off (its address answers 404).",
                "responses": responses(["204": ["description": "Turned off."]]),
            ],
        ],
        APIRoute.seasonCorrections.openAPIPath: [
            "get": [
                "operationId": "listSeasonCorrections", "summary": "Administrators: every correction of a season milestone, newest first.",
                "responses": responses(["200": Responses.json("The change log.", schema: ["type": "array", "items": Responses.schemaRef("SeasonCorrection")])]),
            ],
            "post": [
                "operationId": "correctSeasonMilestone",
                "summary": "Administrators: correct a milestone (date null = not published) with its source; refused without a source unless inferred, or when the season's dates would fall out of order.",
                "requestBody": Responses.body("SeasonCorrectionInput"),
                "responses": writes(["201": Responses.json("The correction.", schema: Responses.schemaRef("SeasonCorrection"))]),
            ],
        ],
        APIRoute.residencyTask(.key).openAPIPath: [
            "put": [
                "operationId": "tickResidencyTask",
                "summary": "Mark a task you do outside Rounds (ECFMG token, NRMP registration, Step 3, letters, statements, rank list) done or not done.",
                "parameters": [task, year],
                "requestBody": Responses.body("ResidencyTaskTick"),
                "responses": writes(["204": ["description": "Saved."]]),
            ]
        ],
        APIRoute.residencyPrograms.openAPIPath: [
            "get": [
                "operationId": "listResidencyPrograms", "summary": "Your program list for a Match year.", "parameters": [year],
                "responses": responses([
                    "200": Responses.json("The programs.", schema: ["type": "array", "items": Responses.schemaRef("ResidencyProgram")]),
                    "400": Responses.ref("BadRequest"), "404": Responses.ref("NotFound"),
                ]),
            ],
            "post": [
                "operationId": "addResidencyProgram",
                "summary": "Add a program to your list. Refused: a duplicate (same name and specialty), an interview status without a date, a signal past the specialty's budget.",
                "parameters": [year],
                "requestBody": Responses.body("ResidencyProgramInput"),
                "responses": writes(["201": program]),
            ],
        ],
        APIRoute.residencyProgram(.key).openAPIPath: [
            "get": [
                "operationId": "getResidencyProgram", "summary": "One program on your list.", "parameters": [programID],
                "responses": responses(["200": program, "404": Responses.ref("NotFound")]),
            ],
            "put": [
                "operationId": "updateResidencyProgram",
                "summary": "Replace a program's details. Statuses move forward, one step back, or to rejected/withdrawn (and from those back to considering).",
                "parameters": [programID],
                "requestBody": Responses.body("ResidencyProgramInput"),
                "responses": writes(["200": program]),
            ],
            "delete": [
                "operationId": "deleteResidencyProgram", "summary": "Remove a program from your list.", "parameters": [programID],
                "responses": responses(["204": ["description": "Removed."], "404": Responses.ref("NotFound")]),
            ],
        ],
    ]

    static let source: JSONValue = [
        "type": "object", "required": ["confidence"],
        "properties": [
            "url": nullableText, "confidence": Responses.enumeration(SourceConfidence.allCases.map(\.rawValue)), "holds_for": nullableText,
            "note": nullableText,
        ],
    ]

    static let schemas: JSONValue = [
        "ResidencyTaskTick": ["type": "object", "required": ["done"], "properties": ["done": ["type": "boolean"]]],
        "SeasonCorrectionInput": [
            "type": "object", "required": ["match_year", "milestone", "confidence"],
            "properties": [
                "match_year": ["type": "integer", "minimum": 2000, "maximum": 2100],
                "milestone": Responses.enumeration(MilestoneKind.allCases.map(\.rawValue)),
                "date": ["type": "string", "description": "YYYY-MM-DD; absent or null: not published."],
                "time": ["type": "string", "description": "HH:MM, US Eastern."],
                "source": ["type": "string", "maxLength": .number(SeasonCorrectionController.CorrectionForm.maximumSourceLength)],
                "confidence": Responses.enumeration(SourceConfidence.allCases.map(\.rawValue)),
                "note": ["type": "string", "maxLength": .number(SeasonCorrectionController.CorrectionForm.maximumNoteLength)],
            ],
        ],
        "SeasonCorrection": [
            "type": "object", "required": ["id", "match_year", "milestone", "confidence", "note", "previous", "changed_at"],
            "properties": [
                "id": ApplicationsPaths.uuid, "match_year": ["type": "integer"], "milestone": Responses.enumeration(MilestoneKind.allCases.map(\.rawValue)),
                "date": ["type": ["string", "null"], "format": "date"], "time": nullableText, "source": nullableText,
                "confidence": Responses.enumeration(SourceConfidence.allCases.map(\.rawValue)), "note": text, "previous": text,
                "changed_by": nullableText, "changed_at": ApplicationsPaths.dateTime,
            ],
        ],
        "ResidencySettings": [
            "type": "object", "required": ["wants_h1b", "weekly_digest"],
            "properties": [
                "wants_h1b": ["type": "boolean"], "weekly_digest": ["type": "boolean"],
                "reminder_days": [
                    "type": ["integer", "null"], "minimum": .number(ReminderRule.dayChoices.min()!), "maximum": .number(ReminderRule.dayChoices.max()!),
                    "enum": .array(ReminderRule.dayChoices.map { .number($0) } + [.null]),
                ],
            ],
        ],
        "ResidencyProgramInput": [
            "type": "object",
            "required": ["name", "specialty"],
            "description": "Strings are checked as sent (lengths before trimming). interview_date is YYYY-MM-DD, interview_time HH:MM; an interview status needs the date.",
            "properties": [
                "name": ["type": "string", "maxLength": .number(ResidencyProgramDraft.maximumNameLength)],
                "specialty": Responses.enumeration(specialties),
                "city": ["type": "string", "maxLength": .number(ResidencyProgramDraft.maximumCityLength)],
                "state": ["type": "string", "description": "Two-letter state code, or empty."],
                "nrmp_code": ["type": "string", "maxLength": 11, "description": "9 to 11 characters: 7 digits, the program type letter (C, M, P, A or R) and a 1- to 3-digit track, e.g. 1234140C0; or empty."],
                "position_type": Responses.enumeration([""] + PositionType.allCases.map(\.rawValue)),
                "status": Responses.enumeration(ProgramListStatus.allCases.map(\.rawValue)),
                "interview_date": text,
                "interview_time": text,
                "interview_time_zone": Responses.enumeration(ResidencyProgramDraft.timeZones),
                "interview_format": Responses.enumeration([""] + InterviewFormat.allCases.map(\.rawValue)),
                "signal": Responses.enumeration([""] + SignalTier.allCases.map(\.rawValue)),
                "notes": ["type": "string", "maxLength": .number(ResidencyProgramDraft.maximumNotesLength)],
            ],
        ],
        "ResidencyProgram": [
            "type": "object",
            "required": ["id", "match_year", "name", "specialty", "city", "state", "status", "notes"],
            "properties": [
                "id": ApplicationsPaths.uuid, "match_year": ["type": "integer"], "name": text, "specialty": text, "city": text, "state": text,
                "nrmp_code": nullableText, "position_type": Responses.nullableEnumeration(PositionType.allCases.map(\.rawValue)),
                "status": Responses.enumeration(ProgramListStatus.allCases.map(\.rawValue)),
                "interview_date": ["type": ["string", "null"], "format": "date"], "interview_time": nullableText,
                "interview_time_zone": nullableText, "interview_format": Responses.nullableEnumeration(InterviewFormat.allCases.map(\.rawValue)),
                "signal": Responses.nullableEnumeration(SignalTier.allCases.map(\.rawValue)), "notes": text,
                "rank": ["type": ["integer", "null"], "description": "Place on the rank order list; null when not ranked."],
                "directory_program_id": ["type": ["string", "null"], "format": "uuid"],
            ],
        ],
        "ResidencyPlan": [
            "type": "object",
            "required": ["match_year", "seasons", "wants_h1b", "weekly_digest", "milestones", "tasks", "fees", "clashes"],
            "properties": [
                "match_year": ["type": "integer"],
                "reminder_days": ["type": ["integer", "null"]],
                "weekly_digest": ["type": "boolean"],
                "seasons": ["type": "array", "items": ["type": "integer"]],
                "wants_h1b": ["type": "boolean"],
                "milestones": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["kind", "title", "time_zone"],
                        "properties": [
                            "kind": Responses.enumeration(MilestoneKind.allCases.map(\.rawValue)), "title": text,
                            "date": ["type": ["string", "null"], "format": "date", "description": "Null: not published."],
                            "time": nullableText, "time_zone": text, "source": ["anyOf": [source, ["type": "null"]]],
                        ],
                    ],
                ],
                "tasks": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["task", "title", "due_milestone", "state", "rule", "source", "tickable"],
                        "properties": [
                            "task": Responses.enumeration(PlanTaskKind.allCases.map(\.rawValue)), "title": text,
                            "due_milestone": Responses.enumeration(MilestoneKind.allCases.map(\.rawValue)),
                            "due_date": ["type": ["string", "null"], "format": "date"],
                            "state": Responses.enumeration(["done", "open", "overdue", "not_applicable"]), "detail": nullableText, "rule": text,
                            "source": source, "checked": ["type": ["string", "null"], "format": "date"], "tickable": ["type": "boolean"],
                        ],
                    ],
                ],
                "fees": [
                    "type": "object", "required": ["specialties", "lines", "total"],
                    "properties": [
                        "eras_season_used": ["type": ["integer", "null"]], "eras_source": ["anyOf": [source, ["type": "null"]]],
                        "specialties": [
                            "type": "array",
                            "items": [
                                "type": "object", "required": ["specialty", "programs", "amount", "next_program"],
                                "properties": ["specialty": text, "programs": ["type": "integer"], "amount": ["type": "integer"], "next_program": ["type": "integer"]],
                            ],
                        ],
                        "lines": [
                            "type": "array",
                            "items": [
                                "type": "object", "required": ["label", "amount", "source"],
                                "properties": ["label": text, "amount": ["type": "integer"], "source": source],
                            ],
                        ],
                        "total": ["type": "integer"],
                    ],
                ],
                "clashes": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["date", "program_ids"],
                        "properties": ["date": ["type": "string", "format": "date"], "program_ids": ["type": "array", "items": ApplicationsPaths.uuid]],
                    ],
                ],
            ],
        ],
    ]
}
