import Mustache

/// Substitutes variables into one Mustache template, without HTML escaping: prompts are text for
/// a model, and `&amp;` in place of `&` would change what the model reads.
public enum TemplateRenderer {
    /// Renders `template` with `context` (see ``MustacheValues``); `field` names the template in errors.
    static func render(_ template: String, context: [String: Any], field: String) throws(ValidationFailures) -> String {
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + template).render(context)
        } catch {
            throw ValidationFailures(failures: [ValidationFailure(field: field, message: "is not a valid Mustache template: \(error)")])
        }
    }
}
