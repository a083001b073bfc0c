import PromptLibCore
import PromptLibStorage

/// Renders stored prompt versions for providers: picks the version, resolves includes, and turns
/// the renderer's validation failures into `422`s.
struct RenderService: Sendable {
    let prompts: PromptService

    /// The body of `POST …/render` and `…/render/compare`.
    struct Input: Decodable, Sendable {
        var provider: String?
        var providers: [String]?
        var model: String?
        var variables: [String: JSONValue]?
        var version: Int?
        var label: String?
        var params: [String: JSONValue]?
    }

    /// One render of a version, with the version and the includes it resolved.
    func render(promptID: String, _ input: Input) async throws -> RenderResponse {
        guard let provider = input.provider else { throw APIError.validation("provider is required", field: "provider") }
        let target = try Self.target(provider, field: "provider")
        let (document, version, resolved, notes) = try await document(promptID: promptID, input)
        var result = try Self.render(document, target: target, input)
        result.warnings.insert(contentsOf: notes, at: 0)
        return RenderResponse(result: result, version: version, resolved: resolved, variables: document.variables ?? [])
    }

    /// One render per provider. Wrong values fail the whole call (they are wrong for every
    /// provider); a setting out of one provider's range fails that provider's entry only.
    func compare(promptID: String, _ input: Input) async throws -> CompareResponse {
        guard let providers = input.providers, !providers.isEmpty else {
            throw APIError.validation("providers must list at least one provider", field: "providers")
        }
        guard providers.count <= RenderTarget.allCases.count, Set(providers).count == providers.count else {
            throw APIError.validation("providers must list each provider at most once", field: "providers")
        }
        let targets = try providers.enumerated().map { try Self.target($0.element, field: "providers[\($0.offset)]") }
        let (document, version, resolved, notes) = try await document(promptID: promptID, input)
        do {
            _ = try VariableBinder.bind(input.variables ?? [:], to: document.variables ?? [])
        } catch {
            throw Self.unprocessable(error)
        }
        let entries = targets.map { target -> CompareResponse.Entry in
            do {
                var result = try Self.render(document, target: target, input)
                result.warnings.insert(contentsOf: notes, at: 0)
                return .rendered(RenderResponse(result: result, version: version, resolved: nil, variables: document.variables ?? []))
            } catch {
                return .failed(provider: target.rawValue, ErrorTranslation.apiError(for: error))
            }
        }
        return CompareResponse(version: version, resolved: resolved, renders: entries)
    }

    /// The version the input names (default: `production`, else latest), as stored, with the
    /// labels that point at it.
    func version(promptID: String, _ input: Input) async throws -> (PromptDocument, PromptRecord) {
        let (prompt, record) = try await prompts.resolve(id: promptID, version: input.version, label: input.label)
        var document = record.document
        let number = document.version ?? 1
        document.labels = PromptResponse.labels(prompt.labels, at: number, latest: number == prompt.document.version)
        return (document, prompt)
    }

    /// The version the input names (default: `production`, else latest) with its includes resolved,
    /// and warnings when the prompt or an include is archived: it is still served, so that archiving never breaks
    /// an application at run time, but the render says so (docs/rendering.md).
    private func document(promptID: String, _ input: Input) async throws -> (PromptDocument, Int, [IncludeResolver.Resolution], [String]) {
        let (stored, prompt) = try await version(promptID: promptID, input)
        let (document, resolved) = try await IncludeResolver(prompts: prompts).resolve(stored)
        var notes: [String] = []
        if prompt.archivedAt != nil {
            notes.append("prompt '\(prompt.document.name)' is archived: it is still served, but restore it or move its users to another prompt")
        }
        for include in resolved where include.archived == true {
            notes.append("the included prompt '\(include.name)' is archived: it is still served, but restore it or include another")
        }
        return (document, stored.version ?? 1, resolved, notes)
    }

    static func target(_ name: String, field: String) throws -> RenderTarget {
        guard let target = RenderTarget(rawValue: name.lowercased()) else {
            throw APIError.validation("\(field) must be one of: " + RenderTarget.allCases.map(\.rawValue).joined(separator: ", "), field: field)
        }
        return target
    }

    static func render(_ document: PromptDocument, target: RenderTarget, _ input: Input) throws -> PromptRenderer.Result {
        let request = PromptRenderer.Request(target: target, model: input.model, variables: input.variables ?? [:], params: input.params ?? [:])
        do {
            return try PromptRenderer.render(document, request)
        } catch {
            throw unprocessable(error)
        }
    }

    /// Values or settings a render cannot use: `422`, one detail per problem.
    static func unprocessable(_ failures: ValidationFailures) -> APIError {
        var error = ErrorTranslation.apiError(for: failures)
        error.status = .unprocessableContent
        return error
    }
}
