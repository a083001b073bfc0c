import Foundation
import Yams

/// The canonical prompt file: a version as the YAML document of DESIGN.md, fields in the
/// documented order. Writing, reading and writing again gives the same bytes.
public enum PromptYAML {
    /// The document as YAML.
    public static func encode(_ document: PromptDocument) throws -> String {
        var document = document
        document.baseVersion = nil
        let encoder = YAMLEncoder()
        encoder.options = .init(indent: 2, width: -1, allowUnicode: true, sortKeys: false)
        return try encoder.encode(document)
    }

    /// Reads a YAML document, naming the field at fault when it does not fit the schema. The parsed
    /// tree is checked under ``YAMLLimits`` before it is decoded; error messages give the line
    /// and column, never the document's text.
    public static func decode(_ text: String) throws(ValidationFailure) -> PromptDocument {
        let node = try parse(text)
        guard node.mapping != nil else { throw ValidationFailure(field: "", message: "is not a prompt document: " + PromptImportParser.acceptedKinds) }
        do {
            return try YAMLDecoder().decode(PromptDocument.self, from: node)
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw ValidationFailure(field: "", message: "could not be read as a prompt document")
        }
    }

    /// The single document in `text`, within ``YAMLLimits``.
    static func parse(_ text: String) throws(ValidationFailure) -> Node {
        let parser: Parser
        let node: Node?
        do {
            parser = try Parser(yaml: text)
            node = try parser.singleRoot()
        } catch let error as YamlError {
            throw ValidationFailure(field: "", message: "is not valid YAML: \(summary(of: error))")
        } catch {
            throw ValidationFailure(field: "", message: "is not valid YAML")
        }
        guard let node else { throw ValidationFailure(field: "", message: "is an empty YAML document") }
        // Nodes hold their anchors weakly and the parser owns them: it must outlive the check.
        try withExtendedLifetime(parser) { () throws(ValidationFailure) in try YAMLLimits.check(node) }
        return node
    }

    /// What went wrong and where, without the document (Yams' own description quotes it).
    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return "\(problem) at line \(mark.line), column \(mark.column)"
        case .reader(let problem, _, _, _):
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate keys \(duplicates.prefix(3).joined(separator: ", "))"
        default:
            return "unreadable"
        }
    }

    /// Any YAML document as a JSON-like value, for comparing documents field by field.
    public static func decodeValue(_ text: String) throws -> JSONValue {
        try YAMLDecoder().decode(JSONValue.self, from: try parse(text))
    }

    static func describe(_ error: DecodingError) -> ValidationFailure {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { out, key in
                if let index = key.intValue { return out + "[\(index)]" }
                return out.isEmpty ? key.stringValue : out + "." + key.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let context): return .init(field: path(context.codingPath + [key]), message: "is required")
        case .typeMismatch(_, let context): return .init(field: path(context.codingPath), message: "has the wrong type")
        case .valueNotFound(_, let context): return .init(field: path(context.codingPath), message: "must not be null")
        case .dataCorrupted(let context): return .init(field: path(context.codingPath), message: "has an invalid value")
        @unknown default: return .init(field: "", message: "could not be read")
        }
    }
}
