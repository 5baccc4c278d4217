import Fluent
import Plot
import SQLKit
import Vapor

/// The home page, the health check, the stylesheet, the script and the OpenAPI document.
struct HomeController: RouteCollection {
    let assets: SiteAssets

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.home, use: self.home)
        routes.get(SiteRoute.healthz, use: self.health)
        routes.get(SiteRoute.stylesheet, use: self.css)
        routes.get(SiteRoute.favicon, use: self.favicon)
        routes.get(SiteRoute.script, use: self.script)
        routes.get(APIRoute.openAPI, use: self.openAPI)
    }

    /// Visitors see what Rounds is; signed-in users see their dashboard.
    @Sendable func home(req: Request) async throws -> HTMLPage {
        guard let user = req.currentUser else { return HomePage(context: req.pageContext).layout().page() }
        return DashboardPage(dashboard: try await Dashboard.load(for: user, req: req), now: req.now, context: req.pageContext).layout().page()
    }

    /// 200 when the database answers a query, 503 otherwise; used by load balancers and CI.
    @Sendable func health(req: Request) async throws -> Response {
        do {
            _ = try await (req.db as! any SQLDatabase).raw("SELECT 1 AS ok").first()
            return Response(status: .ok, body: .init(string: "ok\n"))
        } catch {
            req.logger.error("Health check failed: the database did not answer")
            return Response(status: .serviceUnavailable, body: .init(string: "database unavailable\n"))
        }
    }

    @Sendable func css(req: Request) async throws -> Response {
        self.assets.stylesheet.response(for: req, contentType: .css)
    }

    @Sendable func script(req: Request) async throws -> Response {
        self.assets.script.response(for: req, contentType: HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]))
    }

    @Sendable func favicon(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
        return Response(status: .ok, headers: headers, body: .init(string: BrandMark.favicon))
    }

    @Sendable func openAPI(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: OpenAPIDocument.json))
    }
}
