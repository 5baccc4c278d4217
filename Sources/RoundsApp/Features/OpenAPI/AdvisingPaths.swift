import RoundsCore

/// OpenAPI paths and schemas of personal statements, reviews, advisor slots and the newsletter.
enum AdvisingPaths {
    static let statementID = ApplicationsPaths.pathID("statementID")
    static let reviewID = ApplicationsPaths.pathID("reviewID")
    static let commentID = ApplicationsPaths.pathID("commentID")
    static let slotID = ApplicationsPaths.pathID("slotID")
    static let issueID = ApplicationsPaths.pathID("issueID")
    static let conflict: JSONValue = [
        "description": "Not possible in the current state (or it changed meanwhile): the review's status, a slot already booked, cancelled or about to start.",
        "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
    ]

    static func reads(_ success: [String: JSONValue]) -> JSONValue {
        ApplicationsPaths.responses(success.merging(["404": Responses.ref("NotFound")]) { first, _ in first })
    }

    static func query(_ name: String, _ description: String) -> JSONValue {
        ["name": .string(name), "in": "query", "required": true, "description": .string(description), "schema": ["type": "integer", "minimum": 1, "maximum": 100_000]]
    }

    static let paths: JSONValue = [
        APIRoute.statements.openAPIPath: [
            "get": [
                "operationId": "listStatements", "summary": "Applicants: your personal statements, each with its latest version.",
                "responses": ApplicationsPaths.responses(["200": Responses.json("The statements.", schema: ["type": "array", "items": Responses.schemaRef("Statement")])]),
            ],
            "post": [
                "operationId": "createStatement",
                "summary": "Applicants: start a statement with its first version. The identifier guard runs on the text (422 naming what it found).",
                "requestBody": Responses.body("StatementInput"),
                "responses": Responses.writes(["201": Responses.json("The statement.", schema: Responses.schemaRef("Statement"))]),
            ],
        ],
        APIRoute.statement(.key).openAPIPath: [
            "get": [
                "operationId": "getStatement", "summary": "One of your statements with every version, oldest first.", "parameters": [statementID],
                "responses": reads(["200": Responses.json("The statement.", schema: Responses.schemaRef("Statement"))]),
            ]
        ],
        APIRoute.statementVersions(.key).openAPIPath: [
            "post": [
                "operationId": "addStatementVersion", "summary": "Save the next version (versions are never changed; title, specialty and service may change with it).",
                "parameters": [statementID], "requestBody": Responses.body("StatementInput"),
                "responses": Responses.writes(["201": Responses.json("The new version.", schema: Responses.schemaRef("StatementVersion")), "409": conflict]),
            ]
        ],
        APIRoute.statementDiff(.key).openAPIPath: [
            "get": [
                "operationId": "diffStatementVersions", "summary": "Word-level changes from one version to another.",
                "parameters": [statementID, query("from", "The earlier version's number."), query("to", "The later version's number.")],
                "responses": reads(["200": Responses.json("The changes in reading order.", schema: Responses.schemaRef("StatementDiff")), "400": Responses.ref("BadRequest")]),
            ]
        ],
        APIRoute.reviews.openAPIPath: [
            "get": [
                "operationId": "listReviews", "summary": "Reviews you asked for (applicants) or were asked for (advisors), open ones first.",
                "responses": ApplicationsPaths.responses(["200": Responses.json("The reviews, without their text.", schema: ["type": "array", "items": Responses.schemaRef("Review")])]),
            ],
            "post": [
                "operationId": "requestReview",
                "summary": "Applicants: ask an advisor (by e-mail) to review a statement version, your ERAS or AMCAS export, or your program list. The advisor sees only what is sent.",
                "requestBody": Responses.body("ReviewRequestInput"),
                "responses": Responses.writes(["201": Responses.json("The review.", schema: Responses.schemaRef("Review"))]),
            ],
        ],
        APIRoute.review(.key).openAPIPath: [
            "get": [
                "operationId": "getReview", "summary": "A review you are party to, with the text as sent and the comments.", "parameters": [reviewID],
                "responses": reads(["200": Responses.json("The review.", schema: Responses.schemaRef("Review"))]),
            ]
        ],
        APIRoute.reviewComments(.key).openAPIPath: [
            "post": [
                "operationId": "commentOnReview",
                "summary": "The advisor, while the review is in progress: comment on a passage (found once in the text, or at `near`); a replacement suggests new words (statements only).",
                "parameters": [reviewID], "requestBody": Responses.body("ReviewCommentInput"),
                "responses": Responses.writes(["201": Responses.json("The comment.", schema: Responses.schemaRef("ReviewComment")), "409": conflict]),
            ]
        ],
        APIRoute.reviewComment(.key, .key).openAPIPath: [
            "delete": [
                "operationId": "deleteReviewComment", "summary": "The advisor removes a comment while the review is in progress.", "parameters": [reviewID, commentID],
                "responses": reads(["204": ["description": "Removed."], "409": conflict]),
            ]
        ],
        APIRoute.reviewAction(.key, .key).openAPIPath: [
            "post": [
                "operationId": "actOnReview",
                "summary": "start and return (the advisor; return may carry an overall note), close and withdraw (the applicant).",
                "parameters": [reviewID, ["name": "reviewAction", "in": "path", "required": true, "schema": Responses.enumeration(ReviewAction.allCases.map(\.rawValue))]],
                "requestBody": ["required": false, "content": ["application/json": ["schema": Responses.schemaRef("ReviewActionInput")]]],
                "responses": Responses.writes(["200": Responses.json("The review.", schema: Responses.schemaRef("Review")), "409": conflict]),
            ]
        ],
        APIRoute.reviewDecisions(.key).openAPIPath: [
            "post": [
                "operationId": "decideSuggestions",
                "summary": "The applicant, once a statement review is returned: accept or reject suggestions. Accepted ones are made in the latest version and saved as the next.",
                "parameters": [reviewID], "requestBody": Responses.body("SuggestionDecisionsInput"),
                "responses": Responses.writes(["200": Responses.json("The version made, if any.", schema: Responses.schemaRef("SuggestionDecisions")), "409": conflict]),
            ]
        ],
        APIRoute.advisingSlots.openAPIPath: [
            "get": [
                "operationId": "listAdvisingSessions", "summary": "Applicants: open advisor slots, soonest first, and your bookings, with the booking rules.",
                "responses": ApplicationsPaths.responses(["200": Responses.json("Slots and bookings.", schema: Responses.schemaRef("AdvisingSessions"))]),
            ]
        ],
        APIRoute.slotBooking(.key).openAPIPath: [
            "post": [
                "operationId": "bookSlot", "summary": "Book a slot. Of racing requests for one slot exactly one succeeds; the others get 409.", "parameters": [slotID],
                "responses": reads(["200": Responses.json("The booked slot.", schema: Responses.schemaRef("Slot")), "409": conflict]),
            ],
            "delete": [
                "operationId": "cancelBooking", "summary": "Give a booking back, at least 24 hours before it starts.", "parameters": [slotID],
                "responses": reads(["204": ["description": "Cancelled; the slot is open again."], "409": conflict]),
            ],
        ],
        APIRoute.advisorSlots.openAPIPath: [
            "get": [
                "operationId": "listAdvisorSlots", "summary": "Advisors: your slots from a day ago on, with who booked each.",
                "responses": ApplicationsPaths.responses(["200": Responses.json("The slots.", schema: ["type": "array", "items": Responses.schemaRef("Slot")])]),
            ],
            "post": [
                "operationId": "publishSlot", "summary": "Advisors: publish a slot (not overlapping one of yours).", "requestBody": Responses.body("SlotInput"),
                "responses": Responses.writes(["201": Responses.json("The slot.", schema: Responses.schemaRef("Slot"))]),
            ],
        ],
        APIRoute.cancelSlot(.key).openAPIPath: [
            "post": [
                "operationId": "cancelSlot", "summary": "Advisors: withdraw a slot before it starts; a booked one needs a reason, sent to the applicant.", "parameters": [slotID],
                "requestBody": ["required": false, "content": ["application/json": ["schema": Responses.schemaRef("SlotCancelInput")]]],
                "responses": Responses.writes(["204": ["description": "Cancelled."], "409": conflict]),
            ]
        ],
        APIRoute.newsletterSubscriptions.openAPIPath: [
            "post": [
                "operationId": "subscribeToNewsletter",
                "summary": "Ask for the monthly newsletter: a confirmation link is e-mailed (the same answer whether or not the address was on the list).",
                "security": [[:], ["bearer": []]], "requestBody": Responses.body("NewsletterSubscriptionInput"),
                "responses": [
                    "202": Responses.json("Asked to confirm.", schema: ["type": "object", "required": ["message"], "properties": ["message": ["type": "string"]]]),
                    "400": Responses.ref("BadRequest"), "413": Responses.ref("ContentTooLarge"), "415": Responses.ref("UnsupportedMediaType"),
                    "422": Responses.ref("Unprocessable"), "429": Responses.ref("TooManyRequests"),
                ],
            ]
        ],
        APIRoute.newsletterIssues.openAPIPath: [
            "get": [
                "operationId": "listNewsletterIssues", "summary": "Sent newsletter issues, newest first.", "security": [[:], ["bearer": []]],
                "responses": ["200": Responses.json("The issues.", schema: ["type": "array", "items": Responses.schemaRef("NewsletterIssueSummary")])],
            ]
        ],
        APIRoute.newsletterIssue(.key).openAPIPath: [
            "get": [
                "operationId": "getNewsletterIssue", "summary": "A sent issue: its introduction (Markdown and safe HTML) and its guides.", "security": [[:], ["bearer": []]],
                "parameters": [issueID],
                "responses": ["200": Responses.json("The issue.", schema: Responses.schemaRef("NewsletterIssue")), "404": Responses.ref("NotFound")],
            ]
        ],
    ]

    static let version: JSONValue = [
        "type": "object", "required": ["id", "number", "text", "note", "words", "characters", "created_at"],
        "properties": [
            "id": ["type": "string", "format": "uuid"], "number": ["type": "integer"], "text": ["type": "string"], "note": ["type": "string"], "words": ["type": "integer"], "characters": ["type": "integer"],
            "created_at": ApplicationsPaths.dateTime,
        ],
    ]

    static let slot: JSONValue = [
        "type": "object", "required": ["id", "kind", "starts_at", "minutes", "time_zone", "advisor", "location", "note", "status"],
        "properties": [
            "id": ["type": "string", "format": "uuid"], "kind": Responses.enumeration(AdvisingSessionKind.allCases.map(\.rawValue)), "starts_at": ApplicationsPaths.dateTime,
            "minutes": ["type": "integer"], "time_zone": ["type": "string"], "advisor": ["type": "string"],
            "location": ["type": "string", "description": "A video link only for the advisor and the booker."], "note": ["type": "string"],
            "status": Responses.enumeration(["open", "booked", "cancelled"]), "booked_by": ["type": "string"], "cancel_reason": ["type": "string"],
        ],
    ]

    static let issueSummary: JSONValue = [
        "type": "object", "required": ["id", "subject", "url"],
        "properties": ["id": ["type": "string", "format": "uuid"], "subject": ["type": "string"], "sent_at": ApplicationsPaths.dateTime, "url": ["type": "string"]],
    ]

    static let schemas: JSONValue = [
        "StatementVersion": version,
        "Statement": [
            "type": "object", "required": ["id", "title", "specialty", "service", "limit", "updated_at", "versions"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "title": ["type": "string"], "specialty": ["type": "string"],
                "service": Responses.enumeration(StatementService.allCases.map(\.rawValue)),
                "limit": [
                    "type": "object", "required": ["characters", "source", "confidence", "checked"],
                    "properties": [
                        "characters": ["type": "integer"], "source": ["type": "string"], "confidence": ["type": "string"], "checked": ["type": "string"], "holds_for": ["type": "string"],
                    ],
                ],
                "updated_at": ApplicationsPaths.dateTime, "versions": ["type": "array", "items": version],
            ],
        ],
        "StatementInput": [
            "type": "object", "required": ["title", "specialty", "service", "text"],
            "properties": [
                "title": ["type": "string", "minLength": 1, "maxLength": .number(StatementDraft.titleLimit)],
                "specialty": Responses.enumeration(Specialties.residency.all.map(\.id)),
                "service": Responses.enumeration(StatementService.allCases.map(\.rawValue)),
                "text": ["type": "string", "minLength": 1, "maxLength": .number(StatementService.storageLimit), "description": "Plain text; the identifier guard runs on it."],
                "note": ["type": "string", "maxLength": .number(StatementDraft.noteLimit)],
            ],
        ],
        "StatementDiff": [
            "type": "object", "required": ["from", "to", "added_words", "removed_words", "changes"],
            "properties": [
                "from": ["type": "integer"], "to": ["type": "integer"], "added_words": ["type": "integer"], "removed_words": ["type": "integer"],
                "changes": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["kind", "text"],
                        "properties": ["kind": Responses.enumeration(["same", "added", "removed"]), "text": ["type": "string"]],
                    ],
                ],
            ],
        ],
        "ReviewComment": [
            "type": "object", "required": ["id", "start", "quote", "body", "decision", "created_at"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "start": ["type": "integer"], "quote": ["type": "string"], "body": ["type": "string"],
                "replacement": ["type": "string"], "decision": Responses.enumeration(SuggestionDecision.allCases.map(\.rawValue)), "created_at": ApplicationsPaths.dateTime,
            ],
        ],
        "Review": [
            "type": "object", "required": ["id", "subject", "title", "status", "applicant", "advisor", "created_at", "updated_at"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "subject": Responses.enumeration(ReviewSubject.allCases.map(\.rawValue)), "title": ["type": "string"],
                "status": Responses.enumeration(ReviewStatus.allCases.map(\.rawValue)), "applicant": ["type": "string"], "advisor": ["type": "string"],
                "created_at": ApplicationsPaths.dateTime, "updated_at": ApplicationsPaths.dateTime,
                "text": ["type": "string"], "message": ["type": "string"], "summary": ["type": "string"],
                "comments": ["type": "array", "items": Responses.schemaRef("ReviewComment")],
            ],
        ],
        "ReviewRequestInput": [
            "type": "object", "required": ["subject", "advisor_email"],
            "properties": [
                "subject": Responses.enumeration(ReviewSubject.allCases.map(\.rawValue)),
                "version": ["type": "string", "format": "uuid", "description": "The statement version to send (subject statement only)."],
                "advisor_email": ["type": "string", "maxLength": .number(EmailAddress.maximumLength)], "message": ["type": "string", "maxLength": .number(ReviewDesk.messageLimit)],
            ],
        ],
        "ReviewCommentInput": [
            "type": "object", "required": ["quote"],
            "properties": [
                "quote": ["type": "string", "minLength": 1, "maxLength": .number(TextAnchor.maximumQuote)], "near": ["type": "integer", "minimum": 0, "maximum": .number(StatementService.storageLimit)],
                "body": ["type": "string", "maxLength": .number(ReviewCommentDraft.bodyLimit)],
                "replacement": ["type": "string", "maxLength": .number(ReviewCommentDraft.replacementLimit), "description": "Suggest these words instead (empty: remove the passage)."],
            ],
        ],
        "ReviewActionInput": [
            "type": "object", "properties": ["summary": ["type": "string", "maxLength": .number(ReviewDesk.summaryLimit)]],
        ],
        "SuggestionDecisionsInput": [
            "type": "object", "required": ["decisions"],
            "properties": [
                "decisions": [
                    "type": "array", "maxItems": 200,
                    "items": [
                        "type": "object", "required": ["comment", "decision"],
                        "properties": ["comment": ["type": "string", "format": "uuid"], "decision": Responses.enumeration(SuggestionDecision.allCases.map(\.rawValue))],
                    ],
                ]
            ],
        ],
        "SuggestionDecisions": ["type": "object", "properties": ["version": version]],
        "Slot": slot,
        "AdvisingSessions": [
            "type": "object", "required": ["policy", "open", "bookings"],
            "properties": ["policy": ["type": "string"], "open": ["type": "array", "items": slot], "bookings": ["type": "array", "items": slot]],
        ],
        "SlotInput": [
            "type": "object", "required": ["kind", "date", "time", "time_zone", "minutes", "location"],
            "properties": [
                "kind": Responses.enumeration(AdvisingSessionKind.allCases.map(\.rawValue)),
                "date": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"], "time": ["type": "string", "pattern": "^[0-9]{2}:[0-9]{2}$"],
                "time_zone": Responses.enumeration(ResidencyProgramDraft.timeZones),
                "minutes": ["type": "integer", "minimum": .number(BookingPolicy.minutes.lowerBound), "maximum": .number(BookingPolicy.minutes.upperBound)],
                "location": ["type": "string", "minLength": 1, "maxLength": .number(AdvisorSlotDraft.locationLimit)],
                "note": ["type": "string", "maxLength": .number(AdvisorSlotDraft.noteLimit)],
            ],
        ],
        "SlotCancelInput": ["type": "object", "properties": ["reason": ["type": "string", "maxLength": 500]]],
        "NewsletterSubscriptionInput": ["type": "object", "required": ["email"], "properties": ["email": ["type": "string", "maxLength": .number(EmailAddress.maximumLength)]]],
        "NewsletterIssueSummary": issueSummary,
        "NewsletterIssue": [
            "type": "object", "required": ["issue", "intro", "intro_html", "guides"],
            "properties": [
                "issue": issueSummary, "intro": ["type": "string"], "intro_html": ["type": "string"],
                "guides": ["type": "array", "items": GuidesPaths.summary],
            ],
        ],
    ]
}
