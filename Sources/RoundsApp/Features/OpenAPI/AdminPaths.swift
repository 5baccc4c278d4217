import RoundsCore

/// OpenAPI paths and schemas of the administrators' tools: accounts, site reviews, reports, the audit log.
enum AdminPaths {
    static let userID = ApplicationsPaths.pathID("userID")
    static let siteID = ApplicationsPaths.pathID("siteID")
    static let reportID = ApplicationsPaths.pathID("reportID")
    static func pathEnum(_ name: String, _ values: [String]) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "schema": Responses.enumeration(values)]
    }
    static func query(_ name: String, _ schema: JSONValue, _ description: String) -> JSONValue {
        ["name": .string(name), "in": "query", "required": false, "description": .string(description), "schema": schema]
    }
    static let user = Responses.json("The account.", schema: Responses.schemaRef("AdminUser"))
    static let conflict: JSONValue = [
        "description": "Not possible in the current state (already disabled, not disabled, already decided, a site's state).",
        "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
    ]
    static let reason: JSONValue = [
        "required": false,
        "content": ["application/json": ["schema": ["type": "object", "properties": ["reason": ["type": "string", "maxLength": 500]]]]],
    ]

    static let paths: JSONValue = [
        APIRoute.adminUsers.openAPIPath: [
            "get": [
                "operationId": "adminListUsers", "summary": "Administrators: up to 50 accounts whose name or e-mail contains q, by e-mail.",
                "parameters": [query("q", ["type": "string", "maxLength": 100], "Words in the name or e-mail.")],
                "responses": ApplicationsPaths.responses([
                    "200": Responses.json("The accounts.", schema: ["type": "array", "items": Responses.schemaRef("AdminUser")]), "400": Responses.ref("BadRequest"),
                ]),
            ]
        ],
        APIRoute.adminUser(.key).openAPIPath: [
            "get": ["operationId": "adminGetUser", "summary": "Administrators: one account.", "parameters": [userID], "responses": AdvisingPaths.reads(["200": user])]
        ],
        APIRoute.adminUserRoles(.key).openAPIPath: [
            "put": [
                "operationId": "adminSetRoles", "summary": "Administrators: set an account's roles (not taking away your own administrator role). Audited.",
                "parameters": [userID], "requestBody": Responses.body("RolesInput"), "responses": Responses.writes(["200": user]),
            ]
        ],
        APIRoute.adminUserAction(.key, .key).openAPIPath: [
            "post": [
                "operationId": "adminUserAction",
                "summary": "Administrators: disable (with a reason the person sees; signs them out), enable (optional note) or sign out everywhere. Audited.",
                "parameters": [userID, pathEnum("userAction", AdminUserAction.allCases.map(\.rawValue))], "requestBody": reason,
                "responses": Responses.writes(["200": user, "409": conflict]),
            ]
        ],
        APIRoute.adminAudit.openAPIPath: [
            "get": [
                "operationId": "adminAuditLog", "summary": "Administrators: the latest 200 audit entries, newest first, optionally of one action.",
                "parameters": [query("action", ["type": "string", "maxLength": 60], "e.g. site.reject, user.disable, message.remove")],
                "responses": ApplicationsPaths.responses([
                    "200": Responses.json("The entries.", schema: ["type": "array", "items": Responses.schemaRef("AuditEntry")]), "400": Responses.ref("BadRequest"),
                ]),
            ]
        ],
        APIRoute.adminSites.openAPIPath: [
            "get": [
                "operationId": "adminListSites", "summary": "Administrators: every site, oldest first, optionally in one review state.",
                "parameters": [query("review_state", Responses.enumeration(SiteReviewState.allCases.map(\.rawValue)), "Only sites in this state.")],
                "responses": ApplicationsPaths.responses([
                    "200": Responses.json("The sites.", schema: ["type": "array", "items": Responses.schemaRef("AdminSite")]), "400": Responses.ref("BadRequest"),
                ]),
            ]
        ],
        APIRoute.adminSiteReview(.key, .key).openAPIPath: [
            "post": [
                "operationId": "adminReviewSite",
                "summary": "Administrators: verify a site, reject a waiting one or suspend a verified one (reject and suspend need a reason the host sees). Audited; the host is told.",
                "parameters": [siteID, pathEnum("siteAction", [SiteReviewAction.verify, .reject, .suspend].map(\.rawValue))], "requestBody": reason,
                "responses": Responses.writes(["200": Responses.json("The site.", schema: Responses.schemaRef("AdminSite")), "409": conflict]),
            ]
        ],
        APIRoute.adminReports.openAPIPath: [
            "get": [
                "operationId": "adminListReports", "summary": "Administrators: reported messages, newest first (the latest 200).",
                "responses": ApplicationsPaths.responses(["200": Responses.json("The reports.", schema: ["type": "array", "items": Responses.schemaRef("AdminReport")])]),
            ]
        ],
        APIRoute.adminReportResolution(.key).openAPIPath: [
            "post": [
                "operationId": "adminResolveReport", "summary": "Administrators: keep the message, or remove its text and file. Audited; once per report.",
                "parameters": [reportID], "requestBody": Responses.body("ReportResolutionInput"),
                "responses": Responses.writes(["200": Responses.json("The decided report.", schema: Responses.schemaRef("AdminReport")), "409": conflict]),
            ]
        ],
    ]

    static let schemas: JSONValue = [
        "AdminUser": [
            "type": "object", "required": ["id", "email", "display_name", "roles", "two_factor", "disabled"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "email": ["type": "string"], "display_name": ["type": "string"],
                "roles": ["type": "array", "items": Responses.enumeration(Role.allCases.map(\.rawValue))], "two_factor": ["type": "boolean"],
                "disabled": ["type": "boolean"], "disabled_reason": ["type": "string"], "created_at": ["type": "string", "format": "date-time"],
            ],
        ],
        "RolesInput": [
            "type": "object", "required": ["roles"],
            "properties": ["roles": ["type": "array", "minItems": 1, "uniqueItems": true, "items": Responses.enumeration(Role.allCases.map(\.rawValue))]],
        ],
        "AuditEntry": [
            "type": "object", "required": ["id", "admin_name", "action", "subject", "reason", "created_at"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "admin_name": ["type": "string"], "action": ["type": "string"], "subject": ["type": "string"],
                "subject_id": ["type": "string", "format": "uuid"], "reason": ["type": "string"], "created_at": ["type": "string", "format": "date-time"],
            ],
        ],
        "AdminSite": [
            "type": "object", "required": ["site", "host_email"],
            "properties": ["site": Responses.schemaRef("HostSite"), "host_email": ["type": "string"], "created_at": ["type": "string", "format": "date-time"]],
        ],
        "AdminReport": [
            "type": "object",
            "required": ["id", "message_id", "reporter_name", "reason", "message_author", "message_body", "created_at"],
            "description": "A message is in an application's thread (application_id) or in an applicant's questions about an opportunity (opportunity_id and applicant_id).",
            "properties": [
                "id": ["type": "string", "format": "uuid"], "message_id": ["type": "string", "format": "uuid"],
                "application_id": ["type": "string", "format": "uuid"], "opportunity_id": ["type": "string", "format": "uuid"],
                "applicant_id": ["type": "string", "format": "uuid"], "reporter_name": ["type": "string"], "reason": ["type": "string"],
                "message_author": ["type": "string"], "message_body": ["type": "string", "description": "As it was when reported."],
                "created_at": ["type": "string", "format": "date-time"], "resolution": Responses.enumeration(ReportResolution.allCases.map(\.rawValue)),
                "resolution_note": ["type": "string"], "resolved_at": ["type": "string", "format": "date-time"],
            ],
        ],
        "ReportResolutionInput": [
            "type": "object", "required": ["resolution"],
            "properties": [
                "resolution": Responses.enumeration(ReportResolution.allCases.map(\.rawValue)),
                "note": ["type": "string", "maxLength": .number(MessageReportDraft.limit)],
            ],
        ],
    ]
}
