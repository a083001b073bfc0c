import PromptLibCore
import PromptLibStorage

/// The prompt repository with the ``PromptCache`` in front of its hot reads — a prompt by id or by
/// name, and a version — and every write invalidating what it changed before it returns. Lists
/// and searches go to the database.
///
/// What fills the cache is read from the primary, never a read replica: a lagging replica's
/// answer, cached, would outlive the lag by the cache's TTL. With the cache off (`.bypass`),
/// fetches read where lists do.
struct CachingPromptRepository: PromptRepository {
    let base: any PromptRepository
    let cache: any PromptCache

    func find(id: String) async throws -> PromptRecord? {
        try await cached(.id(id)) { try await base.find(id: id) }
    }

    func find(name: String) async throws -> PromptRecord? {
        try await cached(.name(name)) { try await base.find(name: name) }
    }

    func version(of id: String, number: Int) async throws -> PromptVersionRecord? {
        switch await cache.version(id: id, number: number) {
        case .hit(let version):
            return version
        case .miss(let ticket):
            let version = try await ReadRouting.onPrimary { try await base.version(of: id, number: number) }
            if let version { await cache.store(version, ticket: ticket) }
            return version
        case .bypass:
            return try await base.version(of: id, number: number)
        }
    }

    private func cached(_ key: PromptCacheKey, read: () async throws -> PromptRecord?) async throws -> PromptRecord? {
        switch await cache.prompt(key) {
        case .hit(let record):
            return record
        case .miss(let ticket):
            let record = try await ReadRouting.onPrimary { try await read() }
            if let record { await cache.store(record, for: key, ticket: ticket) }
            return record
        case .bypass:
            return try await read()
        }
    }

    // Writes invalidate what they touched before they return (``PromptCache/invalidating(_:_:)``).

    func create(_ document: PromptDocument, author: String) async throws -> PromptRecord {
        let record = try await base.create(document, author: author)
        await cache.invalidate(ids: [record.id])
        return record
    }

    func addVersion(to id: String, _ document: PromptDocument, author: String, expectedVersion: Int?, transferTo ownerID: String?) async throws -> VersionWrite {
        try await cache.invalidating([id]) { try await base.addVersion(to: id, document, author: author, expectedVersion: expectedVersion, transferTo: ownerID) }
    }

    func importAll(_ writes: [ImportWrite], author: String) async throws -> [String] {
        let existing = writes.compactMap { write -> String? in
            if case .append(let id, _) = write { id } else { nil }
        }
        do {
            let ids = try await base.importAll(writes, author: author)
            await cache.invalidate(ids: ids)
            return ids
        } catch {
            await cache.invalidate(ids: existing)
            throw error
        }
    }

    func setArchived(_ archived: Bool, id: String) async throws -> PromptRecord? {
        try await cache.invalidating([id]) { try await base.setArchived(archived, id: id) }
    }

    // Reads the cache does not hold.

    func allVersions(of ids: [String]) async throws -> [String: [PromptVersionRecord]] { try await base.allVersions(of: ids) }
    func find(names: [String]) async throws -> [String: PromptRecord] { try await base.find(names: names) }
    func list(limit: Int, cursor: String?, includeArchived: Bool) async throws -> Page<PromptRecord> {
        try await base.list(limit: limit, cursor: cursor, includeArchived: includeArchived)
    }
    func search(_ query: PromptQuery) async throws -> Page<PromptRecord> { try await base.search(query) }
    func tagCounts() async throws -> [(tag: String, count: Int)] { try await base.tagCounts() }
    func liveNames() async throws -> [String] { try await base.liveNames() }
    func versions(of id: String, limit: Int, cursor: String?) async throws -> Page<PromptVersionRecord> {
        try await base.versions(of: id, limit: limit, cursor: cursor)
    }
}
