import RoundsCore

/// OpenAPI paths and schemas of reporting listings and deciding the reports.
enum ListingReportsPaths {
    static let opportunityID = ApplicationsPaths.pathID("opportunityID")
    static let reportID = ApplicationsPaths.pathID("listingReportID")

    static let paths: JSONValue = [
        APIRoute.listingReports(.key).openAPIPath: [
            "post": [
                "operationId": "reportListing", "summary": "Report a listed opportunity to the administrators (once per listing and person; not your own).",
                "parameters": [opportunityID], "requestBody": Responses.body("ListingReportInput"),
                "responses": Responses.writes([
                    "201": Responses.json("The report was filed.", schema: Responses.schemaRef("FiledListingReport")),
                    "409": AdminPaths.conflict,
                ]),
            ]
        ],
        APIRoute.adminListingReports.openAPIPath: [
            "get": [
                "operationId": "adminListListingReports", "summary": "Administrators: reported listings, open ones first, newest first (the latest 200).",
                "responses": ApplicationsPaths.responses(["200": Responses.json("The reports.", schema: ["type": "array", "items": Responses.schemaRef("ListingReport")])]),
            ]
        ],
        APIRoute.adminListingReportResolution(.key).openAPIPath: [
            "post": [
                "operationId": "adminResolveListingReport",
                "summary": "Administrators: keep the listing, or withdraw it from the catalog with a reason its host reads (which decides every open report of it). Audited.",
                "parameters": [reportID], "requestBody": Responses.body("ListingReportResolutionInput"),
                "responses": Responses.writes(["200": Responses.json("The decided report.", schema: Responses.schemaRef("ListingReport")), "409": AdminPaths.conflict]),
            ]
        ],
    ]

    static let schemas: JSONValue = [
        "ListingReportInput": [
            "type": "object", "required": ["problem", "details"],
            "properties": [
                "problem": Responses.enumeration(ListingProblem.allCases.map(\.rawValue)),
                "details": ["type": "string", "minLength": 1, "maxLength": .number(ListingReportDraft.limit)],
            ],
        ],
        "FiledListingReport": [
            "type": "object", "required": ["id", "opportunity_id", "created_at"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "opportunity_id": ["type": "string", "format": "uuid"],
                "created_at": ["type": "string", "format": "date-time"],
            ],
        ],
        "ListingReport": [
            "type": "object", "required": ["id", "opportunity_id", "opportunity_title", "reporter_name", "problem", "details", "created_at"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "opportunity_id": ["type": "string", "format": "uuid"],
                "opportunity_title": ["type": "string", "description": "As it was when reported."],
                "opportunity_status": Responses.enumeration(OpportunityStatus.allCases.map(\.rawValue)),
                "reporter_name": ["type": "string"], "problem": Responses.enumeration(ListingProblem.allCases.map(\.rawValue)),
                "details": ["type": "string"], "created_at": ["type": "string", "format": "date-time"],
                "resolution": Responses.enumeration(ListingReportResolution.allCases.map(\.rawValue)),
                "resolution_note": ["type": "string"], "resolved_at": ["type": "string", "format": "date-time"],
            ],
        ],
        "ListingReportResolutionInput": [
            "type": "object", "required": ["resolution"],
            "properties": [
                "resolution": Responses.enumeration(ListingReportResolution.allCases.map(\.rawValue)),
                "note": ["type": "string", "maxLength": .number(ListingReportDraft.limit), "description": "Required to withdraw: the host reads it."],
            ],
        ],
    ]
}
