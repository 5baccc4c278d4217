import RoundsCore

/// OpenAPI paths and schemas of the conversations between applicants and hosts.
enum MessagesPaths {
    static let applicationID = ApplicationsPaths.pathID("applicationID")
    static let messageID = ApplicationsPaths.pathID("messageID")

    static let paths: JSONValue = [
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
                "requestBody": [
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
                ],
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
        "MessageReport": [
            "type": "object", "required": ["id", "message_id", "created_at"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "message_id": ["type": "string", "format": "uuid"],
                "created_at": ["type": "string", "format": "date-time"],
            ],
        ],
    ]
}
