import Foundation
import PromptLibCore
import PromptLibStorage

/// Replaces `{{> name}}`, `{{> name@label}}` and `{{> name@3}}` with the named prompt's body as
/// text (``PromptText``), recursively. Cycles and nesting deeper than five are a `400`.
///
/// An include brings its variable declarations: the resolved document's `variables` are the
/// includer's merged with every included version's (``VariableContract``); a disagreement on a
/// type or an enum's options is a `422` naming both prompts.
///
/// Each distinct include is looked up and expanded once per resolution, however often it is
/// referenced, and the whole resolution has a budget — ``maxIncludes`` distinct includes and
/// ``maxExpandedBytes`` of text substituted — so that prompts including each other many times
/// over cannot make one render cost N^depth (`422` naming the include that crossed the line).
struct IncludeResolver: Sendable {
    static let maxDepth = 5
    /// Distinct includes (name and selector) one resolution may look up.
    static let maxIncludes = 64
    /// Bytes of included text one resolution may substitute, counting every occurrence.
    static let maxExpandedBytes = 1_048_576

    let prompts: PromptService

    /// One include that was resolved, and at which version.
    struct Resolution: Encodable, Sendable, Equatable {
        let name: String
        let requested: String
        let version: Int
        /// True when the included prompt is archived (it is still served; renders warn).
        var archived: Bool?
    }

    func resolve(_ document: PromptDocument) async throws -> (PromptDocument, [Resolution]) {
        let budget = IncludeBudget(contract: VariableContract(own: document.variables ?? [], of: document.name))
        var resolved = document
        resolved.prompt = try await body(document.prompt, path: [document.name], budget: budget)
        if !budget.resolutions.isEmpty { resolved.variables = budget.contract.variables }
        return (resolved, budget.resolutions)
    }

    private func body(_ body: PromptBody, path: [String], budget: IncludeBudget) async throws -> PromptBody {
        try await body.mapTemplates { template in try await self.text(template, path: path, budget: budget) }
    }

    private func text(_ template: String, path: [String], budget: IncludeBudget) async throws -> String {
        guard case .success(let includes) = PromptInclude.all(in: template), !includes.isEmpty else { return template }
        var out = template
        var seen: Set<String> = []
        for include in includes where seen.insert(include.tag).inserted {
            if path.contains(include.name) {
                throw APIError.validation("includes form a cycle: " + (path + [include.name]).joined(separator: " → "), field: "resolve")
            }
            guard path.count <= Self.maxDepth else {
                throw APIError.validation("includes nest deeper than \(Self.maxDepth): " + path.joined(separator: " → "), field: "resolve")
            }
            let compiled = try await expansion(of: include, path: path, budget: budget)
            let occurrences = out.components(separatedBy: include.tag).count - 1
            budget.expandedBytes += compiled.utf8.count * occurrences
            guard budget.expandedBytes <= Self.maxExpandedBytes else {
                throw Self.overBudget(include, "expands to more than \(Self.maxExpandedBytes) bytes of included text")
            }
            out = out.replacingOccurrences(of: include.tag, with: compiled)
        }
        return out
    }

    /// The include's body compiled to text, looked up and expanded at most once per resolution.
    private func expansion(of include: PromptInclude, path: [String], budget: IncludeBudget) async throws -> String {
        // The depth is part of the key: the same include met deeper must still respect maxDepth.
        let key = "\(include.name)@\(include.requested)#\(path.count)"
        if let known = budget.expanded[key] { return known }
        guard budget.expanded.count < Self.maxIncludes else {
            throw Self.overBudget(include, "needs more than \(Self.maxIncludes) distinct includes")
        }
        let (version, label): (Int?, String?) = switch include.selector {
        case .default: (nil, nil)
        case .label(let label): (nil, label)
        case .version(let number): (number, nil)
        }
        let prompt: PromptRecord
        let record: PromptVersionRecord
        do {
            (prompt, record) = try await prompts.resolve(name: include.name, version: version, label: label)
        } catch let error as APIError where error.code == .notFound {
            throw APIError.validation("\(include.tag) cannot be resolved: \(error.message)", field: "resolve")
        }
        do {
            try budget.contract.include(record.document.variables ?? [], from: "\(include.name)@\(record.document.version ?? 1)")
        } catch {
            var failure = ErrorTranslation.apiError(for: error)
            failure.status = .unprocessableContent
            throw failure
        }
        let inner = try await body(record.document.prompt, path: path + [include.name], budget: budget)
        let compiled = PromptText.compile(inner)
        budget.expanded[key] = compiled
        let resolution = Resolution(name: include.name, requested: include.requested, version: record.document.version ?? 1,
                                    archived: prompt.archivedAt == nil ? nil : true)
        if !budget.resolutions.contains(resolution) { budget.resolutions.append(resolution) }
        return compiled
    }

    private static func overBudget(_ include: PromptInclude, _ problem: String) -> APIError {
        APIError(.unprocessableContent, .validationError, "\(include.tag): resolving includes \(problem)", field: "resolve")
    }
}

/// What one resolution has spent so far. Used by one task at a time (the resolution awaits each
/// lookup in turn), so it needs no lock.
private final class IncludeBudget: @unchecked Sendable {
    var contract: VariableContract
    var expanded: [String: String] = [:]
    var expandedBytes = 0
    var resolutions: [IncludeResolver.Resolution] = []

    init(contract: VariableContract) { self.contract = contract }
}
