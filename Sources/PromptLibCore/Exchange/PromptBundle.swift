import Foundation

/// Prompts as the files of an export archive, and back: what `/api/v1/exports` writes and
/// `/api/v1/imports` reads.
///
/// Each prompt is one file under `prompts/`, its folders as directories
/// (`prompts/marketing/product-description.yaml`). With history, a YAML file is a stream of every
/// version, oldest first, separated by `---` lines, and a JSON file an array; other formats carry
/// the latest version only.
public enum PromptBundle {
    /// One prompt and the versions to write, oldest first.
    public struct Prompt: Sendable {
        public var name: String
        public var versions: [PromptDocument]

        public init(name: String, versions: [PromptDocument]) {
            self.name = name
            self.versions = versions
        }
    }

    /// One file of the archive.
    public struct File: Sendable, Equatable {
        public var path: String
        public var contents: String
        /// The version numbers the file holds.
        public var versions: [Int]
    }

    /// The kind a file name says, or `nil` to detect it: `.md` Markdown, `.yaml`/`.yml` YAML.
    public static func kind(forPath path: String) -> PromptImportParser.Kind? {
        let lower = path.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
        return nil
    }

    /// Whether `format` can carry every version in one file.
    public static func carriesHistory(_ format: ExportFormat) -> Bool { format == .yaml || format == .json }

    /// The file path of prompt `name` in `format`.
    public static func path(for name: String, format: ExportFormat) -> String {
        let ext = format.fileExtension
        return "prompts/\(name).\(ext)"
    }

    /// The files for `prompts`, sorted by path.
    public static func files(_ prompts: [Prompt], format: ExportFormat, includeHistory: Bool) throws -> [File] {
        try ParallelMap.map(prompts.filter { !$0.versions.isEmpty }) { prompt -> File in
            let latest = prompt.versions[prompt.versions.count - 1]
            let path = path(for: prompt.name, format: format)
            guard includeHistory && carriesHistory(format) else {
                do {
                    return File(path: path, contents: try PromptExport.export(latest, format: format), versions: [latest.version ?? 1])
                } catch let failures as ValidationFailures {
                    // A provider format can refuse a prompt's settings; say which prompt.
                    throw ValidationFailures(failures: failures.failures.map { ValidationFailure(field: "\(prompt.name): \($0.field)", message: $0.message) })
                }
            }
            let contents: String
            if format == .yaml {
                contents = try prompt.versions.map(PromptYAML.encode).joined(separator: "---\n")
            } else {
                contents = PromptExport.encode(.array(try prompt.versions.map(PromptExport.jsonValue)))
            }
            return File(path: path, contents: contents, versions: prompt.versions.map { $0.version ?? 1 })
        }
        .sorted { $0.path < $1.path }
    }

    /// Every version in one file, oldest first: a YAML stream, a JSON array, or one document in
    /// any format ``PromptImportParser`` reads. `kind` comes from a file's extension or an upload's
    /// media type when there is one (a YAML file may begin with `---` like Markdown front matter);
    /// otherwise it is detected.
    public static func versions(in text: String, kind: PromptImportParser.Kind? = nil) throws(ValidationFailure) -> [PromptDocument] {
        switch kind ?? PromptImportParser.detect(text) {
        case .yaml:
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            var documents: [String] = []
            var current: [Substring] = []
            for line in lines {
                if line == "---" || line == "--- " {
                    documents.append(current.joined(separator: "\n"))
                    current = []
                } else {
                    current.append(line)
                }
            }
            documents.append(current.joined(separator: "\n"))
            var out: [PromptDocument] = []
            for (index, document) in documents.enumerated() where !document.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                do {
                    out.append(try PromptYAML.decode(document))
                } catch {
                    throw documents.count > 1 ? ValidationFailure(field: "[\(index)]" + (error.field.isEmpty ? "" : ".\(error.field)"), message: error.message) : error
                }
            }
            return out
        case .json where text.drop(while: \.isWhitespace).first == "[":
            if let (field, problem) = ControlCharacters.firstProblem(inJSON: Data(text.utf8)) {
                throw ValidationFailure(field: field, message: problem)
            }
            do {
                return try JSONDecoder().decode([PromptDocument].self, from: Data(text.utf8))
            } catch let error as DecodingError {
                throw PromptYAML.describe(error)
            } catch {
                throw ValidationFailure(field: "", message: "is not valid JSON")
            }
        case let kind:
            return [try PromptImportParser.parse(text, kind: kind)]
        }
    }
}
