import Fluent
import Foundation
import RoundsCore
import Vapor

/// The guides' reads and writes, shared by the pages, the API, the catalog and planner (related guides)
/// and the demo seed.
struct GuideLibrary {
    let db: any Database
    let now: Date

    static let notFound = Abort(.notFound, reason: "No such guide.")
    /// How many related guides a catalog or planner page shows.
    static let relatedCount = 3

    /// Published guides, newest first.
    func published() async throws -> [Guide] {
        try await Guide.query(on: self.db).filter(\.$status == .published).with(\.$author)
            .sort(\.$publishedAt, .descending).sort(\.$title).all()
    }

    /// Published guides matching the words and the tag, best match first (newest first without words).
    func search(_ words: String?, tag: GuideTag?) async throws -> [Guide] {
        var guides = try await self.published()
        if let tag { guides = guides.filter { $0.tags.contains(tag) } }
        guard let words, !GuideSearch.terms(words).isEmpty else { return guides }
        let byID = Dictionary(uniqueKeysWithValues: guides.map { ($0.id!, $0) })
        let indexed = guides.map { GuideSearch.Indexed(id: $0.id!, title: $0.title, tags: $0.tags, summary: $0.summary, body: $0.body) }
        return GuideSearch.rank(indexed, query: words).compactMap { byID[$0] }
    }

    /// Published guides without their bodies or authors, newest first: what a link to each needs (id,
    /// address, title, summary, tags). The opportunity page asks on every view, so bodies stay unread.
    func listed() async throws -> [Guide] {
        try await Guide.query(on: self.db).filter(\.$status == .published)
            .field(\.$id).field(\.$slug).field(\.$title).field(\.$summary).field(\.$tagList)
            .sort(\.$publishedAt, .descending).sort(\.$title).all()
    }

    /// Up to three published guides sharing a tag with the page, those sharing most first (from `listed`).
    func related(to tags: [GuideTag]) async throws -> [Guide] {
        let wanted = Set(tags)
        let sharing: [(guide: Guide, shared: Int)] = try await self.listed().map { ($0, Set($0.tags).intersection(wanted).count) }
        // A stable sort: among guides sharing as many tags, the newest first.
        let ranked = sharing.enumerated().filter { $0.element.shared > 0 }.sorted { first, second in
            first.element.shared != second.element.shared ? first.element.shared > second.element.shared : first.offset < second.offset
        }
        return ranked.prefix(Self.relatedCount).map(\.element.guide)
    }

    /// The guide at an address, if the viewer may see it (a draft only by those who may edit it).
    func guide(_ slug: GuideSlug?, for viewer: User?) async throws -> Guide {
        guard let slug, let guide = try await Guide.query(on: self.db).filter(\.$slug == slug.value).with(\.$author).first(), guide.isVisible(to: viewer) else {
            throw Self.notFound
        }
        return guide
    }

    /// The guide at an address for its editor; 404 for anyone else, so drafts stay unseen.
    func editable(_ slug: GuideSlug?, by user: User) async throws -> Guide {
        let guide = try await self.guide(slug, for: user)
        guard guide.isEditable(by: user) else { throw Self.notFound }
        return guide
    }

    /// What an editor keeps: every guide for administrators, their own for advisors; latest change first.
    func kept(by user: User) async throws -> [Guide] {
        let query = Guide.query(on: self.db).with(\.$author).sort(\.$updatedAt, .descending).sort(\.$title)
        if !user.has(.admin) { query.filter(\.$author.$id == (try user.requireID())) }
        return try await query.all()
    }

    /// Checks a draft, then adds the guide or changes `existing` in one transaction. Refuses (a
    /// ValidationReport, nothing written) a draft with errors or an address another guide has.
    @discardableResult
    func save(_ draft: GuideDraft, as existing: Guide?, by user: User) async throws -> Guide {
        let content = try draft.check().get()
        let clash = ValidationReport([FieldError(field: "slug", message: "Another guide has the address “\(content.slug)”; choose another.")])
        do {
            return try await self.db.transaction { db in
                if let other = try await Guide.query(on: db).filter(\.$slug == content.slug).first(), other.id != existing?.id { throw clash }
                let guide = try existing ?? Guide(author: user.requireID(), now: self.now)
                guide.apply(content, now: self.now)
                try await guide.save(on: db)
                return guide
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw clash  // another save took the address between the check and the write
        }
    }

    func delete(_ guide: Guide) async throws {
        try await guide.delete(on: self.db)
    }
}

extension Request {
    var guides: GuideLibrary { GuideLibrary(db: self.db, now: self.now) }
}

/// A guide's address in routes: checked like the slugs guides are saved with, so any other text is a 404.
struct GuideSlug: RouteParameter, Equatable {
    static let parameterName = "slug"
    let value: String

    init?(pathValue: String) {
        guard GuideDraft.isValidSlug(pathValue) else { return nil }
        self.value = pathValue
    }

    /// A saved guide's address, checked when it was saved.
    init(saved slug: String) {
        self.value = slug
    }

    var pathValue: String { self.value }
}

extension Guide {
    var route: GuideSlug { GuideSlug(saved: self.slug) }
}
