import Yams

/// What a YAML prompt document may be, checked on the parsed tree before it is decoded: no
/// anchors or aliases (a prompt has no use for them, and nested aliases expand exponentially —
/// "billion laughs"), at most ``maxDepth`` levels and ``maxNodes`` nodes, and no control
/// characters but tab, line feed and carriage return in any scalar; at most ``maxKeys`` keys in a
/// mapping, no merge keys (`<<`) and no tags outside the core schema.
public enum YAMLLimits {
    /// Deepest nesting of mappings and sequences. The schema needs five or six levels.
    public static let maxDepth = 64
    /// Most nodes in one document: far more than any prompt (a few hundred), far fewer than a bomb.
    public static let maxNodes = 100_000
    /// Keys in one mapping: YAML mappings are read in time that grows with the square of their size.
    public static let maxKeys = 256
    /// Tags a document may spell out: the core schema's. Others (`!!binary`, `!!timestamp`,
    /// `!!python/…`, `!custom`) would be silently dropped or reinterpreted, so they are refused.
    static let allowedTags = Set(["", "!"] + ["str", "int", "float", "bool", "null", "seq", "map"].map { "tag:yaml.org,2002:" + $0 })

    /// Checks `node`, naming the field at fault. Counting stops at the first problem, so a hostile
    /// tree is never walked further than the limits.
    public static func check(_ node: Node) throws(ValidationFailure) {
        var remaining = maxNodes
        try visit(node, path: "", depth: 0, remaining: &remaining)
    }

    private static func visit(_ node: Node, path: String, depth: Int, remaining: inout Int) throws(ValidationFailure) {
        remaining -= 1
        guard remaining >= 0 else { throw ValidationFailure(field: path, message: "makes the document larger than \(maxNodes) YAML nodes") }
        guard depth <= maxDepth else { throw ValidationFailure(field: path, message: "is nested deeper than \(maxDepth) levels") }
        if node.anchor != nil || { if case .alias = node { return true }; return false }() {
            throw ValidationFailure(field: path, message: "uses a YAML anchor or alias (&, *), which prompt documents do not allow")
        }
        // The node's own tag as written: `Node.tag` would resolve it, and implicit tags resolve to
        // what the plain text looks like (a date is a timestamp), which is fine unwritten.
        let written = switch node {
        case .scalar(let scalar): scalar.tag.description
        case .mapping(let mapping): mapping.tag.description
        case .sequence(let sequence): sequence.tag.description
        case .alias: ""
        }
        guard allowedTags.contains(written) else {
            throw ValidationFailure(field: path, message: "uses the YAML tag \(written.prefix(60)), which prompt documents do not allow")
        }
        switch node {
        case .scalar(let scalar):
            if let problem = ControlCharacters.problem(in: scalar.string) { throw ValidationFailure(field: path, message: problem) }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                try visit(item, path: "\(path)[\(index)]", depth: depth + 1, remaining: &remaining)
            }
        case .mapping(let mapping):
            guard mapping.count <= maxKeys else { throw ValidationFailure(field: path, message: "has more than \(maxKeys) keys") }
            for (key, value) in mapping {
                if case .scalar(let scalar) = key, scalar.string == "<<", scalar.style == .plain {
                    throw ValidationFailure(field: path, message: "uses a YAML merge key (<<), which prompt documents do not allow")
                }
                let name = key.string ?? "?"
                let field = path.isEmpty ? name : "\(path).\(name)"
                if let problem = ControlCharacters.problem(in: name) { throw ValidationFailure(field: field, message: "has a key that \(problem)") }
                try visit(key, path: field, depth: depth + 1, remaining: &remaining)
                try visit(value, path: field, depth: depth + 1, remaining: &remaining)
            }
        case .alias:
            break
        }
    }
}
