import Crypto
import Foundation
import PromptLibCore
import PromptLibStorage

/// `POST /api/v1/exports`: the prompts a filter selects, as one archive with a manifest.
struct ExportService: Sendable {
    let repository: any PromptRepository
    let audit: AuditLog

    /// The request body.
    struct Request: Decodable, Sendable {
        struct Filter: Decodable, Sendable {
            var q: String?
            var tag: String?
            var owner: String?
            var status: String?
            var folder: String?
            var includeArchived: Bool?
            enum CodingKeys: String, CodingKey {
                case q, tag, owner, status, folder
                case includeArchived = "include_archived"
            }
        }

        var filter: Filter?
        var format: String?
        var includeHistory: Bool?
        var archive: String?
        enum CodingKeys: String, CodingKey {
            case filter, format, archive
            case includeHistory = "include_history"
        }
    }

    /// An archive ready to send.
    struct Archive: Sendable {
        let data: Data
        let kind: ArchiveCodec.Kind
        let prompts: Int
        let versions: Int
    }

    /// Prompts in one export at most: a bound on memory, well above the libraries this serves.
    static let maxPrompts = 200_000

    /// How far a long export or import is: a phase, items done, and the total when known.
    typealias Progress = @Sendable (_ phase: String, _ done: Int, _ total: Int?) -> Void

    /// The archive, recorded in the audit log as `prompts.exported` by the request's caller (or
    /// `actorName` from the command line).
    func export(_ request: Request, context: AppRequestContext?, actorName: String? = nil, progress: Progress? = nil) async throws -> Archive {
        let format = try Self.format(request.format)
        let history = request.includeHistory ?? false
        if history && !PromptBundle.carriesHistory(format) {
            throw APIError.validation("history is exported as yaml or json", field: "include_history")
        }
        guard let kind = ArchiveCodec.Kind(rawValue: request.archive ?? "zip") else {
            throw APIError.validation("archive must be zip or tar.gz", field: "archive")
        }
        let filter = request.filter
        var query = try PromptQuery.filters(q: filter?.q, tag: filter?.tag, owner: filter?.owner, status: filter?.status,
                                            folder: filter?.folder, includeArchived: filter?.includeArchived ?? false)
        query.limit = 500
        var records: [PromptRecord] = []
        repeat {
            let page = try await repository.search(query)
            records += page.items
            query.cursor = page.nextCursor
            progress?("reading prompts", records.count, query.cursor == nil ? records.count : nil)
            if records.count > Self.maxPrompts { throw APIError.validation("the filter selects more than \(Self.maxPrompts) prompts", field: "filter") }
        } while query.cursor != nil
        if history { progress?("reading versions", 0, records.count) }
        let versions = history ? try await repository.allVersions(of: records.map(\.id)) : [:]
        let prompts = records.map { record -> PromptBundle.Prompt in
            let latest = record.document.version ?? 1
            let documents = history ? (versions[record.id] ?? []).map(\.document) : [record.document]
            return PromptBundle.Prompt(name: record.document.name, versions: documents.map { document in
                var document = document
                let number = document.version ?? 1
                document.labels = PromptResponse.labels(record.labels, at: number, latest: number == latest)
                return document
            })
        }
        let files: [PromptBundle.File]
        do {
            files = try PromptBundle.files(prompts, format: format, includeHistory: history)
        } catch let failures as ValidationFailures {
            throw RenderService.unprocessable(failures)
        }
        var entries = files.map { (path: $0.path, data: Data($0.contents.utf8)) }
        entries.append((path: "manifest.json", data: Self.manifest(files, format: format, history: history)))
        let count = files.reduce(0) { $0 + $1.versions.count }
        progress?("writing the archive", files.count, files.count)
        let archive = Archive(data: try ArchiveCodec.write(entries, kind: kind), kind: kind, prompts: files.count, versions: count)
        try await audit.record("prompts.exported", context: context, actorName: actorName, targetType: "prompt",
                               details: ["prompts": String(archive.prompts), "versions": String(archive.versions)])
        return archive
    }

    static func format(_ name: String?) throws -> ExportFormat {
        guard let format = ExportFormat(rawValue: name ?? "yaml") else {
            throw APIError.validation("format must be one of: " + ExportFormat.allCases.map(\.rawValue).joined(separator: ", "), field: "format")
        }
        return format
    }

    /// `manifest.json`: the format, counts, and every file with its versions and SHA-256. No
    /// timestamps, so exporting the same prompts twice gives the same bytes.
    static func manifest(_ files: [PromptBundle.File], format: ExportFormat, history: Bool) -> Data {
        let entries: [JSONValue] = files.map { file in
            .object([
                "path": .string(file.path),
                "versions": .array(file.versions.map { .number(Double($0)) }),
                "sha256": .string(sha256(Data(file.contents.utf8))),
            ])
        }
        let manifest: JSONValue = .object([
            "schema": .string(manifestSchema),
            "format": .string(format.rawValue),
            "include_history": .bool(history),
            "counts": .object(["prompts": .number(Double(files.count)), "versions": .number(Double(files.reduce(0) { $0 + $1.versions.count }))]),
            "files": .array(entries),
        ])
        return Data(PromptExport.encode(manifest).utf8)
    }

    static let manifestSchema = "promptlib-export/v1"

    static func sha256(_ data: Data) -> String {
        Hex.encode(SHA256.hash(data: data))
    }
}
