import Foundation
import PromptLibCore
import PromptLibStorage

/// Replaces `{{> name}}`, `{{> name@label}}` and `{{> name@3}}` with the named prompt's body as
/// text (``PromptText``), recursively. Cycles and nesting deeper than five are a `400`.
struct IncludeResolver: Sendable {
    static let maxDepth = 5

    let prompts: PromptService

    /// One include that was resolved, and at which version.
    struct Resolution: Encodable, Sendable, Equatable {
        let name: String
        let requested: String
        let version: Int
    }

    func resolve(_ document: PromptDocument) async throws -> (PromptDocument, [Resolution]) {
        var resolved = document
        let resolutions: [Resolution]
        (resolved.prompt, resolutions) = try await body(document.prompt, path: [document.name])
        return (resolved, resolutions)
    }

    private func body(_ body: PromptBody, path: [String]) async throws -> (PromptBody, [Resolution]) {
        var resolutions: [Resolution] = []
        let mapped = try await body.mapTemplates { template in
            let (text, found) = try await self.text(template, path: path)
            resolutions += found
            return text
        }
        return (mapped, resolutions)
    }

    private func text(_ template: String, path: [String]) async throws -> (String, [Resolution]) {
        guard case .success(let includes) = PromptInclude.all(in: template), !includes.isEmpty else { return (template, []) }
        var out = template
        var resolutions: [Resolution] = []
        for include in includes {
            if path.contains(include.name) {
                throw APIError.validation("includes form a cycle: " + (path + [include.name]).joined(separator: " → "), field: "resolve")
            }
            guard path.count <= Self.maxDepth else {
                throw APIError.validation("includes nest deeper than \(Self.maxDepth): " + path.joined(separator: " → "), field: "resolve")
            }
            let (version, label): (Int?, String?) = switch include.selector {
            case .default: (nil, nil)
            case .label(let label): (nil, label)
            case .version(let number): (number, nil)
            }
            let record: PromptVersionRecord
            do {
                (_, record) = try await prompts.resolve(name: include.name, version: version, label: label)
            } catch let error as APIError where error.code == .notFound {
                throw APIError.validation("\(include.tag) cannot be resolved: \(error.message)", field: "resolve")
            }
            let (inner, nested) = try await body(record.document.prompt, path: path + [include.name])
            resolutions += nested
            out = out.replacingOccurrences(of: include.tag, with: PromptText.compile(inner))
            let requested = switch include.selector {
            case .default: "default"
            case .label(let label): label
            case .version(let number): String(number)
            }
            resolutions.append(Resolution(name: include.name, requested: requested, version: record.document.version ?? 1))
        }
        return (out, resolutions)
    }
}
