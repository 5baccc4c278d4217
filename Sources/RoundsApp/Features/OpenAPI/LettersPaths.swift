import RoundsCore

/// OpenAPI paths and schemas of letters of recommendation, programs and the letter read log.
enum LettersPaths {
    static let letterID = ApplicationsPaths.pathID("letterID")
    static let programID = ApplicationsPaths.pathID("programID")
    static let uuid = ApplicationsPaths.uuid
    static let dateTime = ApplicationsPaths.dateTime
    static let conflict: JSONValue = [
        "description": "The request is not in a state that allows this, or changed meanwhile.",
        "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
    ]
    static let gone: JSONValue = [
        "description": "The link is known but no longer works: expired, withdrawn by the applicant, or declined.",
        "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
    ]
    static let pdf: JSONValue = ["description": "The letter (PDF). The read is logged.", "content": ["application/pdf": ["schema": ["type": "string", "format": "binary"]]]]
    /// The writer's link is the credential: no account, no bearer token.
    static let anonymous: JSONValue = []

    static func responses(_ pairs: [String: JSONValue]) -> JSONValue { ApplicationsPaths.responses(pairs) }

    static func writerResponses(_ pairs: [String: JSONValue]) -> JSONValue {
        .object(pairs.merging(["429": ["description": "Too many wrong links from this address; wait and try again."]]) { first, _ in first }
            .sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    static let letter = Responses.json("The letter request.", schema: Responses.schemaRef("Letter"))
    static let linkView = Responses.json("What the link shows.", schema: Responses.schemaRef("LetterLink"))

    static let paths: JSONValue = [
        APIRoute.letters.openAPIPath: [
            "get": [
                "operationId": "listLetters",
                "summary": "Your letter requests, newest first.",
                "responses": responses(["200": Responses.json("Your requests.", schema: ["type": "array", "items": Responses.schemaRef("Letter")])]),
            ],
            "post": [
                "operationId": "requestLetter",
                "summary": "Ask a writer for a letter. The waiver (`waive` or `keep`) is recorded now and never changes; the writer is e-mailed a link of their own.",
                "requestBody": Responses.body("LetterRequestInput"),
                "responses": responses([
                    "201": letter, "400": Responses.ref("BadRequest"), "409": conflict,
                    "415": Responses.ref("UnsupportedMediaType"), "422": Responses.ref("Unprocessable"),
                ]),
            ],
        ],
        APIRoute.letter(.key).openAPIPath: [
            "get": [
                "operationId": "getLetter",
                "summary": "One of your requests, with the programs its letter is assigned to.",
                "parameters": [letterID],
                "responses": responses(["200": letter, "404": Responses.ref("NotFound")]),
            ]
        ],
        APIRoute.remindLetter(.key).openAPIPath: [
            "post": [
                "operationId": "remindLetterWriter",
                "summary": "E-mail the writer a new link (the old one stops working); renews an expired request. At most every three days.",
                "parameters": [letterID],
                "responses": responses(["200": letter, "404": Responses.ref("NotFound"), "409": conflict, "429": ["description": "Reminded too recently."]]),
            ]
        ],
        APIRoute.revokeLetter(.key).openAPIPath: [
            "post": [
                "operationId": "revokeLetterRequest",
                "summary": "Withdraw a request the writer has not answered; the link stops working.",
                "parameters": [letterID],
                "responses": responses(["200": letter, "404": Responses.ref("NotFound"), "409": conflict]),
            ]
        ],
        APIRoute.letterFile(.key).openAPIPath: [
            "get": [
                "operationId": "readOwnLetter",
                "summary": "The uploaded letter, only if you did not waive your right to see it; 409 while none is uploaded.",
                "parameters": [letterID],
                "responses": responses(["200": pdf, "404": Responses.ref("NotFound"), "409": conflict]),
            ]
        ],
        APIRoute.letterAssignments(.key).openAPIPath: [
            "post": [
                "operationId": "assignLetter",
                "summary": "Send an uploaded letter to a program; a program receives at most four of your letters.",
                "parameters": [letterID],
                "requestBody": Responses.body("LetterAssignmentInput"),
                "responses": responses([
                    "200": letter, "400": Responses.ref("BadRequest"), "404": Responses.ref("NotFound"), "409": conflict,
                    "415": Responses.ref("UnsupportedMediaType"), "422": Responses.ref("Unprocessable"),
                ]),
            ]
        ],
        APIRoute.letterAssignment(.key, program: .key).openAPIPath: [
            "delete": [
                "operationId": "unassignLetter",
                "summary": "Take a letter back from a program; 409 once you applied to that program with it.",
                "parameters": [letterID, programID],
                "responses": responses(["200": letter, "404": Responses.ref("NotFound"), "409": conflict]),
            ]
        ],
        APIRoute.letterProgramApplication(.key, program: .key).openAPIPath: [
            "post": [
                "operationId": "applyWithLetters",
                "summary": "Submit your application to the program this letter is assigned to, with every letter assigned there. As in ERAS, those letters then stay with the application (not removable from the program) and their writers can no longer replace them; 409 if you already applied.",
                "parameters": [letterID, programID],
                "responses": responses(["200": letter, "404": Responses.ref("NotFound"), "409": conflict]),
            ]
        ],
        APIRoute.letterLink.openAPIPath: [
            "get": [
                "operationId": "openLetterLink",
                "summary": "For the writer: the request their link stands for. Opening it marks the request viewed.",
                "security": anonymous,
                "parameters": [["name": "token", "in": "query", "required": true, "schema": ["type": "string", "maxLength": 200]]],
                "responses": writerResponses(["200": linkView, "404": Responses.ref("NotFound"), "410": gone]),
            ]
        ],
        APIRoute.letterLinkUpload.openAPIPath: [
            "post": [
                "operationId": "uploadLetter",
                "summary": .string("For the writer: upload the letter (PDF only, at most \(LetterFile.maximumSize), not encrypted), or replace it until the applicant applies to a program with it."),
                "security": anonymous,
                "requestBody": [
                    "required": true,
                    "content": [
                        "multipart/form-data": [
                            "schema": [
                                "type": "object", "required": ["token", "file"],
                                "properties": ["token": ["type": "string"], "file": ["type": "string", "format": "binary"]],
                            ]
                        ]
                    ],
                ],
                "responses": writerResponses([
                    "200": linkView, "400": Responses.ref("BadRequest"), "404": Responses.ref("NotFound"), "409": conflict, "410": gone,
                    "413": ["description": .string("The request is far larger than a \(LetterFile.maximumSize) letter.")], "415": Responses.ref("UnsupportedMediaType"),
                    "422": Responses.ref("Unprocessable"),
                ]),
            ]
        ],
        APIRoute.letterLinkDecline.openAPIPath: [
            "post": [
                "operationId": "declineLetter",
                "summary": "For the writer: decline the request, with an optional note for the applicant.",
                "security": anonymous,
                "requestBody": Responses.body("LetterDeclineInput"),
                "responses": writerResponses([
                    "200": linkView, "400": Responses.ref("BadRequest"), "404": Responses.ref("NotFound"), "409": conflict, "410": gone,
                    "415": Responses.ref("UnsupportedMediaType"), "422": Responses.ref("Unprocessable"),
                ]),
            ]
        ],
        APIRoute.programs.openAPIPath: [
            "get": [
                "operationId": "listPrograms",
                "summary": "Residency programs letters can be assigned to.",
                "responses": responses(["200": Responses.json("Programs.", schema: ["type": "array", "items": Responses.schemaRef("Program")])]),
            ],
            "post": [
                "operationId": "createProgram",
                "summary": "Admins: add a program.",
                "requestBody": Responses.body("ProgramInput"),
                "responses": responses([
                    "201": Responses.json("The program.", schema: Responses.schemaRef("Program")), "400": Responses.ref("BadRequest"),
                    "415": Responses.ref("UnsupportedMediaType"), "422": Responses.ref("Unprocessable"),
                ]),
            ],
        ],
        APIRoute.programReviewers(.key).openAPIPath: [
            "post": [
                "operationId": "addProgramReviewer",
                "summary": "Admins: make an advisor account a reviewer of a program.",
                "parameters": [programID],
                "requestBody": Responses.body("ProgramReviewerInput"),
                "responses": responses([
                    "204": ["description": "The advisor reviews the program."], "400": Responses.ref("BadRequest"), "404": Responses.ref("NotFound"),
                    "415": Responses.ref("UnsupportedMediaType"), "422": Responses.ref("Unprocessable"),
                ]),
            ]
        ],
        APIRoute.programLetters(.key).openAPIPath: [
            "get": [
                "operationId": "listProgramLetters",
                "summary": "Reviewers: the letters assigned to a program you review, of applicants who applied to it (as in ERAS, letters come with the application).",
                "parameters": [programID],
                "responses": responses([
                    "200": Responses.json("Assigned letters.", schema: ["type": "array", "items": Responses.schemaRef("AssignedLetter")]),
                    "404": Responses.ref("NotFound"),
                ]),
            ]
        ],
        APIRoute.programLetter(.key, letter: .key).openAPIPath: [
            "get": [
                "operationId": "readProgramLetter",
                "summary": "Reviewers: a letter assigned to a program you review, once its applicant applied to the program; 404 before.",
                "parameters": [programID, letterID],
                "responses": responses(["200": pdf, "404": Responses.ref("NotFound")]),
            ]
        ],
        APIRoute.letterReads.openAPIPath: [
            "get": [
                "operationId": "listLetterReads",
                "summary": "Admins: who read which letter when (newest 500).",
                "responses": responses(["200": Responses.json("Reads.", schema: ["type": "array", "items": Responses.schemaRef("LetterRead")])]),
            ]
        ],
    ]

    static let text: JSONValue = ["type": "string"]

    static let schemas: JSONValue = [
        "Letter": [
            "type": "object",
            "required": ["id", "status", "waived", "writer", "message", "created_at", "link_expires_at"],
            "properties": [
                "id": uuid, "status": Responses.enumeration(LetterStatus.allCases.map(\.rawValue)), "waived": ["type": "boolean"],
                "writer": [
                    "type": "object", "required": ["name", "email", "title", "institution"],
                    "properties": ["name": text, "email": text, "title": text, "institution": text],
                ],
                "message": text, "application_id": uuid, "created_at": dateTime, "link_expires_at": dateTime,
                "reminded_at": dateTime, "viewed_at": dateTime, "declined_at": dateTime, "decline_note": text,
                "file": [
                    "type": "object", "required": ["byte_count", "uploaded_at"],
                    "description": "The uploaded letter. When the applicant waived access, only its size and date: no name, no URL.",
                    "properties": ["name": text, "byte_count": ["type": "integer"], "uploaded_at": dateTime, "url": text],
                ],
                "assignments": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["program_id", "program_name", "assigned_at"],
                        "properties": [
                            "program_id": uuid, "program_name": text, "assigned_at": dateTime,
                            "applied_at": ["type": "string", "format": "date-time", "description": "When you applied to the program; absent before. The letter is locked there from then on."],
                        ],
                    ],
                ],
            ],
        ],
        "LetterRequestInput": [
            "type": "object",
            "required": ["writer_name", "writer_email", "writer_title", "writer_institution", "waiver"],
            "properties": [
                "writer_name": ["type": "string", "minLength": 1, "maxLength": .number(LetterRequestDraft.maximumNameLength)],
                "writer_email": ["type": "string", "format": "email"],
                "writer_title": ["type": "string", "minLength": 1, "maxLength": .number(LetterRequestDraft.maximumTitleLength)],
                "writer_institution": ["type": "string", "minLength": 1, "maxLength": .number(LetterRequestDraft.maximumInstitutionLength)],
                "message": ["type": "string", "maxLength": .number(LetterRequestDraft.maximumMessageLength)],
                "waiver": Responses.enumeration(["waive", "keep"]),
                "application_id": uuid,
            ],
        ],
        "LetterAssignmentInput": ["type": "object", "required": ["program_id"], "properties": ["program_id": uuid]],
        "LetterDeclineInput": [
            "type": "object", "required": ["token"],
            "properties": ["token": text, "note": ["type": "string", "maxLength": .number(LetterLink.maximumDeclineNoteLength)]],
        ],
        "LetterLink": [
            "type": "object",
            "required": ["applicant_name", "writer_name", "message", "waived", "status", "link_expires_at", "can_replace"],
            "properties": [
                "applicant_name": text, "writer_name": text, "message": text, "waived": ["type": "boolean"],
                "status": Responses.enumeration(LetterStatus.allCases.map(\.rawValue)), "link_expires_at": dateTime,
                "uploaded_file_name": text, "can_replace": ["type": "boolean"],
            ],
        ],
        "Program": [
            "type": "object", "required": ["id", "name", "specialty_id", "city", "state"],
            "properties": ["id": uuid, "name": text, "specialty_id": text, "city": text, "state": text],
        ],
        "ProgramInput": [
            "type": "object", "required": ["name", "specialty_id", "city", "state"],
            "properties": [
                "name": ["type": "string", "minLength": 1, "maxLength": 200],
                "specialty_id": Responses.enumeration(Specialties.residency.all.map(\.id)),
                "city": ["type": "string", "minLength": 1, "maxLength": 100],
                "state": ["type": "string", "pattern": "^[A-Za-z]{2}$"],
            ],
        ],
        "ProgramReviewerInput": ["type": "object", "required": ["email"], "properties": ["email": ["type": "string", "format": "email"]]],
        "AssignedLetter": [
            "type": "object",
            "required": ["letter_id", "applicant_name", "writer_name", "writer_title", "writer_institution", "waived", "assigned_at", "url"],
            "properties": [
                "letter_id": uuid, "applicant_name": text, "writer_name": text, "writer_title": text, "writer_institution": text,
                "waived": ["type": "boolean"], "assigned_at": dateTime, "url": text,
            ],
        ],
        "LetterRead": [
            "type": "object",
            "required": ["at", "reader_email", "reader_role", "applicant_email", "writer_name", "letter_id"],
            "properties": [
                "at": dateTime, "reader_email": text, "reader_role": Responses.enumeration(["applicant", "reviewer"]),
                "applicant_email": text, "writer_name": text, "letter_id": uuid, "program_name": text,
            ],
        ],
    ]
}
