import RoundsCore

/// OpenAPI paths and schemas of the guides.
enum GuidesPaths {
    static let slug: JSONValue = [
        "name": "slug", "in": "path", "required": true,
        "schema": ["type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": .number(GuideDraft.slugLimit)],
    ]
    static let tags = Responses.enumeration(GuideTag.allCases.map(\.rawValue))
    static let guide = Responses.json("The guide.", schema: Responses.schemaRef("Guide"))

    static let paths: JSONValue = [
        APIRoute.guides.openAPIPath: [
            "get": [
                "operationId": "listGuides",
                "summary": "Published guides, newest first; with q, those containing every word, best match first; with tag, those so tagged.",
                "security": [[:], ["bearer": []]],
                "parameters": [
                    CatalogPaths.parameter("q", "Words to look for.", ["type": "string", "maxLength": .number(API.GuidesController.maximumQueryLength)]),
                    CatalogPaths.parameter("tag", "Only guides with this tag.", tags),
                ],
                "responses": [
                    "200": Responses.json("The guides.", schema: Responses.schemaRef("GuideList")),
                    "400": Responses.ref("BadRequest"),
                ],
            ],
            "post": [
                "operationId": "createGuide",
                "summary": "Administrators and advisors: write a guide (a draft unless status is published). The address is made from the title when slug is left out; it must be free.",
                "requestBody": Responses.body("GuideInput"),
                "responses": Responses.writes(["201": guide]),
            ],
        ],
        APIRoute.guide(.key).openAPIPath: [
            "get": [
                "operationId": "getGuide",
                "summary": "One published guide with its Markdown and the HTML readers see (a draft only to those who may edit it).",
                "security": [[:], ["bearer": []]],
                "parameters": [slug],
                "responses": ["200": guide, "404": Responses.ref("NotFound")],
            ],
            "put": [
                "operationId": "updateGuide",
                "summary": "Replace a guide: administrators any, advisors their own.",
                "parameters": [slug],
                "requestBody": Responses.body("GuideInput"),
                "responses": Responses.writes(["200": guide]),
            ],
            "delete": [
                "operationId": "deleteGuide",
                "summary": "Delete a guide: administrators any, advisors their own.",
                "parameters": [slug],
                "responses": ApplicationsPaths.responses(["204": ["description": "Deleted."], "404": Responses.ref("NotFound")]),
            ],
        ],
    ]

    static let summary: JSONValue = [
        "type": "object", "required": ["slug", "title", "summary", "tags", "status", "author", "updated_at", "url"],
        "properties": [
            "slug": ["type": "string"], "title": ["type": "string"], "summary": ["type": "string"], "tags": ["type": "array", "items": tags],
            "status": Responses.enumeration(GuideStatus.allCases.map(\.rawValue)), "author": ["type": "string"],
            "published_at": ["type": ["string", "null"], "format": "date-time"], "updated_at": ApplicationsPaths.dateTime, "url": ["type": "string"],
        ],
    ]

    static let schemas: JSONValue = [
        "GuideList": [
            "type": "object", "required": ["total", "guides"],
            "properties": ["total": ["type": "integer"], "guides": ["type": "array", "items": summary]],
        ],
        "Guide": [
            "type": "object", "required": ["guide", "markdown", "html"],
            "properties": ["guide": summary, "markdown": ["type": "string"], "html": ["type": "string"]],
        ],
        "GuideInput": [
            "type": "object", "required": ["title", "summary", "markdown", "tags"],
            "properties": [
                "title": ["type": "string", "minLength": 3, "maxLength": .number(GuideDraft.titleLimit)],
                "slug": [
                    "type": ["string", "null"], "maxLength": .number(GuideDraft.slugLimit), "pattern": "^([a-z0-9]+(-[a-z0-9]+)*)?$",
                    "description": "The address after /guides/; empty or null to make it from the title.",
                ],
                "summary": ["type": "string", "minLength": 1, "maxLength": .number(GuideDraft.summaryLimit)],
                "markdown": ["type": "string", "minLength": 1, "maxLength": .number(GuideDraft.bodyLimit)],
                "tags": ["type": "array", "minItems": 1, "items": tags],
                "status": Responses.nullableEnumeration(GuideStatus.allCases.map(\.rawValue)),
            ],
        ],
    ]
}
