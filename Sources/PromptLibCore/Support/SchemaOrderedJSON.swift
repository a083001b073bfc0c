/// JSON text with sorted keys — as the API writes every response and export files are written —
/// except that a JSON Schema's `properties` are written in the order its `required` list gives: the
/// order the prompt declares its output fields. A JSON object's members have no order of their
/// own, but models fill a structured output in the order its schema lists the properties (OpenAI's
/// strict mode does), so a render or an export must not turn `[title, summary]` into `summary, title`.
public enum SchemaOrderedJSON {
    /// `value` as compact JSON text, byte for byte what `JSONEncoder` with sorted keys writes but
    /// for the order of schema properties.
    public static func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: nil)
        return out
    }

    /// `value` as pretty JSON text laid out as `JSONEncoder`'s `.prettyPrinted` lays it out (two
    /// spaces, `"key" : value`), so export files keep their bytes but for schema property order.
    public static func pretty(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: 0)
        return out
    }

    /// Writes `value`; `indent` is the current depth's indentation when pretty, nil when compact.
    /// `order` lists the keys to write first, in that order (a schema's declared properties).
    private static func write(_ value: JSONValue, into out: inout String, indent: Int?, order: [String] = []) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number):
            // As JSONValue encodes: whole numbers without a fraction.
            if number.rounded() == number, abs(number) < 1e15 { out += String(Int64(number)) } else { out += "\(number)" }
        case .string(let text): out += JSONQuoting.quote(text)
        case .array(let items):
            open("[", count: items.count, into: &out, indent: indent)
            for (index, item) in items.enumerated() {
                separate(index, into: &out, indent: indent)
                write(item, into: &out, indent: indent.map { $0 + 2 })
            }
            close("]", count: items.count, into: &out, indent: indent)
        case .object(let members):
            let listed = order.filter { members[$0] != nil }
            let keys = listed + members.keys.filter { !listed.contains($0) }.sorted()
            let declared = declaredOrder(members) ?? []
            open("{", count: keys.count, into: &out, indent: indent)
            for (index, key) in keys.enumerated() {
                separate(index, into: &out, indent: indent)
                out += JSONQuoting.quote(key) + (indent == nil ? ":" : " : ")
                write(members[key]!, into: &out, indent: indent.map { $0 + 2 }, order: key == "properties" ? declared : [])
            }
            close("}", count: keys.count, into: &out, indent: indent)
        }
    }

    // Foundation's pretty layout: members on their own lines, an empty container as `[`, a blank
    // line and the closing bracket at the container's own indentation.
    private static func open(_ bracket: String, count: Int, into out: inout String, indent: Int?) {
        out += bracket
        if indent != nil, count == 0 { out += "\n" }
    }

    private static func separate(_ index: Int, into out: inout String, indent: Int?) {
        if index > 0 { out += "," }
        if let indent { out += "\n" + String(repeating: " ", count: indent + 2) }
    }

    private static func close(_ bracket: String, count: Int, into out: inout String, indent: Int?) {
        if let indent { out += "\n" + String(repeating: " ", count: indent) }
        out += bracket
    }

    /// The `required` names of a schema object that has `properties`, or nil.
    private static func declaredOrder(_ members: [String: JSONValue]) -> [String]? {
        guard case .object? = members["properties"], case .array(let required)? = members["required"] else { return nil }
        let names = required.compactMap { item -> String? in if case .string(let name) = item { name } else { nil } }
        return names.count == required.count ? names : nil
    }
}
