/// An upper bound on what templates render to, computed from their tags and the values before
/// anything is rendered. Sections over lists multiply what they hold, and the same list may be
/// iterated inside itself (`{{#a}}{{#a}}…`): seven levels over ten items are ten million copies.
/// Renders whose bound passes ``maxBytes`` are refused instead of run. One pass over the bytes of
/// each template; it runs on every render, so it stays cheap.
public enum RenderBudget {
    /// The most a render's messages may add up to: far beyond any model's context window.
    public static let maxBytes = 2_097_152

    /// The most bytes `templates` can render to with `values`. Names that are not top-level values
    /// (fields of list items) are assumed as long and as large as the largest anywhere in `values`.
    public static func bound(of templates: [String], values: [String: JSONValue]) -> Double {
        var walk = Walk(values: values)
        var total = 0.0
        for template in templates {
            total += walk.bound(Array(template.utf8))
            if total > Double(maxBytes) { return total }
        }
        return total
    }

    private struct Walk {
        let values: [String: JSONValue]
        /// Computed on first need: most templates name only top-level values.
        private var unknown: (count: Double, size: Double)?

        init(values: [String: JSONValue]) { self.values = values }

        mutating func bound(_ bytes: [UInt8]) -> Double {
            let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
            var multipliers: [Double] = [1]
            var total = 0.0, index = 0, textStart = 0
            while index + 1 < bytes.count {
                guard bytes[index] == open, bytes[index + 1] == open else { index += 1; continue }
                total += Double(index - textStart) * multipliers[multipliers.count - 1]
                let triple = index + 2 < bytes.count && bytes[index + 2] == open
                var end = index + (triple ? 3 : 2)
                while end + 1 < bytes.count, !(bytes[end] == close && bytes[end + 1] == close) { end += 1 }
                guard end + 1 < bytes.count else { textStart = index; break }
                let tag = trimmed(bytes[(index + (triple ? 3 : 2))..<end])
                index = end + (triple && end + 2 < bytes.count && bytes[end + 2] == close ? 3 : 2)
                textStart = index
                guard let sigil = tag.first else { continue }
                let isSigil = "#^/&!>=".utf8.contains(sigil)
                let value = lookup(String(decoding: isSigil ? trimmed(tag.dropFirst()) : tag, as: UTF8.self))
                let current = multipliers[multipliers.count - 1]
                switch sigil {
                case UInt8(ascii: "!"), UInt8(ascii: ">"), UInt8(ascii: "="): continue
                case UInt8(ascii: "#"): multipliers.append(current * max(1, value.map(Self.iterations) ?? unknownBounds().count))
                case UInt8(ascii: "^"): multipliers.append(current)
                case UInt8(ascii: "/"): if multipliers.count > 1 { multipliers.removeLast() }
                default: total += current * (value.map { Double(Self.size(of: $0)) } ?? unknownBounds().size)
                }
                if total > Double(RenderBudget.maxBytes) { return total }
            }
            return total + Double(bytes.count - textStart) * multipliers[multipliers.count - 1]
        }

        /// The value a dotted name (`j.b.c`) reaches through objects; `nil` when it is not a
        /// top-level path (then it is bounded as an unknown item field).
        private func lookup(_ name: String) -> JSONValue? {
            var segments = name.split(separator: ".", omittingEmptySubsequences: false)[...]
            guard let first = segments.popFirst(), var value = values[String(first)] else { return nil }
            for segment in segments {
                guard case .object(let members) = value, let next = members[String(segment)] else { return nil }
                value = next
            }
            return value
        }

        private mutating func unknownBounds() -> (count: Double, size: Double) {
            if let unknown { return unknown }
            let found = (Double(values.values.reduce(1) { max($0, $1.longestArray) }), Double(values.values.reduce(0) { max($0, Self.size(of: $1)) }))
            unknown = found
            return found
        }

        private func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            var slice = bytes
            while let first = slice.first, first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D { slice = slice.dropFirst() }
            while let last = slice.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D { slice = slice.dropLast() }
            return slice
        }

        /// How often a section over `value` repeats what it holds.
        private static func iterations(_ value: JSONValue) -> Double {
            if case .array(let items) = value { return Double(items.count) }
            return 1
        }

        /// Bytes of `value` when substituted (an upper bound: its JSON text).
        static func size(of value: JSONValue) -> Int {
            switch value {
            case .null, .bool: 5
            case .number: 24
            case .string(let text): text.utf8.count
            case .array(let items): items.reduce(2) { $0 + size(of: $1) + 1 }
            case .object(let members): members.reduce(2) { $0 + $1.key.utf8.count + 4 + size(of: $1.value) }
            }
        }
    }
}
