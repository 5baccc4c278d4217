import Foundation
import Testing

@testable import RoundsApp

/// Issue 13, defect 7: schema-valid requests were refused because the document was looser than the
/// server (an integer with no maximum overflowed and was reported as bad JSON). Every number a client
/// may send has both bounds, and every body's cross-field rules are written into the schema.
@Suite struct OpenAPIBoundsTests {
    static func document() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json) as? [String: Any])
    }

    /// Every schema a client sends: request bodies (following $refs) and parameters, by a readable path.
    static func sentSchemas(_ document: [String: Any]) throws -> [(String, Any)] {
        let components = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        var found: [(String, Any)] = []
        var seenRefs: Set<String> = []
        func walk(_ schema: Any, at path: String) {
            if let array = schema as? [Any] {
                for (index, item) in array.enumerated() { walk(item, at: "\(path)[\(index)]") }
                return
            }
            guard let object = schema as? [String: Any] else { return }
            if let ref = object["$ref"] as? String {
                let name = String(ref.split(separator: "/").last ?? "")
                if seenRefs.insert(name).inserted, let target = components[name] { walk(target, at: name) }
                return
            }
            found.append((path, object))
            for (key, value) in object where ["properties", "items", "anyOf", "allOf", "oneOf", "then", "else"].contains(key) {
                if key == "properties", let properties = value as? [String: Any] {
                    for (name, property) in properties { walk(property, at: "\(path).\(name)") }
                } else {
                    walk(value, at: "\(path).\(key)")
                }
            }
        }
        for (route, item) in document["paths"] as? [String: Any] ?? [:] {
            for (method, operation) in item as? [String: Any] ?? [:] {
                guard let operation = operation as? [String: Any] else { continue }
                for parameter in operation["parameters"] as? [[String: Any]] ?? [] {
                    walk(parameter["schema"] as Any, at: "\(method) \(route) ?\(parameter["name"] ?? "")")
                }
                let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any] ?? [:]
                for (_, media) in content { walk((media as? [String: Any])?["schema"] as Any, at: "\(method) \(route) body") }
            }
        }
        return found
    }

    static func types(_ schema: [String: Any]) -> Set<String> {
        if let one = schema["type"] as? String { return [one] }
        return Set(schema["type"] as? [String] ?? [])
    }

    @Test func everyNumberAClientSendsHasBothBounds() throws {
        let schemas = try Self.sentSchemas(try Self.document())
        #expect(schemas.count > 50)
        for (path, schema) in schemas {
            guard let object = schema as? [String: Any], !Self.types(object).isDisjoint(with: ["integer", "number"]) else { continue }
            let hasMaximum = object["maximum"] != nil || object["exclusiveMaximum"] != nil
            let hasMinimum = object["minimum"] != nil || object["exclusiveMinimum"] != nil
            #expect(hasMaximum && hasMinimum, "\(path) has no bounds")
        }
    }

    @Test func theProfileSchemaStatesTheServersCrossFieldRules() throws {
        let document = try Self.document()
        let profile = try #require(((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?["Profile"] as? [String: Any])
        let rules = try #require(profile["allOf"] as? [[String: Any]])
        let text = String(decoding: try JSONSerialization.data(withJSONObject: rules), as: UTF8.self)
        #expect(text.contains("school_country"))
        #expect(text.contains("img_graduate"))
        let matchYear = try #require((profile["properties"] as? [String: Any])?["target_match_year"] as? [String: Any])
        #expect(matchYear["minimum"] as? Int == ProfilePaths.year)
        #expect(matchYear["maximum"] as? Int == ProfilePaths.year + 10)
    }
}
