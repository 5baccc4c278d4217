import RoundsCore

/// OpenAPI paths and schemas of the administrators' newsletter: drafts, preview and sending.
enum NewsletterAdminPaths {
    static let issueID = ApplicationsPaths.pathID("issueID")
    static let issue = Responses.json("The issue.", schema: Responses.schemaRef("AdminNewsletterIssue"))

    static let paths: JSONValue = [
        APIRoute.adminNewsletter.openAPIPath: [
            "get": [
                "operationId": "adminNewsletter", "summary": "Administrators: subscriber counts by state (never addresses) and every issue, newest first.",
                "responses": ApplicationsPaths.responses(["200": Responses.json("The newsletter.", schema: Responses.schemaRef("AdminNewsletter"))]),
            ]
        ],
        APIRoute.adminNewsletterIssues.openAPIPath: [
            "post": [
                "operationId": "adminCreateNewsletterIssue", "summary": "Administrators: save a draft issue (a subject, a Markdown introduction, 1 to 10 published guides).",
                "requestBody": Responses.body("NewsletterIssueInput"),
                "responses": Responses.writes(["201": issue]),
            ]
        ],
        APIRoute.adminNewsletterIssue(.key).openAPIPath: [
            "get": [
                "operationId": "adminGetNewsletterIssue", "summary": "Administrators: a draft or sent issue with the e-mail's text.",
                "parameters": [issueID], "responses": ApplicationsPaths.responses(["200": issue, "404": Responses.ref("NotFound")]),
            ],
            "put": [
                "operationId": "adminUpdateNewsletterIssue", "summary": "Administrators: change a draft (409 once sent).",
                "parameters": [issueID], "requestBody": Responses.body("NewsletterIssueInput"),
                "responses": Responses.writes(["200": issue, "409": AdminPaths.conflict]),
            ],
        ],
        APIRoute.adminNewsletterSend(.key).openAPIPath: [
            "post": [
                "operationId": "adminSendNewsletterIssue",
                "summary": "Administrators: queue the draft for every confirmed subscriber, once (409 when already sent or none of its guides is published). Audited.",
                "parameters": [issueID],
                "responses": Responses.writes([
                    "200": Responses.json("The sent issue and how many e-mails were queued.", schema: [
                        "type": "object", "required": ["issue", "queued"],
                        "properties": ["issue": Responses.schemaRef("AdminNewsletterIssue"), "queued": ["type": "integer"]],
                    ]),
                    "409": AdminPaths.conflict,
                ]),
            ]
        ],
    ]

    static let schemas: JSONValue = [
        "NewsletterIssueInput": [
            "type": "object", "required": ["subject", "intro", "guide_ids"],
            "properties": [
                "subject": ["type": "string", "minLength": 1, "maxLength": .number(Newsletter.subjectLimit)],
                "intro": ["type": "string", "minLength": 1, "maxLength": .number(Newsletter.introLimit), "description": "Markdown."],
                "guide_ids": [
                    "type": "array", "minItems": 1, "maxItems": .number(Newsletter.maximumGuides), "items": ["type": "string", "format": "uuid"],
                    "description": "Published guides, in the order the e-mail lists them.",
                ],
            ],
        ],
        "AdminNewsletterIssue": [
            "type": "object", "required": ["id", "subject", "intro", "guide_ids", "status", "created_at", "recipients", "preview"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "subject": ["type": "string"], "intro": ["type": "string"],
                "guide_ids": ["type": "array", "items": ["type": "string", "format": "uuid"]],
                "status": Responses.enumeration(["draft", "sent"]), "created_at": ["type": "string", "format": "date-time"],
                "sent_at": ["type": "string", "format": "date-time"], "recipients": ["type": "integer"],
                "preview": ["type": "string", "description": "The e-mail's text, with a placeholder for each subscriber's unsubscribe link."],
            ],
        ],
        "AdminNewsletter": [
            "type": "object", "required": ["subscribers", "issues"],
            "properties": [
                "subscribers": [
                    "type": "object", "required": ["confirmed", "pending", "unsubscribed"],
                    "properties": ["confirmed": ["type": "integer"], "pending": ["type": "integer"], "unsubscribed": ["type": "integer"]],
                ],
                "issues": ["type": "array", "items": Responses.schemaRef("AdminNewsletterIssue")],
            ],
        ],
    ]
}
