import Fluent
import Foundation
import RoundsCore
import SafeMarkdown
import Vapor

/// Short guides in Rounds' own words (Resources/guides, one Markdown file each, named by its address),
/// published by the demo advisor. Skipped when there are guides.
enum GuideDemoData {
    static func files() throws -> [(slug: String, text: String)] {
        guard let folder = Bundle.module.url(forResource: "guides", withExtension: nil) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
            .map { ($0.deletingPathExtension().lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
    }

    /// A file as a draft: its metadata block gives title, summary and tags; the rest is the body.
    static func draft(slug: String, text: String) -> GuideDraft {
        let (metadata, body) = SafeMarkdown.frontMatter(text)
        return GuideDraft(
            title: metadata["title"] ?? "", slug: slug, summary: metadata["summary"] ?? "", body: body,
            tags: (metadata["tags"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }, status: GuideStatus.published.rawValue)
    }

    static func load(_ app: Application) async throws {
        guard try await Guide.query(on: app.db).count() == 0, let advisor = try await User.find(email: "advisor@rounds.test", on: app.db) else { return }
        let library = GuideLibrary(db: app.db, now: app.services.clock.now())
        for file in try Self.files() {
            try await library.save(Self.draft(slug: file.slug, text: file.text), as: nil, by: advisor)
        }
    }
}
