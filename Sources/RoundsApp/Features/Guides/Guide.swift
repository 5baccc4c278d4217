import Fluent
import Foundation
import RoundsCore

/// A guide: Markdown by an administrator or advisor, a draft until published. Tags are kept in one
/// column (sorted raw values, comma-separated): guides are few, so lists filter and search in memory.
final class Guide: Model, @unchecked Sendable {
    static let schema = "guides"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    @Field(key: "body") var body: String
    @Field(key: "tags") var tagList: String
    @Field(key: "status") var status: GuideStatus
    @OptionalParent(key: "author_id") var author: User?
    /// When it was first published; it keeps its place in the feed when unpublished and published again.
    @OptionalField(key: "published_at") var publishedAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(author: UUID, now: Date) {
        self.$author.id = author
        self.createdAt = now
        self.updatedAt = now
    }

    var tags: [GuideTag] {
        self.tagList.split(separator: ",").compactMap { GuideTag(rawValue: String($0)) }
    }

    var isPublished: Bool { self.status == .published }

    var content: GuideContent {
        GuideContent(title: self.title, slug: self.slug, summary: self.summary, body: self.body, tags: self.tags, status: self.status)
    }

    func apply(_ content: GuideContent, now: Date) {
        self.slug = content.slug
        self.title = content.title
        self.summary = content.summary
        self.body = content.body
        self.tagList = content.tags.map(\.rawValue).joined(separator: ",")
        self.status = content.status
        if content.status == .published, self.publishedAt == nil { self.publishedAt = now }
        self.updatedAt = now
    }

    /// Administrators edit every guide; advisors their own.
    func isEditable(by user: User) -> Bool {
        user.has(.admin) || (user.has(.advisor) && self.$author.id == user.id)
    }

    /// Published guides are public; a draft only to those who may edit it.
    func isVisible(to user: User?) -> Bool {
        self.isPublished || user.map(self.isEditable(by:)) == true
    }

    var authorName: String { self.$author.value??.displayName ?? "Rounds" }
}
