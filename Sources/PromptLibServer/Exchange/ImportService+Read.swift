import Foundation
import PromptLibCore

/// Reading an upload: archive entries or one file, parsed and validated on every core.
extension ImportService {
    /// The files of the upload: an archive's entries, or the body as one file.
    func files(_ body: Data, mediaType: String?, format: String?, name: String? = nil) throws -> [(path: String, text: String)] {
        let kind: ArchiveCodec.Kind?
        switch format?.lowercased() {
        case "zip": kind = .zip
        case "tar.gz", "tgz": kind = .tarGz
        case nil:
            switch mediaType {
            case "application/zip": kind = .zip
            case "application/gzip", "application/x-gzip": kind = .tarGz
            default: kind = ArchiveCodec.detect(body)
            }
        case let other?:
            guard PromptImportParser.Kind(rawValue: other) != nil else {
                throw APIError.validation("format must be zip, tar.gz, yaml, json, markdown or provider", field: "format")
            }
            kind = nil
        }
        guard let kind else {
            guard let text = String(data: body, encoding: .utf8) else {
                throw APIError.validation("the upload is not UTF-8 text or an archive: " + PromptImportParser.acceptedKinds, field: "file")
            }
            if let name { return [(path: "upload.json", text: try Self.providerRequest(text, name: name))] }
            // The media type (or format) names the kind, as an extension does inside archives.
            let named = format.flatMap(PromptImportParser.Kind.init(rawValue:)) ?? Self.kind(ofMediaType: mediaType)
            return [(path: "upload" + (named.map { ".\(Self.extensionName($0))" } ?? ""), text: text)]
        }
        if name != nil { throw APIError.validation("name is for one provider request, not an archive (its files name their prompts)", field: "name") }
        let entries: [(path: String, data: Data)]
        do {
            entries = try ArchiveCodec.read(body, kind: kind, limits: limits)
        } catch {
            throw APIError(error.reason == .tooLarge ? .contentTooLarge : .badRequest, error.reason == .tooLarge ? .payloadTooLarge : .validationError,
                           "The archive \(error.message); nothing was imported", field: "file")
        }
        try verifyManifest(entries)
        var out: [(path: String, text: String)] = []
        for entry in entries where entry.path != "manifest.json" {
            let last = entry.path.split(separator: "/").last.map(String.init) ?? entry.path
            if entry.path.hasPrefix("__MACOSX/") || last.hasPrefix(".") { continue }
            guard [".yaml", ".yml", ".json", ".md"].contains(where: { last.lowercased().hasSuffix($0) }) else {
                throw APIError.validation("entry \(entry.path) is not a prompt file (.yaml, .json or .md)", field: "file")
            }
            guard let text = String(data: entry.data, encoding: .utf8) else { throw APIError.validation("entry \(entry.path) is not UTF-8 text", field: "file") }
            out.append((entry.path, text))
        }
        if out.isEmpty { throw APIError.validation("the archive holds no prompt files", field: "file") }
        return out
    }

    /// A provider request body made into a prompt document named `name`, as JSON.
    static func providerRequest(_ text: String, name: String) throws -> String {
        if let problem = PromptName.problem(with: name) { throw APIError.validation("name \(problem)", field: "name") }
        let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        if let value, let problem = ProviderRequestImport.unsupportedShape(value) { throw APIError.validation("the upload \(problem)", field: "file") }
        guard let value, ProviderRequestImport.isProviderRequest(value) else {
            throw APIError.validation("name is for a provider request (a JSON body with messages and no x_promptlib); this file names its own prompt", field: "name")
        }
        do {
            return try PromptExport.json(try ProviderRequestImport.document(from: value, name: name))
        } catch let failure as ValidationFailure {
            throw APIError.validation("the provider request's \(failure.field) \(failure.message)", field: "file")
        }
    }

    static func kind(ofMediaType mediaType: String?) -> PromptImportParser.Kind? {
        switch mediaType {
        case "text/markdown": .markdown
        case "application/yaml", "text/yaml", "application/x-yaml": .yaml
        default: nil
        }
    }

    static func extensionName(_ kind: PromptImportParser.Kind) -> String {
        switch kind {
        case .markdown: "md"
        case .yaml: "yaml"
        case .json, .provider: "json"
        }
    }

    /// When the archive has our manifest, each file it lists must be there with its SHA-256.
    private func verifyManifest(_ entries: [(path: String, data: Data)]) throws {
        guard let manifest = entries.first(where: { $0.path == "manifest.json" }) else { return }
        guard case .object(let root)? = try? JSONDecoder().decode(JSONValue.self, from: manifest.data), case .array(let files)? = root["files"] else {
            throw APIError.validation("manifest.json is not an export manifest", field: "file")
        }
        let byPath = Dictionary(entries.map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first })
        for case .object(let file) in files {
            guard case .string(let path)? = file["path"], case .string(let sum)? = file["sha256"] else { continue }
            guard let data = byPath[path] else { throw APIError.validation("\(path) is listed in manifest.json but missing", field: "file") }
            guard ExportService.sha256(data) == sum else { throw APIError.validation("\(path) does not match its SHA-256 in manifest.json", field: "file") }
        }
    }

    /// Every file parsed and every version validated; all problems reported at once.
    func read(_ files: [(path: String, text: String)], progress: ExportService.Progress? = nil) throws -> [Incoming] {
        progress?("reading files", 0, files.count)
        // Parsing and validating are pure and most of an import's work: spread over the cores.
        let parsed = try ParallelMap.map(files.map { FileText(path: $0.path, text: $0.text) }, Self.parse)
        progress?("reading files", files.count, files.count)
        var failures: [ValidationFailure] = []
        var incoming: [Incoming] = []
        var seen: [String: String] = [:]
        for (file, result) in zip(files, parsed) {
            failures += result.failures
            guard result.failures.isEmpty, let name = result.versions.last?.name else { continue }
            if result.versions.contains(where: { $0.name != name }) {
                failures.append(ValidationFailure(field: file.path, message: "holds versions of more than one prompt"))
            } else if let other = seen[name] {
                failures.append(ValidationFailure(field: file.path, message: "is prompt \(name), which \(other) holds too"))
            } else {
                seen[name] = file.path
                incoming.append(Incoming(file: file.path, versions: result.versions))
            }
        }
        if !failures.isEmpty { throw ValidationFailures(failures: Array(failures.prefix(200))) }
        return incoming
    }

    struct FileText: Sendable {
        let path: String
        let text: String
    }

    /// One file's versions, validated and ordered by number, or what is wrong with them.
    @Sendable static func parse(_ file: FileText) -> (versions: [PromptDocument], failures: [ValidationFailure]) {
        let documents: [PromptDocument]
        do {
            documents = try PromptBundle.versions(in: file.text, kind: PromptBundle.kind(forPath: file.path))
        } catch {
            return ([], [ValidationFailure(field: field(file.path, error.field), message: error.message)])
        }
        var valid: [PromptDocument] = []
        var failures: [ValidationFailure] = []
        for (index, document) in documents.enumerated() {
            let prefix = documents.count > 1 ? "\(file.path)[\(index)]" : file.path
            do {
                var checked = try PromptValidator.validate(document)
                checked.labels = document.labels
                valid.append(checked)
            } catch {
                failures += error.failures.map { ValidationFailure(field: field(prefix, $0.field), message: $0.message) }
            }
        }
        let ordered = valid.enumerated().sorted { ($0.element.version ?? $0.offset, $0.offset) < ($1.element.version ?? $1.offset, $1.offset) }.map(\.element)
        return (ordered, failures)
    }

    private static func field(_ path: String, _ field: String) -> String { field.isEmpty ? path : "\(path): \(field)" }
}
