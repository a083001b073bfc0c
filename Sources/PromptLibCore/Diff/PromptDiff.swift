/// What changed between two versions of a prompt, field by field, plus a unified diff of their YAML.
public struct PromptDiff: Sendable, Equatable, Encodable {
    /// A changed value: what it was and what it is, as text.
    public struct Change: Sendable, Equatable, Encodable {
        public var field: String
        public var from: JSONValue?
        public var to: JSONValue?
    }

    public var fromVersion: Int
    public var toVersion: Int
    /// Every field whose value differs, by dotted path (`title`, `prompt.steps`, `model.temperature`).
    public var changes: [Change]
    public var variablesAdded: [String]
    public var variablesRemoved: [String]
    /// Variables declared in both whose definition differs.
    public var variablesChanged: [String]
    public var tagsAdded: [String]
    public var tagsRemoved: [String]
    /// `diff -u` of the two YAML documents.
    public var unified: String

    enum CodingKeys: String, CodingKey {
        case changes, unified
        case fromVersion = "from_version", toVersion = "to_version"
        case variablesAdded = "variables_added", variablesRemoved = "variables_removed", variablesChanged = "variables_changed"
        case tagsAdded = "tags_added", tagsRemoved = "tags_removed"
    }

    /// Compares two versions. Server-assigned fields (`version`, `labels`) are not compared.
    public static func compare(_ old: PromptDocument, _ new: PromptDocument) throws -> PromptDiff {
        var left = old, right = new
        (left.labels, right.labels) = (nil, nil)
        let oldYAML = try PromptYAML.encode(left), newYAML = try PromptYAML.encode(right)
        (left.version, right.version) = (nil, nil)
        let oldVariables = Dictionary((old.variables ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newVariables = Dictionary((new.variables ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let oldTags = Set(old.tags ?? []), newTags = Set(new.tags ?? [])
        return PromptDiff(
            fromVersion: old.version ?? 0, toVersion: new.version ?? 0,
            changes: try fieldChanges(left, right),
            variablesAdded: newVariables.keys.filter { oldVariables[$0] == nil }.sorted(),
            variablesRemoved: oldVariables.keys.filter { newVariables[$0] == nil }.sorted(),
            variablesChanged: newVariables.keys.filter { oldVariables[$0] != nil && oldVariables[$0] != newVariables[$0] }.sorted(),
            tagsAdded: newTags.subtracting(oldTags).sorted(), tagsRemoved: oldTags.subtracting(newTags).sorted(),
            unified: UnifiedDiff.make(old: oldYAML, new: newYAML, oldName: "v\(old.version ?? 0)", newName: "v\(new.version ?? 0)")
        )
    }

    /// Leaf-level differences, descending into `prompt` and `model`; lists compare whole.
    static func fieldChanges(_ old: PromptDocument, _ new: PromptDocument) throws -> [Change] {
        func tree(_ document: PromptDocument) throws -> [String: JSONValue] {
            let yaml = try PromptYAML.encode(document)
            guard case .object(let object) = try PromptYAML.decodeValue(yaml) else { return [:] }
            return object
        }
        let before = try tree(old), after = try tree(new)
        var changes: [Change] = []
        for key in Set(before.keys).union(after.keys).sorted() {
            let (from, to) = (before[key], after[key])
            if (key == "prompt" || key == "model"), case .object(let a)? = from ?? .object([:]), case .object(let b)? = to ?? .object([:]) {
                for sub in Set(a.keys).union(b.keys).sorted() where a[sub] != b[sub] {
                    changes.append(Change(field: "\(key).\(sub)", from: a[sub], to: b[sub]))
                }
            } else if from != to {
                changes.append(Change(field: key, from: from, to: to))
            }
        }
        return changes
    }
}
