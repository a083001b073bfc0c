/// `{{> name}}`, `{{> name@label}}` or `{{> name@3}}`: another prompt's body, compiled to text.
public struct PromptInclude: Sendable, Hashable {
    /// Which version of the included prompt.
    public enum Selector: Sendable, Hashable {
        /// `production` when set, otherwise the latest — what fetching by name serves.
        case `default`
        case label(String)
        case version(Int)
    }

    public var name: String
    public var selector: Selector
    /// The tag as written, such as `{{> greeting@production}}`.
    public var tag: String

    /// The selector as written after `@`, or `default`.
    public var requested: String {
        switch selector {
        case .default: "default"
        case .label(let label): label
        case .version(let number): String(number)
        }
    }

    /// Every include in `template`, in order, or the first one that is malformed.
    public static func all(in template: String) -> Result<[PromptInclude], TemplateError> {
        var found: [PromptInclude] = []
        var rest = Substring(template)
        while let open = rest.firstRange(of: "{{") {
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { break }
            let body = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
            let tag = String(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
            guard body.first == ">" else { continue }
            let reference = body.dropFirst().trimmingSpaces()
            let parts = reference.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            guard PromptName.problem(with: name) == nil else { return .failure(TemplateError("'\(tag)' does not name a prompt")) }
            var selector = Selector.default
            if parts.count == 2 {
                let text = String(parts[1])
                if let number = Int(text) {
                    guard number >= 1 else { return .failure(TemplateError("'\(tag)' names version \(number); versions start at 1")) }
                    selector = .version(number)
                } else if !text.isEmpty, text.allSatisfy({ $0.isASCIILowercaseOrDigit || "._-".contains($0) }) {
                    selector = .label(text)
                } else {
                    return .failure(TemplateError("'\(tag)' has no valid label or version after '@'"))
                }
            }
            found.append(PromptInclude(name: name, selector: selector, tag: tag))
        }
        return .success(found)
    }
}
