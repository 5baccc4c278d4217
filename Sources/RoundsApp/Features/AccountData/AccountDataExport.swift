import Fluent
import Foundation
import Vapor
import ZIPFoundation

/// Everything Rounds holds about one account, as a ZIP: each part is what the JSON API answers that account
/// (the same handlers, so the same fields, redactions and access rules), plus the bytes of its documents
/// and of the letters it may read. A letter whose applicant waived access is listed without its file.
struct AccountDataExport {
    let app: Application
    let user: User
    let eventLoop: any EventLoop
    let store: any DocumentStore

    /// One file of the archive.
    struct Entry {
        enum Content {
            case bytes(Data)
            /// An uploaded file, read from the store only while the archive is written, one at a time.
            case stored(key: String)
        }

        var path: String
        var content: Content

        init(path: String, bytes: Data) {
            self.path = path
            self.content = .bytes(bytes)
        }

        init(path: String, storedAt key: String) {
            self.path = path
            self.content = .stored(key: key)
        }
    }

    func entries() async throws -> [Entry] {
        var entries: [Entry] = []
        func add(_ path: String, _ value: (some Encodable)?) throws {
            if let value { entries.append(Entry(path: path, bytes: try Self.json(value))) }
        }
        try add("account.json", try await self.part { try await API.AccountsController().me(req: $0) })
        try add("api-tokens.json", try await self.part { try await API.AccountsController().listTokens(req: $0) })
        try add("profile.json", try await self.part { try await API.ProfileController().show(req: $0) })
        try add("notifications.json", try await self.part { try await API.NotificationsController().index(req: $0) })

        let applications = try await self.part { try await API.ApplicationsController().index(req: $0) } ?? []
        var applicationDetails: [ApplicationResponse] = []
        for application in applications {
            let detail = try await self.part([SessionApplication.routeParameterName: application.id.uuidString]) { try await API.ApplicationsController().show(req: $0) }
            applicationDetails.append(detail ?? application)
        }
        try add("applications.json", applications.isEmpty ? nil : applicationDetails)
        var conversations: [String: [MessageResponse]] = [:]
        var questions: [String: [MessageResponse]] = [:]
        var threads: [(MessageDesk) async throws -> MessageDesk.Thread] = applications.map { application in { try await $0.thread(application.id, for: self.user) } }
        let askedAbout = try await ApplicationMessage.query(on: self.app.db).filter(\.$applicant.$id == self.user.requireID()).all().compactMap(\.$opportunity.id)
        threads += Set(askedAbout).sorted().map { opportunityID in { try await $0.questions(about: opportunityID, from: self.user.id, for: self.user) } }
        for load in threads {
            guard let thread = try await self.part([:], { try await load($0.messageDesk) }), !thread.messages.isEmpty else { continue }
            switch thread.subject {
            case .application(let loaded): conversations[try loaded.application.requireID().uuidString] = try thread.messages.map(MessageResponse.init)
            case .questions(let opportunity, _): questions[try opportunity.requireID().uuidString] = try thread.messages.map(MessageResponse.init)
            }
            // The files the API would offer: a removed message has none.
            for message in thread.messages where message.removedAt == nil {
                guard let key = message.attachmentKey else { continue }
                entries.append(Entry(path: "messages/\(try message.requireID().uuidString)-\(Self.safeName(message.attachmentName ?? "attachment"))", storedAt: key))
            }
        }
        try add("messages.json", conversations.isEmpty ? nil : conversations)
        try add("questions.json", questions.isEmpty ? nil : questions)

        let documents = try await Document.query(on: self.app.db).filter(\.$owner.$id == self.user.requireID()).sort(\.$createdAt).all()
        try add("documents.json", documents.isEmpty ? nil : documents.map(DocumentResponse.init))
        for document in documents {
            entries.append(Entry(path: "documents/\(try document.requireID().uuidString)-\(Self.safeName(document.fileName))", storedAt: document.storageKey))
        }

        let letters = try await LetterRequest.query(on: self.app.db).filter(\.$applicant.$id == self.user.requireID()).sort(\.$createdAt).all()
        var letterParts: [LetterResponse] = []
        for letter in letters {
            let id = try letter.requireID().uuidString
            if let part = try await self.part([LetterRequest.routeParameterName: id], { try await API.LettersController().show(req: $0) }) {
                letterParts.append(part)
            }
            // Only what the applicant may read: never the file of a waived letter.
            if letter.applicantMayRead, let key = letter.storageKey {
                entries.append(Entry(path: "letters/\(id)-\(Self.safeName(letter.fileName ?? "letter.pdf"))", storedAt: key))
            }
        }
        try add("letters.json", letterParts.isEmpty ? nil : letterParts)

        if let portfolio = try await self.part([:], { try await API.PortfolioController().overview(req: $0) }) {
            try add("portfolio.json", portfolio)
            var experiences: [ExperienceResponse] = []
            for experience in portfolio.experiences {
                if let part = try await self.part([Experience.routeParameterName: experience.id.uuidString], { try await API.PortfolioController().show(req: $0) }) {
                    experiences.append(part)
                }
            }
            try add("portfolio-experiences.json", experiences.isEmpty ? nil : experiences)
        }

        try add("residency-programs.json", try await self.part { try await API.ResidencyController().programs(req: $0) })
        try add("rank-list.json", try await self.part { try await API.RankListController().show(req: $0) })
        try add("rank-list-advisors.json", try await self.part { try await API.RankListController().shares(req: $0) })
        let couple = try await self.part { try await API.CoupleRankListController().show(req: $0) }
        try add("rank-list-couple.json", couple?.state == "none" ? nil : couple)
        let searches = try await self.part { try await API.SavedSearchesController().index(req: $0) } ?? []
        try add("saved-searches.json", searches.isEmpty ? nil : searches)
        let favourites = try await self.part { try await API.FavouritesController().index(req: $0) } ?? []
        try add("favourites.json", favourites.isEmpty ? nil : favourites)

        if let statements = try await self.part([:], { try await API.AdvisingController().statements(req: $0) }), !statements.isEmpty {
            var full: [StatementResponse] = []
            for statement in statements {
                full.append(try await self.part([PersonalStatement.routeParameterName: statement.id.uuidString]) { try await API.AdvisingController().statement(req: $0) } ?? statement)
            }
            try add("personal-statements.json", full)
        }
        if let reviews = try await self.part([:], { try await API.AdvisingController().reviews(req: $0) }), !reviews.isEmpty {
            var full: [ReviewResponse] = []
            for review in reviews {
                full.append(try await self.part([Review.routeParameterName: review.id.uuidString]) { try await API.AdvisingController().review(req: $0) } ?? review)
            }
            try add("reviews.json", full)
        }
        try add("advising-sessions.json", try await self.part { try await API.AdvisingController().sessions(req: $0) })
        try add("advisor-slots.json", try await self.part { try await API.AdvisingController().advisorSlots(req: $0) })
        try add("placement-cycles.json", try await self.part { try await API.PlacementController().index(req: $0) })

        entries.insert(Entry(path: "README.txt", bytes: Data(self.readme(entries.map(\.path)).utf8)), at: 0)
        return entries
    }

    /// Writes the archive to a new temporary file and returns its path; the caller removes it.
    func writeArchive() async throws -> String {
        let entries = try await self.entries()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rounds-export-\(UUID().uuidString).zip").path
        let threadPool = self.app.threadPool
        let modified = self.app.services.clock.now()
        let writing = try await threadPool.runIfActive { ArchiveInProgress(try Archive(url: URL(fileURLWithPath: path), accessMode: .create)) }
        do {
            for entry in entries {
                // At most one uploaded file is in memory at a time.
                let bytes = switch entry.content {
                case .bytes(let data): data
                case .stored(let key): try await self.store.read(key)
                }
                let name = entry.path
                try await threadPool.runIfActive {
                    try writing.archive.addEntry(
                        with: name, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modified,
                        permissions: 0o600, compressionMethod: .deflate
                    ) { position, size in
                        bytes.subdata(in: Data.Index(position)..<Data.Index(position) + size)
                    }
                }
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        return path
    }

    /// One API handler's answer for this user; nil when the part is not theirs (their roles do not reach it,
    /// or there is nothing yet, such as a profile never filled in).
    private func part<T>(_ parameters: [String: String] = [:], _ handler: (Request) async throws -> T) async throws -> T? {
        do {
            return try await handler(self.request(parameters))
        } catch let abort as any AbortError where [.forbidden, .notFound, .unauthorized].contains(abort.status) {
            return nil
        }
    }

    /// A request as this user, never sent over the network: the handler reads only its user, its
    /// parameters and the application.
    private func request(_ parameters: [String: String] = [:]) -> Request {
        let request = Request(application: self.app, method: .GET, url: URI(path: "/"), on: self.eventLoop)
        request.auth.login(self.user)
        for (name, value) in parameters { request.parameters.set(name, to: value) }
        return request
    }

    static func json(_ value: some Encodable) throws -> Data {
        var buffer = ByteBuffer()
        var headers = HTTPHeaders()
        try ContentConfiguration.global.requireEncoder(for: .json).encode(value, to: &buffer, headers: &headers)
        return Data(buffer.readableBytesView)
    }

    /// A file name fit for a path inside the archive: no directories, nothing that unzip could misread.
    static func safeName(_ name: String) -> String {
        let kept = name.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) || ".-_ ".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
        }
        let joined = String(kept).trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        return joined.isEmpty ? "file" : String(joined.prefix(120))
    }

    private func readme(_ paths: [String]) -> String {
        """
        Your data from Rounds, exported \(ISO8601DateFormatter().string(from: self.app.services.clock.now())) for \(self.user.email).

        Each .json file holds what the Rounds JSON API answers you for that part (docs/API: the same
        field names). documents/ and letters/ hold the files themselves, named by their id and the name
        they were uploaded with. Letters whose applicant waived the right to see them are listed in
        letters.json without their file: Rounds never shows them to you, here either.

        Files in this archive:
        \(paths.sorted().map { "  " + $0 }.joined(separator: "\n"))

        """
    }
}

/// The archive being written, handed between thread-pool jobs: one entry at a time, in order, never
/// concurrently, which is what makes sharing it safe.
private final class ArchiveInProgress: @unchecked Sendable {
    let archive: Archive

    init(_ archive: Archive) {
        self.archive = archive
    }
}
