import Foundation
import RoundsCore

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`.
/// Each feature adds its paths and schemas here; a test checks that every API route is listed.
enum OpenAPIDocument {
    static let document: JSONValue = [
        "openapi": "3.1.0",
        "info": [
            "title": "Rounds API",
            "version": "1.0.0",
            "description": "Find, prove and use US clinical experience. Authenticate with `Authorization: Bearer <token>`; create a token with POST /api/v1/tokens or on your account page.",
        ],
        "servers": [["url": "/"]],
        "security": [["bearer": []]],
        "paths": paths,
        "components": [
            "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            "schemas": schemas,
            "responses": Responses.components,
        ],
    ]

    static var paths: JSONValue {
        AccountsPaths.paths.merging(ProfilePaths.paths).merging(CatalogPaths.paths).merging(ApplicationsPaths.paths).merging(PlacementPaths.paths)
            .merging(LettersPaths.paths).merging(PortfolioPaths.paths).merging(ResidencyPaths.paths).merging(DirectoryPaths.paths)
            .merging(RankListPaths.paths).merging(GuidesPaths.paths).merging(AdvisingPaths.paths).merging(MessagesPaths.paths).merging(HostCatalogPaths.paths).merging(AdminPaths.paths).merging(ListingReportsPaths.paths).merging(NewsletterAdminPaths.paths).merging(CoupleRankListPaths.paths).merging(SavedSearchPaths.paths)
    }

    static var schemas: JSONValue {
        let all = JSONValue.object([("Error", Responses.errorSchema)]).merging(AccountsPaths.schemas).merging(ProfilePaths.schemas)
            .merging(CatalogPaths.schemas).merging(ApplicationsPaths.schemas).merging(PlacementPaths.schemas)
            .merging(LettersPaths.schemas).merging(PortfolioPaths.schemas).merging(ResidencyPaths.schemas)
            .merging(DirectoryPaths.schemas).merging(RankListPaths.schemas).merging(GuidesPaths.schemas).merging(AdvisingPaths.schemas).merging(MessagesPaths.schemas).merging(HostCatalogPaths.schemas).merging(AdminPaths.schemas).merging(ListingReportsPaths.schemas).merging(NewsletterAdminPaths.schemas).merging(CoupleRankListPaths.schemas).merging(SavedSearchPaths.schemas)
        guard case .object(let pairs) = all else { return all }
        return .object(pairs.map { name, schema in (name, Self.requestBodies.contains(name) || name.hasSuffix("Input") ? Self.nullableOptionals(schema) : schema) })
    }

    /// Request bodies whose names do not end in "Input".
    static let requestBodies: Set<String> = ["VerificationAnswer"]

    /// In a request body, an optional property may also be sent as JSON null, which the server reads as
    /// absent; the schema says so, so clients and fuzzers know null is fine.
    static func nullableOptionals(_ schema: JSONValue) -> JSONValue {
        guard case .object(let pairs) = schema else { return schema }
        let required: Set<String> = pairs.first { $0.0 == "required" }.flatMap { pair -> Set<String>? in
            guard case .array(let names) = pair.1 else { return nil }
            return Set(names.compactMap { if case .string(let name) = $0 { name } else { nil } })
        } ?? []
        return .object(
            pairs.map { key, value in
                switch key {
                case "properties":
                    guard case .object(let properties) = value else { return (key, value) }
                    return (
                        key,
                        .object(
                            properties.map { name, property in
                                let nested = Self.nullableOptionals(property)
                                return (name, required.contains(name) ? nested : ["anyOf": [nested, ["type": "null"]]])
                            }
                        )
                    )
                case "items": return (key, Self.nullableOptionals(value))  // objects inside arrays, e.g. periods
                default: return (key, value)
                }
            }
        )
    }

    static let json: Data = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(document)) ?? Data()
    }()

    /// Every `METHOD path` the document lists, for the completeness test.
    static var operations: Set<String> {
        guard case .object(let pairs) = paths else { return [] }
        return Set(
            pairs.flatMap { path, item -> [String] in
                guard case .object(let methods) = item else { return [] }
                return methods.map { "\($0.0.uppercased()) \(path)" }
            }
        )
    }
}

/// Reusable responses and schema pieces.
enum Responses {
    static let errorSchema: JSONValue = [
        "type": "object",
        "required": ["error", "reason"],
        "properties": [
            "error": ["type": "boolean"],
            "reason": ["type": "string"],
            "fields": ["type": "object", "additionalProperties": ["type": "string"]],
        ],
    ]

    static let components: JSONValue = [
        "BadRequest": error("The request is malformed: wrong JSON, wrong types or a bad parameter."),
        "Unauthorized": error("No valid credentials."),
        "Forbidden": error("Signed in, but not allowed."),
        "NotFound": error("No such resource (or not yours)."),
        "UnsupportedMediaType": error("The body must be application/json."),
        "ContentTooLarge": error("The body is larger than the server takes (64 kB for JSON)."),
        "Unprocessable": error("The input is well-formed but breaks a rule; `fields` says which."),
        "TooManyRequests": [
            "description": "Rate limited; retry after the number of seconds in Retry-After.",
            "headers": ["Retry-After": ["schema": ["type": "integer"]]],
            "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
        ],
    ]

    /// A stored upload served back: PDF, PNG or JPEG, as its content was checked on the way in.
    static let uploadedFile: JSONValue = [
        "description": "The file.",
        "content": [
            "application/pdf": ["schema": ["type": "string", "format": "binary"]],
            "image/png": ["schema": ["type": "string", "format": "binary"]],
            "image/jpeg": ["schema": ["type": "string", "format": "binary"]],
        ],
    ]

    private static func error(_ description: String) -> JSONValue {
        ["description": .string(description), "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
    }

    /// The answers of an operation that writes: `success`, and the refusals every write can meet.
    static func writes(_ success: [String: JSONValue]) -> JSONValue {
        ApplicationsPaths.responses(
            success.merging([
                "400": Self.ref("BadRequest"), "404": Self.ref("NotFound"), "413": Self.ref("ContentTooLarge"),
                "415": Self.ref("UnsupportedMediaType"), "422": Self.ref("Unprocessable"),
            ]) { first, _ in first }
        )
    }

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/responses/\(name)")] }

    static func json(_ description: String, schema: JSONValue) -> JSONValue {
        ["description": .string(description), "content": ["application/json": ["schema": schema]]]
    }

    static func schemaRef(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    static func body(_ schemaName: String) -> JSONValue {
        ["required": true, "content": ["application/json": ["schema": schemaRef(schemaName)]]]
    }

    static func enumeration(_ values: [String]) -> JSONValue {
        ["type": "string", "enum": .array(values.map { .string($0) })]
    }

    /// An optional choice: one of `values`, or null (which means "not given").
    static func nullableEnumeration(_ values: [String]) -> JSONValue {
        ["type": ["string", "null"], "enum": .array(values.map { .string($0) } + [.null])]
    }
}
