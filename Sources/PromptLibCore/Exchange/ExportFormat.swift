/// The formats one prompt version exports to, and the file each makes.
public enum ExportFormat: String, Sendable, CaseIterable {
    case yaml, json, markdown
    case openai, anthropic, gemini, bedrock, llama
    case openaiResponses = "openai_responses"

    /// The provider a provider format renders for.
    public var target: RenderTarget? { RenderTarget(rawValue: rawValue) }

    public var fileExtension: String {
        switch self {
        case .yaml: "yaml"
        case .markdown: "md"
        case .json: "json"
        default: "\(rawValue).json"
        }
    }

    public var contentType: String {
        switch self {
        case .yaml: "application/yaml; charset=utf-8"
        case .markdown: "text/markdown; charset=utf-8"
        default: "application/json"
        }
    }

    /// `marketing/product-description` version 4 → `marketing__product-description.v4.yaml`:
    /// folders flattened so the name is one safe file name.
    public func fileName(for document: PromptDocument) -> String {
        "\(document.name.replacingOccurrences(of: "/", with: "__")).v\(document.version ?? 1).\(fileExtension)"
    }
}
