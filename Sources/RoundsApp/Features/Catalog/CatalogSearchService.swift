import Fluent
import Prometheus
import RoundsCore
import SQLKit
import Vapor

/// Holds this instance's search index and keeps it on the database's catalog: when the catalog version
/// moves (checked at most once per `recheckInterval`), it reads the change log from its own version and
/// applies just the changed documents; it rebuilds only when the log cannot say (cut past its version,
/// or a change touched everything). While an update runs, searches keep using the previous index; only the
/// very first build is waited for. With a zero interval (tests) every change is applied before answering.
/// When the index holds many changes outside its base, a compaction merges it into a new base in memory, off the
/// actor, while updates go on; the updates made meanwhile are applied again to the compacted index.
///
/// With a snapshot file, the first build starts from the previous process's documents when the change log
/// covers every version after them (then only the changed documents are read), and each full build or
/// compaction writes the file again, as does a catch-up that moved half the log's length past it.
actor CatalogSearchService {
    private var index = CatalogIndex([])
    /// Rendered JSON of this index's documents, without those of changed documents.
    private var fragments = CatalogJSONFragments()
    private var version: Int64 = -1
    /// Counts full rebuilds (a compaction started before one is dropped; tests read it).
    private(set) var generation = 0
    private var checkedAt: ContinuousClock.Instant?
    private var update: Task<Void, Never>?
    private var starting: Task<Void, any Error>?
    /// Reads of the whole catalog from the database (each about a second at 100,000; tests read it).
    private(set) var catalogReads = 0
    /// Times the catalog's version was asked of the database (tests read it).
    private(set) var versionChecks = 0
    private var compaction: (generation: Int, replay: [Batch])?
    private let recheckInterval: Duration
    private let snapshotFile: CatalogSnapshotFile?
    /// The database's catalog id and schema, read at the first build; nil when it has none (no snapshots).
    private var identity: (epoch: UUID, schemaRevision: Int64)?
    /// The version of the snapshot this instance last started from or wrote.
    private var snapshotVersion: Int64 = -1
    private var snapshotWrite: Task<Void, Never>?
    /// The first build started from the snapshot file (the bench reports it).
    private(set) var startedFromSnapshot = false
    private let database: @Sendable () -> any Database
    private let logger: Logger

    /// Changed documents as read from the database: those search shows now, and those it no longer shows.
    struct Batch: Sendable {
        var upserts: [CatalogDocument]
        var removals: Set<UUID>
    }

    init(
        recheckInterval: Duration, snapshotFile: CatalogSnapshotFile? = nil, logger: Logger,
        database: @escaping @Sendable () -> any Database
    ) {
        self.recheckInterval = recheckInterval
        self.snapshotFile = snapshotFile
        self.logger = logger
        self.database = database
    }

    func index(on db: @autoclosure @Sendable () -> any Database) async throws -> CatalogIndex {
        try await self.current(on: db()).index
    }

    /// The index with its rendered-JSON cache (the API's search answers use both). `db` is made only when the
    /// version is asked: most searches need no database, and making a request's was about 2 % of the CPU of a
    /// search load.
    func current(on db: @autoclosure @Sendable () -> any Database) async throws -> (index: CatalogIndex, fragments: CatalogJSONFragments) {
        if self.version < 0 { try await self.start() }
        let now = ContinuousClock.now
        if let checkedAt, checkedAt.duration(to: now) < self.recheckInterval { return (self.index, self.fragments) }
        // Marked before asking: searches arriving while the database answers (the actor is reentrant at the
        // await) use the index as it is instead of each asking again.
        self.checkedAt = now
        self.versionChecks += 1
        let db = db()
        let position: CatalogVersion.Position
        do {
            position = try await CatalogVersion.current(on: db)
        } catch {
            self.checkedAt = nil
            throw error
        }
        guard position.version != self.version else { return (self.index, self.fragments) }
        if self.recheckInterval == .zero {
            try await self.catchUp(to: position, on: db)
        } else if self.update == nil {
            self.update = Task {
                do {
                    try await self.catchUp(to: position, on: self.database())
                } catch {
                    self.logger.error("Updating the catalog index failed: \(String(describing: error))")
                }
                self.update = nil
            }
        }
        return (self.index, self.fragments)
    }

    /// The first build, shared: every search that arrives while it runs waits for it (none is answered from
    /// the empty index, none starts a build of its own). A failed start is tried again by the next search.
    private func start() async throws {
        let starting: Task<Void, any Error>
        if let running = self.starting {
            starting = running
        } else {
            starting = Task {
                let db = self.database()
                try await self.catchUp(to: try await CatalogVersion.current(on: db), on: db)
            }
            self.starting = starting
        }
        do {
            try await starting.value
        } catch {
            if self.version < 0 { self.starting = nil }
            throw error
        }
    }

    /// Brings the index to `position`: the logged changes since this index's version, or a rebuild.
    private func catchUp(to position: CatalogVersion.Position, on db: any Database) async throws {
        let from = self.version
        guard position.version > from else { return }
        if from >= 0, let changes = try await CatalogVersion.changes(after: from, through: position, on: db) {
            let batch = try await Self.read(changes, on: db)
            // Another caller may have moved the index while this one read (tests run every search through here).
            guard self.version == from else { return }
            let updated = await Self.apply(batch, to: self.index)
            guard self.version == from else { return }
            self.index = updated
            self.fragments = self.fragments.without(Set(batch.upserts.map(\.id)).union(batch.removals))
            self.version = position.version
            self.compaction?.replay.append(batch)
            RoundsMetrics.searchIndexChanges.increment(by: Int64(batch.upserts.count + batch.removals.count))
            self.compactIfDue()
            self.writeSnapshot(force: false)
        } else if from < 0, try await self.startFromSnapshot(at: position, on: db) {
            return
        } else {
            self.catalogReads += 1
            let index = try await RoundsMetrics.time(RoundsMetrics.searchIndexBuild) { try await Self.build(on: db) }
            guard position.version > self.version else { return }
            self.index = index
            self.fragments = CatalogJSONFragments()
            self.version = position.version
            self.generation += 1
            self.compaction = nil
            self.writeSnapshot(force: true)
        }
    }

    /// The first build, from the snapshot file brought to `position` by the change log; false when there is no
    /// snapshot that fits (the caller then reads the whole catalog).
    private func startFromSnapshot(at position: CatalogVersion.Position, on db: any Database) async throws -> Bool {
        guard let file = self.snapshotFile, let identity = try await CatalogVersion.identity(on: db) else { return false }
        self.identity = identity
        let snapshot: CatalogSnapshot
        switch await Self.load(file, identity: identity, position: position) {
        case .snapshot(let loaded): snapshot = loaded
        case .refused(let reason):
            self.logger.info("Search starts from the database, not the snapshot \(file.path): \(reason)")
            return false
        }
        let from = snapshot.key.version
        let changes = from == position.version ? [] : try await CatalogVersion.changes(after: from, through: position, on: db)
        guard let changes else {
            self.logger.info("Search starts from the database, not the snapshot \(file.path): the change log cannot say what changed after version \(from)")
            return false
        }
        let batch = try await Self.read(changes, on: db)
        let index = await RoundsMetrics.time(RoundsMetrics.searchIndexBuild) { await Self.build(snapshot.documents, applying: batch) }
        // Another caller may have built the index meanwhile.
        guard self.version < 0 else { return true }
        self.index = index
        self.fragments = CatalogJSONFragments()
        self.version = position.version
        self.generation += 1
        self.snapshotVersion = from
        self.startedFromSnapshot = true
        self.logger.info("Search started from the snapshot at catalog version \(from), with \(batch.upserts.count + batch.removals.count) documents changed since")
        self.writeSnapshot(force: false)
        return true
    }

    private nonisolated static func load(
        _ file: CatalogSnapshotFile, identity: (epoch: UUID, schemaRevision: Int64), position: CatalogVersion.Position
    ) async -> CatalogSnapshotFile.Loaded {
        file.load(identity: identity, position: position)
    }

    /// The snapshot's documents with the batch's in place of theirs, in one fresh index.
    private nonisolated static func build(_ documents: [CatalogDocument], applying batch: Batch) async -> CatalogIndex {
        let changed = Set(batch.upserts.map(\.id)).union(batch.removals)
        guard !changed.isEmpty else { return CatalogIndex(documents) }
        return CatalogIndex(documents.filter { !changed.contains($0.id) } + batch.upserts)
    }

    /// Writes the index's documents to the snapshot file off the actor: after every full build and compaction
    /// (`force`), otherwise once the version moved half the log's length past the last snapshot, so a restart
    /// always finds the log covering it. One write at a time: one asked for meanwhile is skipped (the file
    /// stays valid, only older).
    private func writeSnapshot(force: Bool) {
        guard let file = self.snapshotFile, let identity = self.identity, self.snapshotWrite == nil, self.version > 0 else { return }
        guard force || self.version - self.snapshotVersion >= CatalogVersion.keptVersions / 2 else { return }
        let key = CatalogSnapshot.Key(epoch: identity.epoch, version: self.version, schemaRevision: identity.schemaRevision)
        let index = self.index
        let logger = self.logger
        self.snapshotVersion = key.version
        self.snapshotWrite = Task.detached(priority: .background) {
            do {
                try file.save(CatalogSnapshot(key: key, documents: index.documents))
            } catch {
                logger.warning("Writing the search snapshot \(file.path) failed: \(String(describing: error))")
            }
            await self.snapshotWriteEnded()
        }
    }

    private func snapshotWriteEnded() { self.snapshotWrite = nil }

    /// Waits for a snapshot being written (tests).
    func waitForSnapshot() async {
        await self.snapshotWrite?.value
    }

    /// The changed opportunities' documents as search shows them now.
    private static func read(_ changes: [CatalogChange], on db: any Database) async throws -> Batch {
        var opportunities = Set<UUID>()
        var sites = Set<UUID>()
        for change in changes {
            switch change {
            case .opportunity(let id): opportunities.insert(id)
            case .site(let id): sites.insert(id)
            case .everything: break
            }
        }
        opportunities.formUnion(try await CatalogDocuments.opportunities(ofSites: sites, on: db))
        let upserts = try await CatalogDocuments.some(opportunities, on: db)
        return Batch(upserts: upserts, removals: opportunities.subtracting(upserts.map(\.id)))
    }

    /// Off the actor: searches go on while the changed segment is rebuilt.
    private nonisolated static func apply(_ batch: Batch, to index: CatalogIndex) async -> CatalogIndex {
        index.applying(upserts: batch.upserts, removals: batch.removals)
    }

    private nonisolated static func compact(_ index: CatalogIndex) async -> CatalogIndex {
        index.compacted()
    }

    /// Past this many documents outside the base, a search does noticeably more work: fold them in.
    private var compactionThreshold: Int { max(1_000, self.index.count / 50) }

    private func compactIfDue() {
        guard self.compaction == nil, self.index.changesSinceBuild > self.compactionThreshold else { return }
        let snapshot = self.index
        let generation = self.generation
        self.compaction = (generation, [])
        Task {
            let compacted = await RoundsMetrics.time(RoundsMetrics.searchIndexCompaction) { await Self.compact(snapshot) }
            await self.finishCompaction(compacted, generation: generation)
        }
    }

    private func finishCompaction(_ compacted: CatalogIndex, generation: Int) async {
        guard let compaction = self.compaction, compaction.generation == generation, self.generation == generation else { return }
        // The batches that arrived meanwhile as one (a later batch's reading of an id wins): one rebuild of
        // the changed segment, whatever their number.
        var latest: [UUID: CatalogDocument?] = [:]
        for batch in compaction.replay {
            for id in batch.removals { latest[id] = .some(nil) }
            for document in batch.upserts { latest[document.id] = document }
        }
        self.index = compacted.applying(upserts: latest.values.compactMap { $0 }, removals: latest.filter { $0.value == nil }.map(\.key))
        self.compaction = nil
        self.writeSnapshot(force: true)
    }

    /// Every published opportunity of a verified site, with its sessions, in a fresh index.
    static func build(on db: any Database) async throws -> CatalogIndex {
        CatalogIndex(try await CatalogDocuments.all(on: db))
    }
}

extension Application {
    private struct CatalogSearchKey: StorageKey { typealias Value = CatalogSearchService }
    private struct ZIPDirectoryKey: StorageKey { typealias Value = ZIPDirectory }

    var catalogSearch: CatalogSearchService {
        get { self.storage[CatalogSearchKey.self]! }
        set { self.storage[CatalogSearchKey.self] = newValue }
    }
}
