import RoundsCore

/// OpenAPI paths and schemas of the conversations between applicants and hosts.
enum MessagesPaths {
    static let applicationID = ApplicationsPaths.pathID("applicationID")
    static let messageID = ApplicationsPaths.pathID("messageID")
    static let opportunityID = ApplicationsPaths.pathID("opportunityID")
    static let userID = ApplicationsPaths.pathID("userID")

    static let messageBody: JSONValue = [
        "required": true,
        "content": [
            "application/json": ["schema": Responses.schemaRef("MessageInput")],
            "multipart/form-data": [
                "schema": [
                    "type": "object", "required": ["body"],
                    "properties": [
                        "body": ["type": "string", "minLength": 1, "maxLength": .number(MessageDraft.limit)],
                        "file": ["type": "string", "format": "binary", "description": "PDF, PNG or JPEG, checked by content, at most the upload limit."],
                    ],
                ]
            ],
        ],
    ]

    static let paths: JSONValue = [
        APIRoute.questions(.key, .key).openAPIPath: [
            "get": [
                "operationId": "listQuestions",
                "summary": "An applicant's questions about an opportunity and the host's answers, oldest first: that applicant (userID is their own id) and the listing's host only.",
                "parameters": [opportunityID, userID],
                "responses": AdvisingPaths.reads(["200": Responses.json("The messages.", schema: ["type": "array", "items": Responses.schemaRef("Message")])]),
            ],
            "post": [
                "operationId": "askQuestion",
                "summary": "The applicant asks while the opportunity is listed and takes questions (409 when it no longer does); the host answers a thread with a question in it. Same rules as application messages.",
                "parameters": [opportunityID, userID],
                "requestBody": messageBody,
                "responses": Responses.writes([
                    "201": Responses.json("The message.", schema: Responses.schemaRef("Message")),
                    "409": ["description": "The opportunity takes no questions now.", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]],
                ]),
            ],
        ],
        APIRoute.hostQuestions.openAPIPath: [
            "get": [
                "operationId": "listHostQuestions", "summary": "Hosts: applicants' question threads about your opportunities, those awaiting your answer first.",
                "responses": ApplicationsPaths.responses(["200": Responses.json("The threads.", schema: ["type": "array", "items": Responses.schemaRef("QuestionThread")])]),
            ]
        ],
        APIRoute.hostQuestionSetting(.key).openAPIPath: [
            "put": [
                "operationId": "setHostQuestionSetting", "summary": "Hosts: let applicants ask questions about one of your opportunities before applying, or stop new ones.",
                "parameters": [opportunityID], "requestBody": Responses.body("QuestionSettingInput"),
                "responses": Responses.writes(["200": Responses.json("The setting.", schema: Responses.schemaRef("QuestionSetting"))]),
            ]
        ],
        APIRoute.applicationMessages(.key).openAPIPath: [
            "get": [
                "operationId": "listMessages", "summary": "The application's conversation, oldest first: its applicant and the site's host only.",
                "parameters": [applicationID],
                "responses": AdvisingPaths.reads(["200": Responses.json("The messages.", schema: ["type": "array", "items": Responses.schemaRef("Message")])]),
            ],
            "post": [
                "operationId": "sendMessage",
                "summary": "Write to the other party. The identifier guard runs on the text (422 naming what it found); the other side is told in Rounds and by e-mail as they chose.",
                "parameters": [applicationID],
                "requestBody": messageBody,
                "responses": Responses.writes(["201": Responses.json("The message.", schema: Responses.schemaRef("Message"))]),
            ],
        ],
                APIRoute.messageAttachment(.key).openAPIPath: [
            "get": [
                "operationId": "getMessageAttachment", "summary": "The file sent with a message, as a download (the conversation's parties; administrators once reported).",
                "parameters": [messageID],
                "responses": AdvisingPaths.reads(["200": Responses.uploadedFile]),
            ]
        ],
        APIRoute.messageReports(.key).openAPIPath: [
            "post": [
                "operationId": "reportMessage", "summary": "Report the other party's message to the administrators (once per message).",
                "parameters": [messageID], "requestBody": Responses.body("MessageReportInput"),
                "responses": Responses.writes([
                    "201": Responses.json("The report.", schema: Responses.schemaRef("MessageReport")),
                    "409": [
                        "description": "You reported this message already.",
                        "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
                    ],
                ]),
            ]
        ],
    ]

    static let schemas: JSONValue = [
        "Message": [
            "type": "object", "required": ["id", "author_name", "party", "created_at", "removed"],
            "properties": [
                "id": ["type": "string", "format": "uuid"],
                "author_name": ["type": "string"],
                "party": Responses.enumeration(["applicant", "host"]),
                "body": ["type": "string", "description": "Absent when an administrator removed the message after a report."],
                "created_at": ["type": "string", "format": "date-time"],
                "removed": ["type": "boolean"],
                "attachment": [
                    "type": "object", "required": ["file_name", "media_type", "byte_count", "url"],
                    "properties": [
                        "file_name": ["type": "string"], "media_type": ["type": "string"], "byte_count": ["type": "integer"],
                        "url": ["type": "string", "description": "GET it with your token."],
                    ],
                ],
            ],
        ],
        "MessageInput": [
            "type": "object", "required": ["body"],
            "properties": ["body": ["type": "string", "minLength": 1, "maxLength": .number(MessageDraft.limit), "description": "Plain text; the identifier guard runs on it."]],
        ],
        "MessageReportInput": [
            "type": "object", "required": ["reason"],
            "properties": ["reason": ["type": "string", "minLength": 1, "maxLength": .number(MessageReportDraft.limit)]],
        ],
        "QuestionThread": [
            "type": "object",
            "required": ["opportunity_id", "opportunity_title", "applicant_id", "applicant_name", "message_count", "last_at", "awaiting_answer", "url"],
            "properties": [
                "opportunity_id": ["type": "string", "format": "uuid"], "opportunity_title": ["type": "string"],
                "applicant_id": ["type": "string", "format": "uuid"], "applicant_name": ["type": "string"],
                "message_count": ["type": "integer"], "last_at": ["type": "string", "format": "date-time"],
                "awaiting_answer": ["type": "boolean", "description": "The applicant wrote last."],
                "url": ["type": "string", "description": "The thread's messages; GET and POST it with your token."],
            ],
        ],
        "QuestionSettingInput": [
            "type": "object", "required": ["accepts_questions"], "properties": ["accepts_questions": ["type": "boolean"]],
        ],
        "QuestionSetting": [
            "type": "object", "required": ["opportunity_id", "accepts_questions"],
            "properties": ["opportunity_id": ["type": "string", "format": "uuid"], "accepts_questions": ["type": "boolean"]],
        ],
        "MessageReport": [
            "type": "object", "required": ["id", "message_id", "created_at"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "message_id": ["type": "string", "format": "uuid"],
                "created_at": ["type": "string", "format": "date-time"],
            ],
        ],
    ]
}
