/// The variables a prompt takes once its includes are resolved: its own declarations, then each
/// included prompt's, in the order they are met. An include brings its declarations with it, so a
/// render binds and checks them like the includer's own.
public struct VariableContract: Sendable {
    /// The merged declarations.
    public private(set) var variables: [VariableDefinition]
    /// Which prompt declared each variable first, by variable name.
    private var declaredBy: [String: String]

    /// Starts from the including prompt's own declarations.
    public init(own variables: [VariableDefinition], of promptName: String) {
        self.variables = variables
        declaredBy = Dictionary(variables.map { ($0.name, promptName) }, uniquingKeysWith: { first, _ in first })
    }

    /// Adds an included prompt's declarations. A name already declared keeps its first declaration
    /// (the includer's default, description and `required` win), but the two must agree on the type
    /// and, for an `enum`, the options: otherwise one value could not satisfy both templates.
    public mutating func include(_ included: [VariableDefinition], from promptName: String) throws(ValidationFailures) {
        var failures: [ValidationFailure] = []
        for variable in included {
            guard let index = variables.firstIndex(where: { $0.name == variable.name }) else {
                variables.append(variable)
                declaredBy[variable.name] = promptName
                continue
            }
            let known = variables[index]
            let owner = declaredBy[variable.name] ?? "the including prompt"
            if known.type != variable.type {
                failures.append(ValidationFailure(field: "variables.\(variable.name)", message:
                    "is declared as \(known.type.rawValue) by \(owner) and as \(variable.type.rawValue) by \(promptName); an included prompt and its includer must agree on a variable's type"))
            } else if known.type == .enum, Set(known.options ?? []) != Set(variable.options ?? []) {
                failures.append(ValidationFailure(field: "variables.\(variable.name)", message:
                    "has the options [\((known.options ?? []).joined(separator: ", "))] in \(owner) and [\((variable.options ?? []).joined(separator: ", "))] in \(promptName); an included prompt and its includer must agree on them"))
            }
        }
        if !failures.isEmpty { throw ValidationFailures(failures: failures) }
    }
}
