import RoundsCore

/// OpenAPI paths and schemas of documents, applications and notifications.
enum ApplicationsPaths {
    static func pathID(_ name: String) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]
    }

    static let signedIn: [String: JSONValue] = ["401": Responses.ref("Unauthorized"), "403": Responses.ref("Forbidden")]

    static func responses(_ pairs: [String: JSONValue]) -> JSONValue {
        .object(pairs.merging(Self.signedIn) { first, _ in first }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    static let conflict: JSONValue = [
        "description": "The application is not in a state that allows this (or changed meanwhile), or the session is full.",
        "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
    ]

    static let paths: JSONValue = [
        APIRoute.documents.openAPIPath: [
            "get": [
                "operationId": "listDocuments",
                "summary": "Your documents.",
                "responses": responses(["200": Responses.json("Your documents, newest first.", schema: ["type": "array", "items": Responses.schemaRef("Document")])]),
            ],
            "post": [
                "operationId": "uploadDocument",
                "summary": "Upload a PDF, PNG or JPEG (checked by content) to your vault.",
                "requestBody": [
                    "required": true,
                    "content": [
                        "multipart/form-data": [
                            "schema": [
                                "type": "object", "required": ["kind", "file"],
                                "properties": [
                                    "kind": Responses.enumeration(DocumentKind.allCases.map(\.rawValue)),
                                    "file": ["type": "string", "format": "binary"],
                                ],
                            ]
                        ]
                    ],
                ],
                "responses": responses([
                    "201": Responses.json("Stored.", schema: Responses.schemaRef("Document")),
                    "400": Responses.ref("BadRequest"),
                    "413": ["description": "The request is larger than the upload limit."],
                    "415": Responses.ref("UnsupportedMediaType"),
                    "422": Responses.ref("Unprocessable"),
                ]),
            ],
        ],
        APIRoute.document(.key).openAPIPath: [
            "get": [
                "operationId": "downloadDocument",
                "summary": "The file, for its owner or a host of a session it was submitted to. Every download is logged.",
                "parameters": [pathID("documentID")],
                "responses": responses([
                    "200": Responses.uploadedFile,
                    "404": Responses.ref("NotFound"),
                ]),
            ],
            "delete": [
                "operationId": "deleteDocument",
                "summary": "Delete one of your documents that no application uses.",
                "parameters": [pathID("documentID")],
                "responses": responses(["204": ["description": "Deleted."], "404": Responses.ref("NotFound"), "409": conflict]),
            ],
        ],
        APIRoute.applications.openAPIPath: [
            "get": [
                "operationId": "listApplications",
                "summary": "Your applications, newest first.",
                "responses": responses(["200": Responses.json("Your applications.", schema: ["type": "array", "items": Responses.schemaRef("Application")])]),
            ],
            "post": [
                "operationId": "createApplication",
                "summary": "Apply to a session: as a draft, or submitted at once (`submit: true`).",
                "requestBody": Responses.body("ApplicationInput"),
                "responses": responses([
                    "201": Responses.json("The application.", schema: Responses.schemaRef("Application")),
                    "400": Responses.ref("BadRequest"),
                    "404": Responses.ref("NotFound"),
                    "409": conflict,
                    "415": Responses.ref("UnsupportedMediaType"),
                    "422": Responses.ref("Unprocessable"),
                ]),
            ],
        ],
        APIRoute.application(.key).openAPIPath: [
            "get": [
                "operationId": "getApplication",
                "summary": "One application with its history, for its applicant or its host.",
                "parameters": [pathID("applicationID")],
                "responses": responses(["200": Responses.json("The application.", schema: Responses.schemaRef("Application")), "404": Responses.ref("NotFound")]),
            ],
            "put": [
                "operationId": "updateApplication",
                "summary": "Replace a draft's statement, documents and confirmations; `submit: true` then submits it.",
                "parameters": [pathID("applicationID")],
                "requestBody": Responses.body("ApplicationInput"),
                "responses": responses([
                    "200": Responses.json("The application.", schema: Responses.schemaRef("Application")),
                    "400": Responses.ref("BadRequest"),
                    "404": Responses.ref("NotFound"),
                    "409": conflict,
                    "415": Responses.ref("UnsupportedMediaType"),
                    "422": Responses.ref("Unprocessable"),
                ]),
            ],
        ],
        APIRoute.applicationAction(.key, .key).openAPIPath: [
            "post": [
                "operationId": "actOnApplication",
                "summary": "Change an application's status. The applicant submits, accepts, declines and withdraws; the host reviews, offers (with `expires_in_days`), waitlists, rejects, cancels (with a `note`) and completes.",
                "parameters": [
                    pathID("applicationID"),
                    ["name": "action", "in": "path", "required": true, "schema": Responses.enumeration(ApplicationAction.allCases.filter { $0 != .expire }.map(\.rawValue))],
                ],
                "requestBody": ["required": false, "content": ["application/json": ["schema": Responses.schemaRef("ApplicationActionInput")]]],
                "responses": responses([
                    "200": Responses.json("The application after the change.", schema: Responses.schemaRef("Application")),
                    "400": Responses.ref("BadRequest"),
                    "404": Responses.ref("NotFound"),
                    "409": conflict,
                    "415": Responses.ref("UnsupportedMediaType"),
                    "422": Responses.ref("Unprocessable"),
                ]),
            ]
        ],
        APIRoute.hostApplications.openAPIPath: [
            "get": [
                "operationId": "hostInbox",
                "summary": "Submitted applications to your sessions, oldest first.",
                "parameters": [
                    ["name": "session_id", "in": "query", "required": false, "schema": ["type": "string", "format": "uuid"]],
                    ["name": "status", "in": "query", "required": false, "schema": Responses.enumeration(ApplicationStatus.allCases.filter { $0 != .draft }.map(\.rawValue))],
                ],
                "responses": responses([
                    "200": Responses.json("The applications.", schema: ["type": "array", "items": Responses.schemaRef("Application")]),
                    "400": Responses.ref("BadRequest"),
                ]),
            ]
        ],
        APIRoute.hostBulkReject.openAPIPath: [
            "post": [
                "operationId": "hostBulkReject",
                "summary": "Reject several applications; those that cannot be rejected are listed with the reason.",
                "requestBody": Responses.body("BulkRejectInput"),
                "responses": responses([
                    "200": Responses.json("What was rejected and what was skipped.", schema: Responses.schemaRef("BulkRejectResult")),
                    "400": Responses.ref("BadRequest"),
                    "415": Responses.ref("UnsupportedMediaType"),
                    "422": Responses.ref("Unprocessable"),
                ]),
            ]
        ],
        APIRoute.notifications.openAPIPath: [
            "get": [
                "operationId": "listNotifications",
                "summary": "Your latest notifications and the unread count.",
                "responses": responses(["200": Responses.json("Notifications.", schema: Responses.schemaRef("NotificationList"))]),
            ]
        ],
        APIRoute.readNotifications.openAPIPath: [
            "post": [
                "operationId": "readNotifications",
                "summary": "Mark every notification read.",
                "responses": responses(["200": Responses.json("Notifications.", schema: Responses.schemaRef("NotificationList"))]),
            ]
        ],
    ]

    static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    static let dateTime: JSONValue = ["type": "string", "format": "date-time"]
    static let date: JSONValue = ["type": "string", "format": "date"]
    static let requirement = Responses.enumeration(Requirement.allCases.map(\.rawValue))

    static let schemas: JSONValue = [
        "Document": [
            "type": "object",
            "required": ["id", "kind", "file_name", "media_type", "byte_count", "sha256", "created_at"],
            "properties": [
                "id": uuid, "kind": Responses.enumeration(DocumentKind.allCases.map(\.rawValue)), "file_name": ["type": "string"],
                "media_type": Responses.enumeration(FileSignature.allCases.map(\.mediaType)), "byte_count": ["type": "integer"],
                "sha256": ["type": "string", "pattern": "^[0-9a-f]{64}$"], "created_at": dateTime,
            ],
        ],
        "ApplicationInput": [
            "type": "object",
            "required": ["statement"],
            "properties": [
                "session_id": uuid,
                "statement": ["type": "string", "maxLength": .number(ApplicationDraft.maximumStatementLength)],
                "document_ids": ["type": "array", "items": uuid, "maxItems": .number(ApplicationDraft.maximumDocuments)],
                "confirmed_requirements": ["type": "array", "items": requirement],
                "submit": ["type": "boolean"],
            ],
        ],
        "ApplicationActionInput": [
            "type": "object",
            "properties": [
                "note": ["type": "string", "maxLength": .number(ApplicationTransitions.maximumNoteLength)],
                "expires_in_days": ["type": "integer", "minimum": 1, "maximum": .number(ApplicationTransitions.maximumOfferDays)],
            ],
        ],
        "BulkRejectInput": [
            "type": "object",
            "required": ["application_ids"],
            "properties": [
                "application_ids": ["type": "array", "items": uuid, "minItems": 1, "maxItems": .number(HostReview.maximumBatch)],
                "note": ["type": "string", "maxLength": .number(ApplicationTransitions.maximumNoteLength)],
            ],
        ],
        "BulkRejectResult": [
            "type": "object",
            "required": ["rejected", "skipped"],
            "properties": [
                "rejected": ["type": "array", "items": uuid],
                "skipped": [
                    "type": "array",
                    "items": ["type": "object", "required": ["id", "reason"], "properties": ["id": uuid, "reason": ["type": "string"]]],
                ],
            ],
        ],
        "Application": [
            "type": "object",
            "required": [
                "id", "status", "statement", "confirmed_requirements", "documents", "created_at", "updated_at", "session", "opportunity", "applicant", "actions",
            ],
            "properties": [
                "id": uuid,
                "status": Responses.enumeration(ApplicationStatus.allCases.map(\.rawValue)),
                "statement": ["type": "string"],
                "confirmed_requirements": ["type": "array", "items": requirement],
                "documents": ["type": "array", "items": Responses.schemaRef("Document")],
                "offer_expires_at": dateTime,
                "submitted_at": dateTime,
                "created_at": dateTime,
                "updated_at": dateTime,
                "session": [
                    "type": "object",
                    "required": ["id", "start", "end", "seats", "seats_taken", "application_deadline"],
                    "properties": [
                        "id": uuid, "start": date, "end": date, "seats": ["type": "integer"], "seats_taken": ["type": "integer"],
                        "application_deadline": date,
                    ],
                ],
                "opportunity": [
                    "type": "object",
                    "required": ["id", "title", "site_name", "requirements"],
                    "properties": ["id": uuid, "title": ["type": "string"], "site_name": ["type": "string"], "requirements": ["type": "array", "items": requirement]],
                ],
                "applicant": [
                    "type": "object", "required": ["id", "display_name"], "properties": ["id": uuid, "display_name": ["type": "string"]],
                ],
                "actions": ["type": "array", "items": Responses.enumeration(ApplicationAction.allCases.map(\.rawValue))],
                "history": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "required": ["at", "party", "to", "note"],
                        "properties": [
                            "at": dateTime, "party": Responses.enumeration(ApplicationParty.allCases.map(\.rawValue)),
                            "from": Responses.enumeration(ApplicationStatus.allCases.map(\.rawValue)),
                            "to": Responses.enumeration(ApplicationStatus.allCases.map(\.rawValue)), "note": ["type": "string"],
                        ],
                    ],
                ],
            ],
        ],
        "NotificationList": [
            "type": "object",
            "required": ["unread", "items"],
            "properties": [
                "unread": ["type": "integer", "minimum": 0],
                "items": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "required": ["id", "title", "body", "link", "created_at"],
                        "properties": [
                            "id": uuid, "title": ["type": "string"], "body": ["type": "string"], "link": ["type": "string"], "created_at": dateTime,
                            "read_at": dateTime,
                        ],
                    ],
                ],
            ],
        ],
    ]
}
