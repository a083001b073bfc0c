import Mustache
import Synchronization

/// Substitutes variables into one Mustache template, without HTML escaping: prompts are text for
/// a model, and `&amp;` in place of `&` would change what the model reads.
public enum TemplateRenderer {
    /// Parsed templates by text. A prompt's templates are rendered again and again while its
    /// version stays the same, and parsing is most of a render's cost. Bounded: emptied when full.
    private static let cache = Mutex<[String: MustacheTemplate]>([:])
    private static let cacheLimit = 4_096

    /// Renders `template` with `context` (see ``MustacheValues``); `field` names the template in errors.
    static func render(_ template: String, context: [String: Any], field: String) throws(ValidationFailures) -> String {
        try parsed(template, field: field).render(context)
    }

    private static func parsed(_ template: String, field: String) throws(ValidationFailures) -> MustacheTemplate {
        if let cached = cache.withLock({ $0[template] }) { return cached }
        let parsed: MustacheTemplate
        do {
            parsed = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + template)
        } catch {
            throw ValidationFailures(failures: [ValidationFailure(field: field, message: "is not a valid Mustache template: \(error)")])
        }
        cache.withLock { cache in
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[template] = parsed
        }
        return parsed
    }
}
