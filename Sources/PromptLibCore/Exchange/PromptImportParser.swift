import Foundation

/// Reads one exported file back into a prompt document, whatever format it is in: YAML, JSON,
/// Markdown with front matter, or any provider format (from its `x_promptlib` block).
public enum PromptImportParser {
    /// What a file holds.
    public enum Kind: String, Sendable, CaseIterable {
        case yaml, json, markdown, provider
    }

    /// The kind of `text`, from its first characters: `---` front matter is Markdown, `{` is JSON
    /// (a provider format when it has the `x_promptlib` block), anything else YAML.
    public static func detect(_ text: String) -> Kind {
        let start = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if text.hasPrefix("---\n") || text.hasPrefix("---\r\n") { return .markdown }
        if start.first == "{" { return text.contains("\"\(PromptExport.blockKey)\"") ? .provider : .json }
        if start.first == "[" { return .json }
        return .yaml
    }

    /// The document in `text`; `kind` is detected when not given. Errors name what is wrong.
    public static func parse(_ text: String, kind: Kind? = nil) throws(ValidationFailure) -> PromptDocument {
        switch kind ?? detect(text) {
        case .yaml:
            return try PromptYAML.decode(text)
        case .markdown:
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
                  let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "---" }) else {
                throw ValidationFailure(field: "", message: "is Markdown without front matter between --- lines")
            }
            return try PromptYAML.decode(lines[1..<end].joined(separator: "\n") + "\n")
        case .json:
            if let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) {
                if ProviderRequestImport.isProviderRequest(value) {
                    throw ValidationFailure(field: "", message:
                        "is a provider request without PromptLib's \(PromptExport.blockKey) block, so it names no prompt; import it with ?name=folder/prompt-name (promptlib import --name)")
                }
                if let problem = ProviderRequestImport.unsupportedShape(value) { throw ValidationFailure(field: "", message: problem) }
            }
            return try decodeJSON(Data(text.utf8))
        case .provider:
            let value: JSONValue
            do { value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) } catch {
                throw ValidationFailure(field: "", message: "is not valid JSON")
            }
            guard case .object(let body) = value, case .object(let block)? = body[PromptExport.blockKey], let document = block["document"] else {
                throw ValidationFailure(field: PromptExport.blockKey, message: "is missing: a provider file needs the block PromptLib exports")
            }
            let data = (try? JSONEncoder().encode(document)) ?? Data()
            return try decodeJSON(data, prefix: "\(PromptExport.blockKey).document")
        }
    }

    /// What an import takes, for messages about what it does not.
    public static let acceptedKinds = "PromptLib imports prompt documents in YAML or JSON, Markdown with YAML front matter, "
        + "provider files exported by PromptLib (with x_promptlib), a provider request with ?name=, and .zip or .tar.gz archives of them"

    private static func decodeJSON(_ data: Data, prefix: String? = nil) throws(ValidationFailure) -> PromptDocument {
        if let (field, problem) = ControlCharacters.firstProblem(inJSON: data) {
            throw ValidationFailure(field: [prefix, field].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: "."), message: problem)
        }
        do {
            return try JSONDecoder().decode(PromptDocument.self, from: data)
        } catch let error as DecodingError {
            var failure = PromptYAML.describe(error)
            if let prefix { failure.field = failure.field.isEmpty ? prefix : prefix + "." + failure.field }
            throw failure
        } catch {
            throw ValidationFailure(field: "", message: "is not valid JSON")
        }
    }
}
