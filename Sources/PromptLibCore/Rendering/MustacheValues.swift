import Foundation
import Mustache

/// Bound variable values as swift-mustache reads them: scalars as Swift values, lists and JSON as
/// sequences sections iterate over, and every compound value printing as text a model can read.
enum MustacheValues {
    static func context(_ values: [String: JSONValue], types: [String: VariableDefinition.Kind]) -> [String: Any] {
        var context: [String: Any] = [:]
        for (name, value) in values {
            if let converted = convert(value, list: types[name] == .list) { context[name] = converted }
        }
        return context
    }

    static func convert(_ value: JSONValue, list: Bool = false) -> Any? {
        switch value {
        case .null: return nil
        case .bool(let flag): return flag
        case .string(let text): return text
        case .number(let number):
            return number.rounded() == number && abs(number) < 9e15 ? Int(number) : number
        case .array(let items):
            return TextArray(items: items.compactMap { convert($0) }, text: list ? items.map(plain).joined(separator: ", ") : json(value))
        case .object(let members):
            return TextObject(members: members.compactMapValues { convert($0) }, text: json(value))
        }
    }

    /// A list item as text: strings as they are, anything else as JSON.
    private static func plain(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return json(value)
    }

    static func json(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// An array that sections iterate and `{{name}}` prints as `text`.
    struct TextArray: MustacheSequence, MustacheCustomRenderable {
        let items: [Any]
        let text: String
        func makeIterator() -> IndexingIterator<[Any]> { items.makeIterator() }
        var renderText: String { text }
        var isNull: Bool { false }
    }

    /// An object whose members `{{name.member}}` reads and that `{{name}}` prints as JSON.
    struct TextObject: MustacheParent, MustacheCustomRenderable {
        let members: [String: Any]
        let text: String
        func child(named name: String) -> Any? { members[name] }
        var renderText: String { text }
        var isNull: Bool { false }
    }
}
