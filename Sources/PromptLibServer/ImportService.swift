import Foundation
import Hummingbird
import PromptLibCore
import PromptLibStorage

/// `POST /api/v1/imports` and `promptlib import`: files in any export format, or an archive of
/// them, planned prompt by prompt and written in one transaction.
struct ImportService: Sendable {
    let repository: any PromptRepository
    let collaborators: any CollaboratorRepository
    let audit: AuditLog
    let limits: ArchiveLimits

    /// What to do with a prompt whose name exists already.
    enum Strategy: String, Sendable, CaseIterable {
        case skip
        case newVersion = "new_version"
        case rename
    }

    /// One prompt of the plan.
    struct Item: Encodable, Sendable {
        enum Action: String, Encodable, Sendable {
            case create, skip, conflict, rename
            case newVersion = "new_version"
        }

        let file: String
        let name: String
        var action: Action
        var versions: Int
        var importedAs: String?
        var reason: String?
        var id: String?

        enum CodingKeys: String, CodingKey {
            case file, name, action, versions, reason, id
            case importedAs = "imported_as"
        }
    }

    /// What an import did, or with `dry_run` would do.
    struct Result: ResponseEncodable, Sendable {
        let dryRun: Bool
        let items: [Item]
        var counts: [String: Int] {
            Dictionary(grouping: items, by: \.action.rawValue).mapValues(\.count)
        }

        enum CodingKeys: String, CodingKey { case dryRun = "dry_run", items, counts }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(dryRun, forKey: .dryRun)
            try container.encode(items, forKey: .items)
            try container.encode(counts, forKey: .counts)
        }
    }

    /// A prompt read from the upload: its file and versions, oldest first.
    struct Incoming: Sendable {
        let file: String
        var versions: [PromptDocument]
        var name: String { versions.last?.name ?? "" }
    }

    func run(_ body: Data, mediaType: String?, format: String?, dryRun: Bool, strategy: Strategy?,
             identity: Identity, context: AppRequestContext?, progress: ExportService.Progress? = nil) async throws -> Result {
        let incoming = try read(try files(body, mediaType: mediaType, format: format), progress: progress)
        progress?("planning", 0, incoming.count)
        var (items, writes) = try await plan(incoming, strategy: strategy, identity: identity)
        let conflicts = items.filter { $0.action == .conflict }
        if dryRun { return Result(dryRun: true, items: items) }
        if !conflicts.isEmpty {
            throw APIError(.conflict, .conflict,
                           "\(conflicts.count) of the prompts cannot be imported as they are; choose on_conflict=skip, new_version or rename (dry_run=true shows the plan)",
                           details: conflicts.prefix(200).map { APIError.Detail(field: $0.name, message: $0.reason ?? "exists") })
        }
        let ids: [String]
        progress?("writing (one transaction)", 0, writes.count)
        do {
            ids = try await repository.importAll(writes.map(\.write), author: identity.username)
            progress?("writing (one transaction)", writes.count, writes.count)
        } catch StorageError.conflict(let message) {
            throw APIError(.conflict, .conflict, "The import collided with a change made meanwhile; nothing was written (\(message))")
        }
        for (index, write) in writes.enumerated() { items[write.item].id = ids[index] }
        try await audit.record("prompts.imported", context: context, actor: identity, targetType: "prompt", details: Result(dryRun: false, items: items).counts.mapValues(String.init))
        return Result(dryRun: false, items: items)
    }

    // MARK: Reading

    /// The files of the upload: an archive's entries, or the body as one file.
    func files(_ body: Data, mediaType: String?, format: String?) throws -> [(path: String, text: String)] {
        let kind: ArchiveCodec.Kind?
        switch format?.lowercased() {
        case "zip": kind = .zip
        case "tar.gz", "tgz": kind = .tarGz
        case nil:
            switch mediaType {
            case "application/zip": kind = .zip
            case "application/gzip", "application/x-gzip", "application/x-tar": kind = .tarGz
            default: kind = ArchiveCodec.detect(body)
            }
        case let other?:
            guard PromptImportParser.Kind(rawValue: other) != nil else {
                throw APIError.validation("format must be zip, tar.gz, yaml, json, markdown or provider", field: "format")
            }
            kind = nil
        }
        guard let kind else {
            guard let text = String(data: body, encoding: .utf8) else { throw APIError.validation("the upload is not UTF-8 text or an archive", field: "file") }
            // The media type (or format) names the kind, as an extension does inside archives.
            let named = format.flatMap(PromptImportParser.Kind.init(rawValue:)) ?? Self.kind(ofMediaType: mediaType)
            return [(path: "upload" + (named.map { ".\(Self.extensionName($0))" } ?? ""), text: text)]
        }
        let entries: [(path: String, data: Data)]
        do {
            entries = try ArchiveCodec.read(body, kind: kind, limits: limits)
        } catch {
            throw APIError(error.reason == .tooLarge ? .contentTooLarge : .badRequest, error.reason == .tooLarge ? .payloadTooLarge : .validationError,
                           "The archive \(error.message); nothing was imported", field: "file")
        }
        try verifyManifest(entries)
        var out: [(path: String, text: String)] = []
        for entry in entries where entry.path != "manifest.json" {
            let last = entry.path.split(separator: "/").last.map(String.init) ?? entry.path
            if entry.path.hasPrefix("__MACOSX/") || last.hasPrefix(".") { continue }
            guard [".yaml", ".yml", ".json", ".md"].contains(where: { last.lowercased().hasSuffix($0) }) else {
                throw APIError.validation("entry \(entry.path) is not a prompt file (.yaml, .json or .md)", field: "file")
            }
            guard let text = String(data: entry.data, encoding: .utf8) else { throw APIError.validation("entry \(entry.path) is not UTF-8 text", field: "file") }
            out.append((entry.path, text))
        }
        if out.isEmpty { throw APIError.validation("the archive holds no prompt files", field: "file") }
        return out
    }

    static func kind(ofMediaType mediaType: String?) -> PromptImportParser.Kind? {
        switch mediaType {
        case "text/markdown": .markdown
        case "application/yaml", "text/yaml", "application/x-yaml": .yaml
        default: nil
        }
    }

    static func extensionName(_ kind: PromptImportParser.Kind) -> String {
        switch kind {
        case .markdown: "md"
        case .yaml: "yaml"
        case .json, .provider: "json"
        }
    }

    /// When the archive has our manifest, each file it lists must be there with its SHA-256.
    private func verifyManifest(_ entries: [(path: String, data: Data)]) throws {
        guard let manifest = entries.first(where: { $0.path == "manifest.json" }) else { return }
        guard case .object(let root)? = try? JSONDecoder().decode(JSONValue.self, from: manifest.data), case .array(let files)? = root["files"] else {
            throw APIError.validation("manifest.json is not an export manifest", field: "file")
        }
        let byPath = Dictionary(entries.map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first })
        for case .object(let file) in files {
            guard case .string(let path)? = file["path"], case .string(let sum)? = file["sha256"] else { continue }
            guard let data = byPath[path] else { throw APIError.validation("\(path) is listed in manifest.json but missing", field: "file") }
            guard ExportService.sha256(data) == sum else { throw APIError.validation("\(path) does not match its SHA-256 in manifest.json", field: "file") }
        }
    }

    /// Every file parsed and every version validated; all problems reported at once.
    func read(_ files: [(path: String, text: String)], progress: ExportService.Progress? = nil) throws -> [Incoming] {
        progress?("reading files", 0, files.count)
        // Parsing and validating are pure and most of an import's work: spread over the cores.
        let parsed = try ParallelMap.map(files.map { FileText(path: $0.path, text: $0.text) }, Self.parse)
        progress?("reading files", files.count, files.count)
        var failures: [ValidationFailure] = []
        var incoming: [Incoming] = []
        var seen: [String: String] = [:]
        for (file, result) in zip(files, parsed) {
            failures += result.failures
            guard result.failures.isEmpty, let name = result.versions.last?.name else { continue }
            if result.versions.contains(where: { $0.name != name }) {
                failures.append(ValidationFailure(field: file.path, message: "holds versions of more than one prompt"))
            } else if let other = seen[name] {
                failures.append(ValidationFailure(field: file.path, message: "is prompt \(name), which \(other) holds too"))
            } else {
                seen[name] = file.path
                incoming.append(Incoming(file: file.path, versions: result.versions))
            }
        }
        if !failures.isEmpty { throw ValidationFailures(failures: Array(failures.prefix(200))) }
        return incoming
    }

    struct FileText: Sendable {
        let path: String
        let text: String
    }

    /// One file's versions, validated and ordered by number, or what is wrong with them.
    @Sendable static func parse(_ file: FileText) -> (versions: [PromptDocument], failures: [ValidationFailure]) {
        let documents: [PromptDocument]
        do {
            documents = try PromptBundle.versions(in: file.text, kind: PromptBundle.kind(forPath: file.path))
        } catch {
            return ([], [ValidationFailure(field: field(file.path, error.field), message: error.message)])
        }
        var valid: [PromptDocument] = []
        var failures: [ValidationFailure] = []
        for (index, document) in documents.enumerated() {
            let prefix = documents.count > 1 ? "\(file.path)[\(index)]" : file.path
            do {
                var checked = try PromptValidator.validate(document)
                checked.labels = document.labels
                valid.append(checked)
            } catch {
                failures += error.failures.map { ValidationFailure(field: field(prefix, $0.field), message: $0.message) }
            }
        }
        let ordered = valid.enumerated().sorted { ($0.element.version ?? $0.offset, $0.offset) < ($1.element.version ?? $1.offset, $1.offset) }.map(\.element)
        return (ordered, failures)
    }

    private static func field(_ path: String, _ field: String) -> String { field.isEmpty ? path : "\(path): \(field)" }

    // MARK: Planning

    struct PlannedWrite: Sendable {
        let item: Int
        let write: ImportWrite
    }

    func plan(_ incoming: [Incoming], strategy: Strategy?, identity: Identity) async throws -> ([Item], [PlannedWrite]) {
        let existing = try await repository.find(names: incoming.map(\.name))
        var taken = Set(existing.keys).union(incoming.map(\.name))
        var items: [Item] = []
        var writes: [PlannedWrite] = []
        for prompt in incoming {
            var item = Item(file: prompt.file, name: prompt.name, action: .create, versions: prompt.versions.count)
            let owned = prompt.versions.map { document -> PromptDocument in
                var document = document
                // Admins restore owners as exported; anyone else owns what they import.
                document.owner = identity.role == .admin ? (document.owner ?? identity.username) : identity.username
                return document
            }
            guard let current = existing[prompt.name], let latest = owned.last else {
                writes.append(PlannedWrite(item: items.count, write: .create(versions: owned, labels: Self.labels(owned))))
                items.append(item)
                continue
            }
            item.id = current.id
            if Self.sameContent(current.document, latest) {
                item.action = .skip
                item.reason = "unchanged: the latest version has the same content"
            } else {
                switch strategy {
                case nil:
                    item.action = .conflict
                    item.reason = "a prompt with this name exists"
                case .skip:
                    item.action = .skip
                    item.reason = "a prompt with this name exists"
                case .newVersion:
                    if current.archivedAt != nil {
                        item.action = .conflict
                        item.reason = "the existing prompt is archived; restore it first"
                    } else if try await !mayWrite(current, identity) {
                        item.action = .conflict
                        item.reason = "only the prompt's owner, its collaborators or an admin may add a version"
                    } else {
                        var document = latest
                        document.owner = current.document.owner
                        item.action = .newVersion
                        item.versions = 1
                        writes.append(PlannedWrite(item: items.count, write: .append(promptID: current.id, document: document)))
                    }
                case .rename:
                    let name = try await freeName(prompt.name, taken: &taken)
                    item.action = .rename
                    item.importedAs = name
                    item.id = nil
                    let renamed = owned.map { document -> PromptDocument in
                        var document = document
                        document.name = name
                        return document
                    }
                    writes.append(PlannedWrite(item: items.count, write: .create(versions: renamed, labels: Self.labels(renamed))))
                }
            }
            items.append(item)
        }
        return (items, writes)
    }

    private func mayWrite(_ prompt: PromptRecord, _ identity: Identity) async throws -> Bool {
        if identity.owns(prompt.document.owner) { return true }
        return try await collaborators.isCollaborator(promptID: prompt.id, userID: identity.userID)
    }

    /// `name-2`, `name-3`, … : the first that neither exists nor is being imported.
    private func freeName(_ name: String, taken: inout Set<String>) async throws -> String {
        var suffix = 2
        while true {
            let candidates = (suffix..<suffix + 20).map { number -> String in
                let tail = "-\(number)"
                return String(name.prefix(200 - tail.count)) + tail
            }
            let found = try await repository.find(names: candidates)
            if let free = candidates.first(where: { found[$0] == nil && !taken.contains($0) }) {
                taken.insert(free)
                return free
            }
            suffix += 20
        }
    }

    /// Labels the versions carry, by the position they will be stored at (`latest` is automatic).
    static func labels(_ versions: [PromptDocument]) -> [String: Int] {
        var labels: [String: Int] = [:]
        for (offset, document) in versions.enumerated() {
            for label in document.labels ?? [] where label != LabelService.automatic && LabelService.isValidName(label) {
                labels[label] = offset + 1
            }
        }
        return labels
    }

    /// Whether two versions say the same thing, whoever wrote them and whatever their numbers.
    static func sameContent(_ a: PromptDocument, _ b: PromptDocument) -> Bool {
        func normalized(_ document: PromptDocument) -> PromptDocument {
            var document = document
            document.version = nil
            document.labels = nil
            document.baseVersion = nil
            document.commitMessage = nil
            document.owner = nil
            return document
        }
        return normalized(a) == normalized(b)
    }
}
