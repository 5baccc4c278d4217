import RoundsCore

/// OpenAPI paths and schemas of tokens and the current user.
enum AccountsPaths {
    static let paths: JSONValue = [
        APIRoute.tokens.openAPIPath: [
            "post": [
                "operationId": "createToken",
                "summary": "Sign in with e-mail and password and create an API token (shown once).",
                "security": [],
                "requestBody": Responses.body("CreateTokenRequest"),
                "responses": [
                    "201": Responses.json("The new token.", schema: Responses.schemaRef("Token")),
                    "400": Responses.ref("BadRequest"),
                    "401": Responses.ref("Unauthorized"),
                    "403": Responses.ref("Forbidden"),
                    "415": Responses.ref("UnsupportedMediaType"),
                    "422": Responses.ref("Unprocessable"),
                    "429": Responses.ref("TooManyRequests"),
                ],
            ],
            "get": [
                "operationId": "listTokens",
                "summary": "Your API tokens, newest first (without their secrets).",
                "responses": [
                    "200": Responses.json("Tokens.", schema: ["type": "array", "items": Responses.schemaRef("Token")]),
                    "401": Responses.ref("Unauthorized"),
                    "403": Responses.ref("Forbidden"),
                ],
            ],
        ],
        APIRoute.token(.key).openAPIPath: [
            "delete": [
                "operationId": "revokeToken",
                "summary": "Revoke one of your tokens.",
                "parameters": [
                    ["name": "tokenID", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]
                ],
                "responses": [
                    "204": ["description": "Revoked."],
                    "400": Responses.ref("BadRequest"),
                    "401": Responses.ref("Unauthorized"),
                    "403": Responses.ref("Forbidden"),
                    "404": Responses.ref("NotFound"),
                ],
            ]
        ],
        APIRoute.me.openAPIPath: [
            "get": [
                "operationId": "me",
                "summary": "The signed-in user.",
                "responses": [
                    "200": Responses.json("You.", schema: Responses.schemaRef("Me")),
                    "401": Responses.ref("Unauthorized"),
                    "403": Responses.ref("Forbidden"),
                ],
            ]
        ],
        APIRoute.meExport.openAPIPath: [
            "get": [
                "operationId": "exportMyData",
                "summary": "Everything Rounds holds about you, as a ZIP.",
                "description": """
                    JSON files in the shapes of this API's answers (account, profile, applications, documents, letters, portfolio, \
                    residency plans, statements, reviews, notifications) and the uploaded files. A letter whose applicant waived \
                    access is listed without its file. Five exports per account per hour.
                    """,
                "responses": [
                    "200": ["description": "The archive.", "content": ["application/zip": ["schema": ["type": "string", "format": "binary"]]]],
                    "401": Responses.ref("Unauthorized"),
                    "403": Responses.ref("Forbidden"),
                    "429": Responses.ref("TooManyRequests"),
                ],
            ]
        ],
    ]

    static let schemas: JSONValue = [
        "CreateTokenRequest": [
            "type": "object",
            "required": ["email", "password", "name"],
            "properties": [
                "email": ["type": "string", "format": "email", "maxLength": .number(EmailAddress.maximumLength)],
                "password": ["type": "string", "maxLength": 128],
                "name": ["type": "string", "minLength": 1, "maxLength": .number(APIToken.maximumNameLength), "pattern": "\\S"],
                "totp_code": ["type": "string", "description": "Current authenticator code; required when two-factor sign-in is on."],
            ],
        ],
        "Token": [
            "type": "object",
            "required": ["id", "name", "created_at"],
            "properties": [
                "id": ["type": "string", "format": "uuid"],
                "name": ["type": "string"],
                "created_at": ["type": "string", "format": "date-time"],
                "last_used_at": ["type": ["string", "null"], "format": "date-time"],
                "token": ["type": "string", "description": "The secret; only in the answer that created it."],
            ],
        ],
        "Me": [
            "type": "object",
            "required": ["id", "email", "display_name", "roles"],
            "properties": [
                "id": ["type": "string", "format": "uuid"],
                "email": ["type": "string"],
                "display_name": ["type": "string"],
                "roles": ["type": "array", "items": Responses.enumeration(Role.allCases.map(\.rawValue))],
            ],
        ],
    ]
}
