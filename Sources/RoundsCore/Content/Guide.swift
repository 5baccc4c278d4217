import Foundation

/// What a guide is about; the catalog and the planner show guides by these.
public enum GuideTag: String, CaseIterable, Codable, Sendable, Comparable {
    case clinicalExperience = "us-clinical-experience"
    case eras, letters, match, visas, research
    case preMed = "pre-med"

    public var label: String {
        switch self {
        case .clinicalExperience: "US clinical experience"
        case .eras: "ERAS"
        case .letters: "Letters"
        case .match: "Match"
        case .visas: "Visas"
        case .research: "Research"
        case .preMed: "Pre-med"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        Self.allCases.firstIndex(of: lhs)! < Self.allCases.firstIndex(of: rhs)!
    }
}

public enum GuideStatus: String, CaseIterable, Codable, Sendable {
    case draft, published
}

/// A guide as checked: what gets stored.
public struct GuideContent: Equatable, Sendable {
    public var title: String
    public var slug: String
    public var summary: String
    public var body: String
    public var tags: [GuideTag]
    public var status: GuideStatus

    public init(title: String, slug: String, summary: String, body: String, tags: [GuideTag], status: GuideStatus) {
        self.title = title
        self.slug = slug
        self.summary = summary
        self.body = body
        self.tags = tags
        self.status = status
    }
}

/// A guide as its author sent it (form or JSON), checked field by field.
public struct GuideDraft: Equatable, Sendable {
    public static let titleLimit = 120
    public static let slugLimit = 80
    public static let summaryLimit = 300
    /// Long enough for a 3,000-word guide; the whole form stays inside the 64 kB request limit.
    public static let bodyLimit = 20_000
    /// Paths under /guides that are pages, not guides.
    public static let reservedSlugs: Set<String> = ["new", "manage"]

    public var title: String
    /// Empty: made from the title.
    public var slug: String
    public var summary: String
    public var body: String
    public var tags: [String]
    public var status: String

    public init(title: String = "", slug: String = "", summary: String = "", body: String = "", tags: [String] = [], status: String = GuideStatus.draft.rawValue) {
        self.title = title
        self.slug = slug
        self.summary = summary
        self.body = body
        self.tags = tags
        self.status = status
    }

    public init(_ content: GuideContent) {
        self.init(title: content.title, slug: content.slug, summary: content.summary, body: content.body, tags: content.tags.map(\.rawValue), status: content.status.rawValue)
    }

    public func check() -> Result<GuideContent, ValidationReport> {
        var errors: [FieldError] = []
        let title = self.title.trimmingCharacters(in: .whitespacesAndNewlines)
        // Upper limits count what was sent, as the API document's maxLength does; lower ones what is kept.
        if title.textLength < 3 || self.title.textLength > Self.titleLimit {
            errors.append(FieldError(field: "title", message: "Give the guide a title of 3 to \(Self.titleLimit) characters."))
        }
        let requested = self.slug
        let slug = requested.isEmpty ? Self.slug(from: title) : requested
        if !requested.isEmpty, !Self.isValidSlug(requested) {
            errors.append(FieldError(field: "slug", message: "The address may use lower-case letters, digits and single hyphens between them, at most \(Self.slugLimit) characters."))
        } else if Self.reservedSlugs.contains(slug) {
            errors.append(FieldError(field: "slug", message: "“\(slug)” is the address of a page; choose another."))
        } else if slug.isEmpty, errors.isEmpty {
            errors.append(FieldError(field: "slug", message: "The title has no letters or digits to make an address from; give one."))
        }
        let summary = self.summary.trimmingCharacters(in: .whitespacesAndNewlines)
        if summary.isEmpty || self.summary.textLength > Self.summaryLimit {
            errors.append(FieldError(field: "summary", message: "Write a summary of 1 to \(Self.summaryLimit) characters; lists and the feed show it."))
        }
        let body = self.body.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty || self.body.textLength > Self.bodyLimit {
            errors.append(FieldError(field: "body", message: "Write the guide in Markdown, at most \(Self.bodyLimit.formatted(.number)) characters."))
        }
        var tags: [GuideTag] = []
        for raw in self.tags {
            guard let tag = GuideTag(rawValue: raw) else {
                errors.append(FieldError(field: "tags", message: "Tags are one or more of: \(GuideTag.allCases.map(\.rawValue).joined(separator: ", "))."))
                break
            }
            if !tags.contains(tag) { tags.append(tag) }
        }
        if tags.isEmpty, !errors.contains(where: { $0.field == "tags" }) {
            errors.append(FieldError(field: "tags", message: "Choose at least one tag, so readers find the guide beside the pages it helps with."))
        }
        let status = GuideStatus(rawValue: self.status)
        if status == nil {
            errors.append(FieldError(field: "status", message: "A guide is a draft or published."))
        }
        for (field, text) in [("title", title), ("summary", summary)] where text.containsControlCharacters {
            errors.append(FieldError(field: field, message: "The \(field) cannot contain control characters."))
        }
        guard errors.isEmpty, let status else { return .failure(ValidationReport(errors)) }
        return .success(GuideContent(title: title, slug: slug, summary: summary, body: self.body, tags: tags.sorted(), status: status))
    }

    public static func isValidSlug(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug.utf8.count <= Self.slugLimit, !slug.hasPrefix("-"), !slug.hasSuffix("-"), !slug.contains("--") else { return false }
        return slug.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") }
    }

    /// "Observerships & electives: what's the difference?" → "observerships-electives-what-s-the-difference".
    public static func slug(from title: String) -> String {
        let folded = title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            guard next.utf8.count <= Self.slugLimit else { break }
            slug = next
        }
        return slug
    }
}

extension GuideTag {
    /// The guides an opportunity's page suggests: clinical experience always; research for research
    /// posts; pre-med for listings open to pre-meds, visas for those open to international graduates.
    public static func related(to type: OpportunityType, audiences: [Audience]) -> [GuideTag] {
        var tags: [GuideTag] = [.clinicalExperience]
        if type == .research { tags.append(.research) }
        if audiences.contains(.preMed) { tags.append(.preMed) }
        if audiences.contains(.imgGraduate) || audiences.contains(.imgStudent) { tags.append(.visas) }
        return tags
    }

    /// The guides the residency planner suggests.
    public static let residencyPlanner: [GuideTag] = [.match, .eras, .letters, .visas]
}
