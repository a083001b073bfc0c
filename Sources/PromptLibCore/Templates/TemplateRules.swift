/// The rules joining templates and variables: every variable a template uses is declared;
/// a declared variable no template uses is only a warning.
enum TemplateRules {
    static func failures(_ document: PromptDocument) -> [ValidationFailure] {
        let declared = Set((document.variables ?? []).map(\.name))
        var failures: [ValidationFailure] = []
        for (field, text) in document.prompt.templates {
            switch TemplateScanner.references(in: text, collections: collections(document)) {
            case .failure(let error):
                failures.append(.init(field: field, message: "is not a valid template: \(error.message)"))
            case .success(let references):
                if case .failure(let error) = PromptInclude.all(in: text) {
                    failures.append(.init(field: field, message: "has a bad include: \(error.message)"))
                }
                var reported = Set<String>()
                for reference in references where !reference.insideCollection && !declared.contains(reference.name) {
                    guard reported.insert(reference.name).inserted else { continue }
                    failures.append(.init(field: field, message: "uses {{\(reference.name)}}, which is not declared in variables"))
                }
            }
        }
        return failures
    }

    /// Declared variables no template uses. `resolved` is the body with its includes expanded, when
    /// known: a variable used only inside an included prompt is used.
    static func warnings(_ document: PromptDocument, resolved: PromptBody? = nil) -> [ValidationFailure] {
        var used = Set<String>()
        for (_, text) in (resolved ?? document.prompt).templates {
            if case .success(let references) = TemplateScanner.references(in: text, collections: collections(document)) {
                used.formUnion(references.map(\.name))
            }
        }
        return (document.variables ?? []).enumerated().compactMap { index, variable in
            used.contains(variable.name) ? nil
                : ValidationFailure(field: "variables[\(index)]", message: "'\(variable.name)' is declared but no template uses it")
        }
    }

    private static func collections(_ document: PromptDocument) -> Set<String> {
        Set((document.variables ?? []).filter { $0.type == .list || $0.type == .json }.map(\.name))
    }
}
