/// The rules for declared variables: names, uniqueness, options, and defaults that match the type.
enum VariableRules {
    static func failures(_ variables: [VariableDefinition]) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        if variables.count > PromptValidator.Limits.variableCount {
            failures.append(.init(field: "variables", message: "must have at most \(PromptValidator.Limits.variableCount) entries"))
        }
        var seen = Set<String>()
        for (index, variable) in variables.enumerated() {
            let field = "variables[\(index)]"
            if !isIdentifier(variable.name) {
                failures.append(.init(field: "\(field).name", message: "must start with a letter or '_' and contain only letters, digits and '_'"))
            } else if !seen.insert(variable.name).inserted {
                failures.append(.init(field: "\(field).name", message: "'\(variable.name)' is declared twice"))
            }
            if variable.type == .enum && (variable.options ?? []).isEmpty {
                failures.append(.init(field: "\(field).options", message: "an enum variable needs at least one option"))
            }
            if variable.type != .enum && variable.options != nil {
                failures.append(.init(field: "\(field).options", message: "only enum variables take options"))
            }
            if let value = variable.default, let problem = mismatch(value, variable) {
                failures.append(.init(field: "\(field).default", message: problem))
            }
        }
        return failures
    }

    /// Why `value` is not a value of `variable`'s type, or `nil` when it is.
    static func mismatch(_ value: JSONValue, _ variable: VariableDefinition) -> String? {
        switch (variable.type, value) {
        case (.json, _), (.string, .string), (.number, .number), (.boolean, .bool), (.list, .array): return nil
        // The bound of a render's integer values (±9e15): within it every whole number is exact in JSON.
        case (.integer, .number(let number)) where number.rounded() == number && abs(number) < 9e15: return nil
        case (.enum, .string(let option)):
            return (variable.options ?? []).contains(option) ? nil : "'\(option)' is not one of the options"
        default: return "must be a value of type \(variable.type.rawValue)"
        }
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 64 else { return false }
        let letters = { (s: Unicode.Scalar) in (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_" }
        return letters(first) && name.unicodeScalars.allSatisfy { letters($0) || ($0 >= "0" && $0 <= "9") }
    }
}
