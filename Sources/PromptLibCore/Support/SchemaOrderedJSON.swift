/// Compact JSON text with sorted keys — as the API writes every response — except that a JSON
/// Schema's `properties` are written in the order its `required` list gives: the order the prompt
/// declares its output fields. A JSON object's members have no order of their own, but models fill
/// a structured output in the order its schema lists the properties (OpenAI's strict mode does), so
/// a render must not turn `[title, summary]` into `summary, title`.
public enum SchemaOrderedJSON {
    /// `value` as JSON text.
    public static func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number):
            // As JSONValue encodes: whole numbers without a fraction.
            if number.rounded() == number, abs(number) < 1e15 { out += String(Int64(number)) } else { out += "\(number)" }
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let members):
            let declared = declaredOrder(members)
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                writeString(key, into: &out)
                out += ":"
                if key == "properties", let declared, case .object(let properties) = members[key]! {
                    writeProperties(properties, order: declared, into: &out)
                } else {
                    write(members[key]!, into: &out)
                }
            }
            out += "}"
        }
    }

    /// The `required` names of a schema object that has `properties`, or nil.
    private static func declaredOrder(_ members: [String: JSONValue]) -> [String]? {
        guard case .object? = members["properties"], case .array(let required)? = members["required"] else { return nil }
        let names = required.compactMap { item -> String? in if case .string(let name) = item { name } else { nil } }
        return names.count == required.count ? names : nil
    }

    private static func writeProperties(_ properties: [String: JSONValue], order: [String], into out: inout String) {
        let listed = order.filter { properties[$0] != nil }
        let rest = properties.keys.filter { !listed.contains($0) }.sorted()
        out += "{"
        for (index, key) in (listed + rest).enumerated() {
            if index > 0 { out += "," }
            writeString(key, into: &out)
            out += ":"
            write(properties[key]!, into: &out)
        }
        out += "}"
    }

    private static func writeString(_ text: String, into out: inout String) {
        out += JSONQuoting.quote(text)
    }
}
