import Fluent
import Plot
import SQLKit
import Vapor

/// The home page, the health check, the stylesheet and the OpenAPI document.
struct HomeController: RouteCollection {
    let stylesheet: Stylesheet

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
        var headers = HTTPHeaders()
        headers.contentType = .css
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        headers.replaceOrAdd(name: .eTag, value: self.stylesheet.etag)
        if req.headers.first(name: .ifNoneMatch) == self.stylesheet.etag {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(string: self.stylesheet.text))
    }

    /// The one script: live character counters for fields with limits, drag-and-drop on the rank order
    /// list (it fills and sends the row's own "move to rank" form), and a reviewer's selection copied into
    /// the passage field. Pages work without it.
    @Sendable func script(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: Self.counterScript))
    }

    /// Every field with `data-limits="AMCAS:700,ERAS:750"` gets a live count under it (with `data-words`,
    /// the words too, counted as the server counts them).
    static let counterScript = """
        "use strict";
        document.querySelectorAll("[data-limits]").forEach(function (field) {
          var output = document.createElement("p");
          output.className = "hint counter";
          output.setAttribute("aria-live", "polite");
          field.insertAdjacentElement("afterend", output);
          var limits = field.dataset.limits.split(",").map(function (pair) {
            var parts = pair.split(":");
            return { name: parts[0], limit: Number(parts[1]) };
          });
          var countsWords = field.dataset.words !== undefined;
          function update() {
            var text = field.value.replace(/\\r\\n?/g, "\\n");
            var count = Array.from(text).length;
            var words = text.trim() === "" ? 0 : text.trim().split(/\\s+/).length;
            output.textContent = (countsWords ? words + " words · " : "") + limits.map(function (l) {
              var over = count - l.limit;
              return l.name + ": " + count + " / " + l.limit + (over > 0 ? " (" + over + " over)" : "");
            }).join(" · ");
            output.classList.toggle("over", limits.some(function (l) { return count > l.limit; }));
          }
          field.addEventListener("input", update);
          update();
        });
        var passage = document.querySelector("textarea[name=quote]");
        document.querySelectorAll(".reviewed-text").forEach(function (text) {
          if (!passage) { return; }
          text.addEventListener("mouseup", function () {
            var selection = window.getSelection();
            if (!selection.rangeCount) { return; }
            var copy = selection.getRangeAt(0).cloneContents();
            copy.querySelectorAll("sup").forEach(function (mark) { mark.remove(); });
            if (copy.textContent.trim() !== "") { passage.value = copy.textContent; passage.focus(); }
          });
        });
        document.querySelectorAll("table.rank-list tbody").forEach(function (body) {
          var dragged = null;
          Array.from(body.rows).forEach(function (row) {
            row.draggable = true;
            row.addEventListener("dragstart", function (event) {
              dragged = row;
              event.dataTransfer.effectAllowed = "move";
              row.classList.add("dragging");
            });
            row.addEventListener("dragend", function () { row.classList.remove("dragging"); dragged = null; });
            row.addEventListener("dragover", function (event) { if (dragged) { event.preventDefault(); } });
            row.addEventListener("drop", function (event) {
              event.preventDefault();
              if (!dragged || dragged === row) { return; }
              var position = dragged.querySelector("input[name=position]");
              position.value = Array.from(body.rows).indexOf(row) + 1;
              position.form.submit();
            });
          });
        });
        """

    @Sendable func favicon(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
        return Response(status: .ok, headers: headers, body: .init(string: Self.faviconSVG))
    }

    static let faviconSVG = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/>\
        <text x="16" y="23" font-family="sans-serif" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">R</text></svg>
        """

    @Sendable func openAPI(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: OpenAPIDocument.json))
    }
}

/// The app's one stylesheet, read from the bundle once at boot.
struct Stylesheet: Sendable {
    let text: String
    let etag: String

    static func load() throws -> Stylesheet {
        guard let url = Bundle.module.url(forResource: "rounds", withExtension: "css") else {
            throw ResourceMissing(name: "rounds.css")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        return Stylesheet(text: text, etag: "\"\(SecretToken.hash(text).prefix(16))\"")
    }
}

struct ResourceMissing: Error, CustomStringConvertible {
    var name: String
    var description: String { "The bundled resource \(self.name) is missing; the build is broken." }
}
