import Foundation
import PromptLibCore
import PromptLibStorage

/// Planning an import: what happens to each prompt, given what exists and the conflict strategy.
extension ImportService {
    struct PlannedWrite: Sendable {
        let item: Int
        let write: ImportWrite
    }

    func plan(_ incoming: [Incoming], strategy: Strategy?, identity: Identity) async throws -> ([Item], [PlannedWrite]) {
        for prompt in incoming { try ReservedNames.check(prompt.name, identity: identity) }
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
                        item.denied = true
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
        if identity.owns(prompt) { return true }
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
