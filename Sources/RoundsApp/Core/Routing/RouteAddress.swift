import Foundation
import Vapor

/// A value that stands in a route's path: its name in the route's pattern, and how it is read and written.
protocol RouteParameter: Sendable {
    static var parameterName: String { get }
    init?(pathValue: String)
    var pathValue: String { get }
}

extension RouteParameter where Self: RawRepresentable, RawValue == String {
    init?(pathValue: String) { self.init(rawValue: pathValue) }
    var pathValue: String { self.rawValue }
}

extension Optional where Wrapped: RouteParameter {
    /// The parameter's place in a route pattern, as registered (`:applicationID`), not a value.
    static var key: Self { nil }
}

/// One piece of a path: fixed text, or a parameter with its value when linking and without it when registering.
enum PathPiece: ExpressibleByStringLiteral, Sendable {
    case constant(String)
    case parameter(name: String, value: String?)

    init(stringLiteral value: String) { self = .constant(value) }

    static func id<P: RouteParameter>(_ value: P?) -> PathPiece {
        .parameter(name: P.parameterName, value: value?.pathValue)
    }
}

/// A route of Rounds: the site's pages (`SiteRoute`) or the JSON API (`APIRoute`). Its pieces are the one
/// place its path is written; routes are registered from them and every link is built from them.
protocol RouteAddress: Sendable {
    var pieces: [PathPiece] { get }
}

extension RouteAddress {
    /// The path a link uses. A parameter left as `.key` is written as its pattern, which no link should need.
    var path: String {
        self.joined { name, value in value?.addingPercentEncoding(withAllowedCharacters: .urlPathSegmentAllowed) ?? ":" + name }
    }

    /// The path with a query built from encoded pairs.
    func path(query: [(String, String)]) -> String {
        self.path.appendingQuery(query)
    }

    /// The pattern Vapor's router matches.
    var pathComponents: [PathComponent] {
        self.pieces.map { piece in
            switch piece {
            case .constant(let text): .constant(text)
            case .parameter(let name, _): .parameter(name)
            }
        }
    }

    /// The path as OpenAPI writes it, with `{name}` for each parameter.
    var openAPIPath: String {
        self.joined { name, _ in "{\(name)}" }
    }

    /// The pieces as a path, each parameter written by `parameter(name, value)`.
    private func joined(parameter: (_ name: String, _ value: String?) -> String) -> String {
        "/" + self.pieces.map { piece in
            switch piece {
            case .constant(let text): text
            case .parameter(let name, let value): parameter(name, value)
            }
        }.joined(separator: "/")
    }
}

extension CharacterSet {
    fileprivate static let urlPathSegmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))
}

extension String {
    /// This path with a query built from encoded pairs. Call it on a path only: an origin in front would be
    /// encoded as part of the path (`http%3A//…`); put the origin before the result instead.
    func appendingQuery(_ query: [(String, String)]) -> String {
        var components = URLComponents()
        components.path = self
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        // URLComponents leaves "+" as it is, and the form decoding every reader uses takes it for a space
        // (a search for "C++" paged on as "C  "); every "+" left in the encoded query came from a value.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return components.string ?? self
    }
}

extension Parameters {
    /// The typed value of a route's parameter; nil when it is missing or not of the type (a 404 for the caller).
    func get<P: RouteParameter>(_ type: P.Type) -> P? {
        self.get(P.parameterName).flatMap(P.init(pathValue:))
    }
}

extension RoutesBuilder {
    @discardableResult
    func get<Response: AsyncResponseEncodable>(
        _ route: some RouteAddress, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        self.on(.GET, route.pathComponents, use: closure)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ route: some RouteAddress, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        self.on(.POST, route.pathComponents, use: closure)
    }

    @discardableResult
    func put<Response: AsyncResponseEncodable>(
        _ route: some RouteAddress, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        self.on(.PUT, route.pathComponents, use: closure)
    }

    @discardableResult
    func delete<Response: AsyncResponseEncodable>(
        _ route: some RouteAddress, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        self.on(.DELETE, route.pathComponents, use: closure)
    }

    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ route: some RouteAddress, body: HTTPBodyStreamStrategy,
        use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        self.on(method, route.pathComponents, body: body, use: closure)
    }
}
