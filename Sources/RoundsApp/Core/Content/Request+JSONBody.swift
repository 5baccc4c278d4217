import Vapor

extension Request {
    /// Decodes the JSON body of an API operation. Any other media type is 415, whatever the body holds
    /// (a multipart body sent to a JSON operation used to reach MultipartKit and answer 500); a body that
    /// is not the JSON it claims to be is 400 with the place it went wrong.
    func jsonBody<Body: Decodable>(_ type: Body.Type) throws -> Body {
        try self.requireJSONContentType()
        guard let data = self.body.data, data.readableBytes > 0 else {
            throw Abort(.badRequest, reason: "The body is empty; send a JSON object.")
        }
        return try self.decodeBody(Body.self, unreadable: "The body is not valid JSON.")
    }

    /// Decodes the body with Vapor's content decoders. Decoding errors (a missing or mistyped field) and
    /// HTTP errors pass through; a parser's own error, from a body that is not what it claims to be,
    /// becomes 400 with `reason`.
    func decodeBody<Body: Decodable>(_ type: Body.Type, unreadable reason: String) throws -> Body {
        do {
            return try self.content.decode(Body.self)
        } catch let error as DecodingError {
            throw error
        } catch let error as any AbortError {
            throw error
        } catch {
            throw Abort(.badRequest, reason: reason)
        }
    }

    /// The JSON body, or `empty` when the operation was sent no body at all (bodies that are optional).
    func jsonBody<Body: Decodable>(_ type: Body.Type, orWhenEmpty empty: @autoclosure () -> Body) throws -> Body {
        guard let data = self.body.data, data.readableBytes > 0 else { return empty() }
        return try self.jsonBody(Body.self)
    }

    private func requireJSONContentType() throws {
        guard let contentType = self.headers.contentType else {
            throw Abort(.unsupportedMediaType, reason: "Send the body as JSON with Content-Type: application/json.")
        }
        let isJSON = contentType.type == "application" && (contentType.subType == "json" || contentType.subType.hasSuffix("+json"))
        guard isJSON else {
            throw Abort(
                .unsupportedMediaType,
                reason: "This operation reads JSON; the body was sent as \(contentType.type)/\(contentType.subType). Use Content-Type: application/json."
            )
        }
    }
}
