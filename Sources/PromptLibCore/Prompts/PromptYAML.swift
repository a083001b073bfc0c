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

    /// Reads a YAML document, naming the field at fault when it does not fit the schema.
    public static func decode(_ text: String) throws(ValidationFailure) -> PromptDocument {
        do {
            return try YAMLDecoder().decode(PromptDocument.self, from: text)
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            // Yams reports syntax errors with line and column, which is what a person needs.
            throw ValidationFailure(field: "", message: "is not valid YAML: \(error)")
        }
    }

    /// Any YAML document as a JSON-like value, for comparing documents field by field.
    static func decodeValue(_ text: String) throws -> JSONValue {
        try YAMLDecoder().decode(JSONValue.self, from: text)
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
