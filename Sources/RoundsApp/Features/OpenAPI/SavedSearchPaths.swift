import RoundsCore

/// OpenAPI paths and schemas of saved searches and favourite listings.
enum SavedSearchPaths {
    static let searchID = ApplicationsPaths.pathID("searchID")
    static let search = Responses.json("The saved search.", schema: Responses.schemaRef("SavedSearch"))
    static let alert = Responses.enumeration(SearchAlert.allCases.map(\.rawValue))
    static let name: JSONValue = ["type": "string", "minLength": 1, "maxLength": .number(SavedSearchDraft.nameLimit)]

    static let opportunityID = ApplicationsPaths.pathID("opportunityID")

    static let paths: JSONValue = [
        APIRoute.favourites.openAPIPath: [
            "get": [
                "operationId": "listFavourites", "summary": "Your favourite listings, newest first; `listed` is false once one has left the catalog.",
                "responses": ApplicationsPaths.responses(["200": Responses.json("The favourites.", schema: ["type": "array", "items": Responses.schemaRef("Favourite")])]),
            ]
        ],
        APIRoute.favourite(.key).openAPIPath: [
            "put": [
                "operationId": "addFavourite", "summary": "Keep a listed opportunity among your favourites (again is the same as once; at most 200).",
                "parameters": [opportunityID], "responses": Responses.writes(["204": ["description": "Kept."]]),
            ],
            "delete": [
                "operationId": "removeFavourite", "summary": "Drop it from your favourites (one that is not there is the same).",
                "parameters": [opportunityID], "responses": Responses.writes(["204": ["description": "Removed."]]),
            ],
        ],
        APIRoute.savedSearches.openAPIPath: [
            "get": [
                "operationId": "listSavedSearches", "summary": "Your saved searches, oldest first.",
                "responses": ApplicationsPaths.responses(["200": Responses.json("The searches.", schema: ["type": "array", "items": Responses.schemaRef("SavedSearch")])]),
            ],
            "post": [
                "operationId": "saveSearch",
                "summary": .string("Save a search (its filters as the query string of GET /opportunities; checked the same way, 400 naming the parameter) with an alert: daily, weekly or off. At most \(SavedSearchDraft.maximumPerPerson) per person."),
                "requestBody": Responses.body("SavedSearchInput"),
                "responses": Responses.writes(["201": search]),
            ],
        ],
        APIRoute.savedSearch(.key).openAPIPath: [
            "put": [
                "operationId": "updateSavedSearch", "summary": "Rename a saved search or change its alert; turning an alert on counts new listings from then.",
                "parameters": [searchID], "requestBody": Responses.body("SavedSearchUpdate"),
                "responses": Responses.writes(["200": search]),
            ],
            "delete": [
                "operationId": "deleteSavedSearch", "summary": "Remove a saved search and its alert.",
                "parameters": [searchID], "responses": Responses.writes(["204": ["description": "Removed."]]),
            ],
        ],
    ]

    static let schemas: JSONValue = [
        "Favourite": [
            "type": "object", "required": ["opportunity_id", "title", "listed", "added_at", "url"],
            "properties": [
                "opportunity_id": ["type": "string", "format": "uuid"], "title": ["type": "string"], "listed": ["type": "boolean"],
                "added_at": ["type": "string", "format": "date-time"], "url": ["type": "string"],
            ],
        ],
        "SavedSearchInput": [
            "type": "object", "required": ["name", "alert"],
            "properties": [
                "name": name, "alert": alert,
                "query": ["type": "string", "maxLength": .number(SearchParameters.maximumQueryString), "description": "e.g. q=cardiology&type=observership&near=10016&radius_mi=50; empty for every listing."],
            ],
        ],
        "SavedSearchUpdate": ["type": "object", "required": ["alert"], "properties": ["name": name, "alert": alert]],
        "SavedSearch": [
            "type": "object", "required": ["id", "name", "query", "alert", "created_at", "checked_at"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "name": ["type": "string"], "query": ["type": "string"], "alert": alert,
                "created_at": ["type": "string", "format": "date-time"],
                "checked_at": ["type": "string", "format": "date-time", "description": "Listings that entered the catalog after this are new to the next alert."],
            ],
        ],
    ]
}
