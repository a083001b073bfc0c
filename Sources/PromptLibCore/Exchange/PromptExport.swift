import Foundation

/// One prompt version as a file. Every format carries the whole document, so an import rebuilds
/// it: YAML and JSON are the document; Markdown has it as front matter above a readable body;
/// provider formats are the provider's request body with an `x_promptlib` block holding it.
public enum PromptExport {
    /// The key of the block that provider formats carry.
    public static let blockKey = "x_promptlib"

    /// The file for `document` in `format`. Provider formats leave `{{variables}}` in place unless
    /// `variables` are given, which are then checked and substituted like a render.
    public static func export(_ document: PromptDocument, format: ExportFormat, variables: [String: JSONValue]? = nil) throws -> String {
        switch format {
        case .yaml:
            return try PromptYAML.encode(document)
        case .json:
            return try json(document)
        case .markdown:
            return try markdown(document)
        case .openai, .openaiResponses, .anthropic, .gemini, .bedrock, .llama:
            let target = format.target ?? .openai
            let request = PromptRenderer.Request(target: target, variables: variables ?? [:], substitute: variables != nil)
            let result = try PromptRenderer.render(document, request)
            guard case .object(var body) = result.payload else { return "" }
            if let text = result.text { body["prompt"] = .string(text) }
            if target == .gemini || target == .bedrock { body["model"] = .string(result.model) }
            body[blockKey] = .object(["schema": .string(PromptDocument.currentSchema), "document": try jsonValue(document)])
            return encode(.object(body))
        }
    }

    /// The document as pretty JSON with sorted keys: the same document always gives the same bytes.
    public static func json(_ document: PromptDocument) throws -> String {
        encode(try jsonValue(document))
    }

    /// The document as a JSON value, without `base_version`.
    public static func jsonValue(_ document: PromptDocument) throws -> JSONValue {
        var document = document
        document.baseVersion = nil
        return try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(document))
    }

    /// Pretty JSON with sorted keys (a schema's properties in their declared order, as a render
    /// writes them) and a final newline.
    public static func encode(_ value: JSONValue) -> String {
        SchemaOrderedJSON.pretty(value) + "\n"
    }

    /// Front matter (the YAML document), then the title, summary and each message as a section.
    static func markdown(_ document: PromptDocument) throws -> String {
        var text = "---\n" + (try PromptYAML.encode(document)) + "---\n\n# \(document.title)\n"
        if let summary = document.summary, !summary.isEmpty { text += "\n\(summary)\n" }
        for message in MessageCompiler.messages(document.prompt) {
            text += "\n## \(message.role.rawValue)\n\n\(message.content)\n"
        }
        return text
    }
}
