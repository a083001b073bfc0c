/// Finds the variables a Mustache template refers to, without rendering it.
///
/// Inside a section over a `list` or `json` variable, names may be fields of the items, so they
/// are reported as `insideCollection` and not required to be declared.
public enum TemplateScanner {
    /// One `{{…}}` reference.
    public struct Reference: Sendable, Equatable {
        /// The variable (the first segment of a dotted name).
        public var name: String
        /// Whether it appears inside a section that iterates a collection variable.
        public var insideCollection: Bool
    }

    /// Every variable reference in `template`, or a message when the template is malformed.
    public static func references(in template: String, collections: Set<String>) -> Result<[Reference], TemplateError> {
        var references: [Reference] = []
        var sections: [String] = []
        var rest = Substring(template)
        while let open = rest.firstRange(of: "{{") {
            let triple = rest[open.upperBound...].hasPrefix("{")
            let closer = triple ? "}}}" : "}}"
            guard let close = rest[open.upperBound...].firstRange(of: closer) else { return .failure(.init("a '{{' is never closed")) }
            var tag = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
            rest = rest[close.upperBound...]
            if triple { tag = tag.dropFirst().trimmingSpaces() }
            guard let sigil = tag.first else { return .failure(.init("an empty tag '{{}}'")) }
            let body = "#^/&!>=".contains(sigil) ? tag.dropFirst().trimmingSpaces() : tag
            let name = String(body.split(separator: ".").first ?? "")
            switch sigil {
            case "!", ">": continue  // comments; includes of other prompts are resolved elsewhere
            case "=": return .failure(.init("changing delimiters is not supported"))
            case "/":
                guard sections.last == String(body) else { return .failure(.init("'{{/\(body)}}' closes a section that is not open")) }
                sections.removeLast()
                continue
            default: break
            }
            if body == "." || body.isEmpty { continue }
            let inside = sections.contains { collections.contains($0) }
            references.append(Reference(name: name, insideCollection: inside))
            if sigil == "#" || sigil == "^" { sections.append(String(body)) }
        }
        if let open = sections.last { return .failure(.init("the section '{{#\(open)}}' is never closed")) }
        return .success(references)
    }
}

/// Why a template cannot be read.
public struct TemplateError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var text = self
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
