import Vapor

/// The registered routes by method, to answer 405 Method Not Allowed (with `Allow`) instead of 404 when a
/// path exists but not for the method used.
struct RouteTable: Sendable {
    private let routes: [(method: HTTPMethod, path: [PathComponent])]

    init(_ routes: [Route]) {
        self.routes = routes.map { ($0.method, $0.path) }
    }

    /// Methods registered for `path`, in a stable order; empty when no route has this path.
    func allowedMethods(for path: String) -> [HTTPMethod] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let methods = self.routes.filter { Self.matches($0.path, segments) }.map(\.method)
        return Array(Set(methods.map(\.rawValue))).sorted().map { HTTPMethod(rawValue: $0) }
    }

    private static func matches(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        for (index, component) in pattern.enumerated() {
            switch component {
            case .catchall:
                return segments.count > index
            case .constant(let value):
                guard index < segments.count, segments[index] == value else { return false }
            case .parameter, .anything:
                guard index < segments.count else { return false }
            }
        }
        return pattern.count == segments.count
    }
}

extension Application {
    private struct RouteTableKey: StorageKey { typealias Value = RouteTable }

    /// Built once after every route is registered.
    var routeTable: RouteTable {
        get { self.storage[RouteTableKey.self] ?? RouteTable([]) }
        set { self.storage[RouteTableKey.self] = newValue }
    }
}
