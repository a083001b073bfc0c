/// An upper bound on what a template renders to, computed from the template's tags and the
/// values before anything is rendered. Sections over lists multiply what they hold, and the same
/// list may be iterated inside itself (`{{#a}}{{#a}}…`): seven levels over ten items are ten
/// million copies. Renders whose bound passes ``maxBytes`` are refused instead of run.
public enum RenderBudget {
    /// The most a render's messages may add up to: far beyond any model's context window.
    public static let maxBytes = 2_097_152

    /// The most bytes `template` can render to with `values`. Names that are not top-level values
    /// (fields of list items) are assumed as long and as large as the largest anywhere in `values`.
    public static func bound(of template: String, values: [String: JSONValue]) -> Double {
        let unknown = (count: Double(largestList(in: values)), size: Double(largestValue(in: values)))
        var multipliers: [Double] = [1]
        var total = 0.0
        var rest = Substring(template)
        while let open = rest.firstRange(of: "{{") {
            total += Double(rest[..<open.lowerBound].utf8.count) * multipliers[multipliers.count - 1]
            let triple = rest[open.upperBound...].hasPrefix("{")
            guard let close = rest[open.upperBound...].firstRange(of: triple ? "}}}" : "}}") else { break }
            var tag = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
            rest = rest[close.upperBound...]
            if triple { tag = tag.dropFirst().trimmingSpaces() }
            guard let sigil = tag.first else { continue }
            let body = "#^/&!>=".contains(sigil) ? tag.dropFirst().trimmingSpaces() : tag
            let value = body.split(separator: ".").first.flatMap { values[String($0)] }
            let current = multipliers[multipliers.count - 1]
            switch sigil {
            case "!", ">", "=": continue
            case "#": multipliers.append(current * max(1, value.map(iterations) ?? unknown.count))
            case "^": multipliers.append(current)
            case "/": if multipliers.count > 1 { multipliers.removeLast() }
            default: total += current * (value.map { Double(size(of: $0)) } ?? unknown.size)
            }
            if total > Double(maxBytes) * 1_000 { return total }  // far past the limit: no need to count on
        }
        return total + Double(rest.utf8.count) * multipliers[multipliers.count - 1]
    }

    /// How often a section over `value` repeats what it holds.
    private static func iterations(_ value: JSONValue) -> Double {
        if case .array(let items) = value { return Double(items.count) }
        return 1
    }

    /// Bytes of `value` when substituted (an upper bound: its JSON text).
    private static func size(of value: JSONValue) -> Int {
        switch value {
        case .null, .bool: 5
        case .number: 24
        case .string(let text): text.utf8.count
        case .array(let items): items.reduce(2) { $0 + size(of: $1) + 1 }
        case .object(let members): members.reduce(2) { $0 + $1.key.utf8.count + 4 + size(of: $1.value) }
        }
    }

    private static func largestList(in values: [String: JSONValue]) -> Int {
        func walk(_ value: JSONValue) -> Int {
            switch value {
            case .array(let items): items.reduce(items.count) { max($0, walk($1)) }
            case .object(let members): members.values.reduce(1) { max($0, walk($1)) }
            default: 1
            }
        }
        return values.values.reduce(1) { max($0, walk($1)) }
    }

    private static func largestValue(in values: [String: JSONValue]) -> Int {
        values.values.reduce(0) { max($0, size(of: $1)) }
    }
}
