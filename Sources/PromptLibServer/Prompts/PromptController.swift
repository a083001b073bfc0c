import Foundation
import Hummingbird
import HummingbirdCore
import PromptLibCore
import PromptLibStorage

/// `/api/v1/prompts`: create, search, read (by id or name, as JSON or YAML), version, diff,
/// archive and restore prompts.
struct PromptController {
    let service: PromptService
    /// Encoded bodies of what applications fetch (``EncodedBodyCache``).
    let bodies: EncodedBodyCache

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: list)
        group.post(use: create)
        group.get(":id", use: get)
        group.put(":id", use: update)
        group.delete(":id", use: archive)
        group.post(":id/restore", use: restore)
        group.get(":id/versions", use: versions)
        group.get(":id/versions/:version", use: version)
        group.get("by-name/:name") { request, context -> Response in
            let raw = try context.parameters.require("name")
            let name = PercentDecoding.decode(Substring(raw), plusIsSpace: false).map(String.init) ?? raw
            let query = request.uri.formParameters
            let label = query["label"].map(String.init)
            var (prompt, record) = try await service.resolve(name: name, version: try ListQuery.version(in: query), label: label)
            let resolved: [IncludeResolver.Resolution]?
            (record.document, resolved) = try await resolvingIncludes(record.document, query: query)
            let number = record.document.version ?? 1
            let labels = PromptResponse.labels(prompt.labels, at: number, latest: number == prompt.document.version)
            return try respond(version: record.document.version, memo: resolved == nil ? .version(record, labels: labels, archivedAt: prompt.archivedAt) : nil,
                               request: request, query: query, context: context,
                               json: { VersionResponse(record: record, labels: labels, resolved: resolved, archivedAt: prompt.archivedAt) },
                               yaml: { Self.yamlDocument(record.document, labels: labels, archivedAt: prompt.archivedAt) })
        }
        group.get(":id/diff") { request, context -> PromptDiff in
            let id = try context.parameters.require("id")
            let query = request.uri.formParameters
            func version(_ name: String) throws -> Int {
                guard let text = query[Substring(name)], let number = Int(text), number >= 1 else {
                    throw APIError.validation("\(name) must be a version number", field: name)
                }
                return number
            }
            let (from, to) = (try version("from"), try version("to"))
            async let old = service.version(of: id, number: from)
            async let new = service.version(of: id, number: to)
            return try PromptDiff.compare(try await old.document, try await new.document)
        }
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<PromptResponse> {
        let document = try await request.decodePromptDocument(context: context)
        let saved = try await service.create(document, context: context)
        let record = saved.record
        return EditedResponse(
            status: .created, headers: [.location: "/api/v1/prompts/\(record.id)", .eTag: ETag.make(record.document.version)],
            response: PromptResponse(record: record, warnings: saved.warnings)
        )
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> ListResponse<PromptResponse> {
        let query = try PromptQuery(request)
        let page = try await service.search(query)
        return ListResponse(page, limit: query.limit) { PromptResponse(record: $0) }
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        var record = try await service.find(id: try context.parameters.require("id"))
        let query = request.uri.formParameters
        let resolved: [IncludeResolver.Resolution]?
        (record.document, resolved) = try await resolvingIncludes(record.document, query: query)
        let labels = PromptResponse.labels(record.labels, at: record.document.version ?? 0, latest: true)
        return try respond(version: record.document.version, memo: resolved == nil ? .prompt(record, labels: labels) : nil,
                           request: request, query: query, context: context,
                           json: { PromptResponse(record: record, resolved: resolved) },
                           yaml: { Self.yamlDocument(record.document, labels: labels, archivedAt: nil) })
    }

    /// With `?resolve=true`, the document with its includes replaced, and what was resolved.
    private func resolvingIncludes(_ document: PromptDocument, query: FlatDictionary<Substring, Substring>) async throws -> (PromptDocument, [IncludeResolver.Resolution]?) {
        guard try ListQuery.flag("resolve", in: query) else { return (document, nil) }
        let (resolved, log) = try await IncludeResolver(prompts: service).resolve(document)
        return (resolved, log)
    }

    /// JSON, or the canonical YAML document when the client asks for it; either way with the ETag
    /// of `version`. JSON with a `memo` key comes from the ``EncodedBodyCache`` when it holds that
    /// body; the response values are made only when a body must be encoded.
    private func respond<JSON: ResponseEncodable>(
        version: Int?, memo: EncodedBodyCache.Key?, request: Request, query: FlatDictionary<Substring, Substring>, context: AppRequestContext,
        json: () -> JSON, yaml: () -> PromptDocument
    ) throws -> Response {
        var response: Response
        if try request.wantsYAML(query: query) {
            response = Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: try PromptYAML.encode(yaml())))
            )
        } else if let memo {
            let body = try bodies.body(for: memo) { ByteBuffer(bytes: try context.responseEncoder.encode(json())) }
            response = Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .contentLength: String(body.readableBytes)],
                                body: .init(byteBuffer: body))
        } else {
            response = try json().response(from: request, context: context)
        }
        response.headers[.eTag] = ETag.make(version)
        return response
    }

    /// The document as YAML shows it: with its labels, and archived when the prompt is.
    private static func yamlDocument(_ document: PromptDocument, labels: [String], archivedAt: Date?) -> PromptDocument {
        var document = document
        document.labels = labels
        if archivedAt != nil { document.status = .archived }
        return document
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<PromptResponse> {
        let id = try context.parameters.require("id")
        let expected = try request.headers[.ifMatch].map(ETag.version)
        let document = try await request.decodePromptDocument(context: context)
        let saved = try await service.update(id: id, with: document, expectedVersion: expected, context: context)
        return EditedResponse(
            headers: [.eTag: ETag.make(saved.record.document.version)],
            response: PromptResponse(record: saved.record, warnings: saved.warnings)
        )
    }

    @Sendable func archive(_ request: Request, context: AppRequestContext) async throws -> PromptResponse {
        PromptResponse(record: try await service.setArchived(true, id: try context.parameters.require("id"), context: context))
    }

    @Sendable func restore(_ request: Request, context: AppRequestContext) async throws -> PromptResponse {
        PromptResponse(record: try await service.setArchived(false, id: try context.parameters.require("id"), context: context))
    }

    @Sendable func versions(_ request: Request, context: AppRequestContext) async throws -> ListResponse<VersionSummary> {
        let query = try ListQuery(request)
        let page = try await service.versions(of: try context.parameters.require("id"), limit: query.limit, cursor: query.cursor)
        return ListResponse(page, limit: query.limit, map: VersionSummary.init)
    }

    @Sendable func version(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let number = Int(try context.parameters.require("version")), number >= 1 else {
            throw APIError(.notFound, .notFound, "Versions are numbered from 1")
        }
        var record = try await service.version(of: id, number: number)
        let prompt = try await service.find(id: id)
        let isLatest = prompt.document.version == number
        let query = request.uri.formParameters
        let resolved: [IncludeResolver.Resolution]?
        (record.document, resolved) = try await resolvingIncludes(record.document, query: query)
        let labels = PromptResponse.labels(prompt.labels, at: number, latest: isLatest)
        return try respond(version: record.document.version, memo: resolved == nil ? .version(record, labels: labels, archivedAt: prompt.archivedAt) : nil,
                           request: request, query: query, context: context,
                           json: { VersionResponse(record: record, labels: labels, resolved: resolved, archivedAt: prompt.archivedAt) },
                           yaml: { Self.yamlDocument(record.document, labels: labels, archivedAt: prompt.archivedAt) })
    }
}
