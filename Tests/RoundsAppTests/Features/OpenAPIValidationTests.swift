import Foundation
import OpenAPIKit
import Testing

@testable import RoundsApp

/// The served document read back by OpenAPIKit, a typed model of OpenAPI 3.1, and checked by its
/// validator: every `$ref` resolves, operation ids are unique, every operation answers something,
/// every path parameter is declared. The document itself stays written as JSON values because
/// OpenAPIKit 6.4's schema type has no `if`/`then`, which the profile schema needs to state its
/// cross-field rules (without them schemathesis sends bodies the server rightly refuses).
@Suite struct OpenAPIValidationTests {
    static func parsed() throws -> OpenAPI.Document {
        try JSONDecoder().decode(OpenAPI.Document.self, from: OpenAPIDocument.json)
    }

    @Test func theDocumentParsesAndPassesOpenAPIKitsValidation() throws {
        let document = try Self.parsed()
        #expect(document.openAPIVersion == .v3_1_0)
        let warnings = try document.validate(strict: false).map { String(describing: $0) }
        // OpenAPIKit reads a schema of only `if`/`then` as "nothing but unsupported attributes"; those, one
        // per conditional rule, are the only warnings allowed.
        let text = try #require(String(data: OpenAPIDocument.json, encoding: .utf8))
        let conditionals = text.components(separatedBy: "\"if\":").count - 1
        #expect(conditionals > 0)
        #expect(warnings.count == conditionals, "\(warnings)")
        #expect(warnings.allSatisfy { $0.contains("unsupported attributes") }, "\(warnings)")
    }

    @Test func everyOperationHasAnIdAndAnErrorAnswerForAnonymousCallers() throws {
        let document = try Self.parsed()
        var operations = 0
        for (path, item) in document.paths {
            guard case .b(let item) = item else {
                Issue.record("\(path.rawValue) is a reference, not a path item")
                continue
            }
            for endpoint in item.endpoints {
                operations += 1
                let name = "\(endpoint.method.rawValue) \(path.rawValue)"
                #expect(endpoint.operation.operationId != nil, "\(name) has no operationId")
                #expect(!endpoint.operation.responses.isEmpty, "\(name) lists no responses")
                // Operations open to anyone (public reads; link-token pages, which answer 404 to a bad
                // token) list no or an empty security requirement; the rest say what a stranger gets.
                let isPublic = endpoint.operation.security.map { $0.isEmpty || $0.contains { $0.isEmpty } } ?? false
                if !isPublic {
                    #expect(endpoint.operation.responses[status: 401] != nil, "\(name) does not document 401")
                }
            }
        }
        #expect(operations == OpenAPIDocument.operations.count)
    }

    /// A document with a dangling reference fails the validator, so the check above can fail.
    @Test func aDanglingReferenceIsCaught() throws {
        var text = try #require(String(data: OpenAPIDocument.json, encoding: .utf8))
        text = text.replacingOccurrences(of: "#/components/schemas/Profile\"", with: "#/components/schemas/Nowhere\"")
        let broken = try JSONDecoder().decode(OpenAPI.Document.self, from: Data(text.utf8))
        #expect(throws: (any Error).self) { try broken.validate(strict: false) }
    }
}
