import Hummingbird
import PromptLibCore

/// `POST /api/v1/prompts/validate`: checks a document (JSON or YAML) without saving it, and
/// answers it in both forms. The editor uses it to show problems beside their fields and to keep
/// its YAML view and its form in step.
struct PromptCheckController {
    let service: PromptService

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("validate") { request, context -> PromptCheck in
            // A body that is not a prompt document at all (bad YAML, a wrong type, an unknown
            // field) is a 400 like any other; a document that breaks the schema's rules is an
            // answer listing every rule it breaks.
            let document = try await request.decodePromptDocument(context: context)
            do {
                let valid = try PromptValidator.validate(document)
                let resolved = try? await service.withIncludes(valid)?.prompt
                let warnings = PromptValidator.warnings(valid, resolved: resolved)
                return PromptCheck(valid: true, problems: [], warnings: warnings.map(Problem.init), document: valid, yaml: try PromptYAML.encode(valid))
            } catch let failures as ValidationFailures {
                return PromptCheck(valid: false, problems: failures.failures.map(Problem.init), warnings: [], document: document, yaml: try PromptYAML.encode(document))
            }
        }
    }

    /// One broken rule, named by its field's path (`variables[1].name`).
    struct Problem: Encodable, Sendable {
        let field: String
        let message: String
        init(_ failure: ValidationFailure) { (field, message) = (failure.field, failure.message) }
    }

    /// The answer: whether it would save, why not, and the document as JSON and as YAML.
    struct PromptCheck: ResponseEncodable, Sendable {
        let valid: Bool
        let problems: [Problem]
        let warnings: [Problem]
        let document: PromptDocument
        let yaml: String
    }
}
