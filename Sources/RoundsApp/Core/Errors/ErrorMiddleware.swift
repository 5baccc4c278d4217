import RoundsCore
import Vapor

/// Turns every error into a clean answer: JSON `{"error": true, "reason": …}` under `/api`, an HTML page
/// elsewhere. Client errors keep their reason; server errors show only a request id, never details.
struct RoundsErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return self.response(for: error, request: request)
        }
    }

    func response(for error: any Error, request: Request) -> Response {
        var failure = HTTPFailure(error)
        if error is RouteNotFound {
            let allowed = request.application.routeTable.allowedMethods(for: request.url.path)
            if !allowed.isEmpty {
                failure.status = .methodNotAllowed
                failure.reason = "\(request.method.rawValue) is not allowed here; use \(allowed.map(\.rawValue).joined(separator: ", "))."
                failure.headers.replaceOrAdd(name: .allow, value: allowed.map(\.rawValue).joined(separator: ", "))
            }
        }
        if failure.status.code >= 500 {
            request.logger.error(
                "Request failed",
                metadata: ["request-id": .string(request.id), "error": .string(String(reflecting: error))]
            )
        } else {
            request.logger.notice(
                "Request refused",
                metadata: [
                    "request-id": .string(request.id), "status": .stringConvertible(failure.status.code),
                    "reason": .string(failure.reason),
                ]
            )
        }
        let reason =
            failure.status.code >= 500
            ? "Something went wrong on our side. If it keeps happening, quote request id \(request.id)."
            : failure.reason
        var headers = failure.headers
        headers.replaceOrAdd(name: "X-Request-ID", value: request.id)
        let response: Response
        if request.isAPI {
            headers.contentType = .json
            let body = APIErrorBody(error: true, reason: reason, fields: failure.fields)
            let data = (try? JSONEncoder().encode(body)) ?? Data(#"{"error":true,"reason":"error"}"#.utf8)
            response = Response(status: failure.status, headers: headers, body: .init(data: data))
        } else {
            headers.contentType = .html
            let page = ErrorPage(status: failure.status, reason: reason, context: request.pageContext)
            response = Response(status: failure.status, headers: headers, body: .init(string: page.render()))
        }
        return response
    }
}

/// The JSON error shape; `fields` lists field-level problems for validation failures.
struct APIErrorBody: Content {
    var error: Bool
    var reason: String
    var fields: [String: String]?
}

/// An error reduced to what we may tell the client.
struct HTTPFailure {
    var status: HTTPResponseStatus
    var reason: String
    var headers: HTTPHeaders = [:]
    var fields: [String: String]?

    init(_ error: any Error) {
        switch error {
        case let report as ValidationReport:
            self.status = .unprocessableEntity
            self.reason = report.summary
            self.fields = Dictionary(report.errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        case let decoding as DecodingError:
            self.status = .badRequest
            self.reason = Self.describe(decoding)
        case let abort as any AbortError:
            self.status = abort.status
            self.reason = abort.reason
            self.headers = abort.headers
        case is MultipartError:
            // A body that claims to be multipart and is not: the client's fault, whichever route read it.
            self.status = .badRequest
            self.reason = "The body is not valid multipart/form-data."
        case _ where String(reflecting: type(of: error)).hasSuffix(".URLEncodedFormError"):
            // Vapor's form decoder throws an internal type; match it by name so a bad form is 400, not 500.
            self.status = .badRequest
            self.reason = "The body is not a valid form (application/x-www-form-urlencoded)."
        default:
            self.status = .internalServerError
            self.reason = "Internal error"
        }
        if self.status == .notFound && self.reason == "Not Found" {
            self.reason = "There is nothing at this address."
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let joined = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return joined.isEmpty ? "the body" : "“\(joined)”"
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "Missing field “\(key.stringValue)”" + (context.codingPath.isEmpty ? "." : " in \(parent).")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "Wrong type for \(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "Malformed input at \(path(context)): \(context.debugDescription)"
        @unknown default:
            return "Malformed input."
        }
    }
}
