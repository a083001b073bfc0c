import Foundation

/// Checks the values a render is given against the prompt's typed variables and fills defaults.
///
/// Every problem is reported at once, one failure per variable; messages never repeat a value, so
/// a sensitive one cannot leak through an error.
public enum VariableBinder {
    /// The values to render with, and notes about values that were ignored.
    public struct Bound: Sendable, Equatable {
        /// Declared variables that have a value (given or default), by name.
        public var values: [String: JSONValue]
        /// Names of given values that no variable declares; they are not rendered.
        public var undeclared: [String]
    }

    /// Binds `given` to `variables`: type checks, defaults, missing required ones.
    public static func bind(_ given: [String: JSONValue], to variables: [VariableDefinition]) throws(ValidationFailures) -> Bound {
        var values: [String: JSONValue] = [:]
        var failures: [ValidationFailure] = []
        for variable in variables {
            let field = "variables.\(variable.name)"
            guard let value = given[variable.name], value != .null else {
                if let fallback = variable.default {
                    values[variable.name] = fallback
                } else if variable.required == true {
                    failures.append(ValidationFailure(field: field, message: "is required and has no default"))
                }
                continue
            }
            switch check(value, as: variable) {
            case .success(let checked):
                if let token = ChatControlTokens.first(in: checked) {
                    failures.append(ValidationFailure(field: field, message:
                        "contains the chat control token \(token); values may not contain a chat format's control tokens (they would start turns of their own)"))
                } else {
                    values[variable.name] = checked
                }
            case .failure(let message): failures.append(ValidationFailure(field: field, message: message))
            }
        }
        if !failures.isEmpty { throw ValidationFailures(failures: failures) }
        let declared = Set(variables.map(\.name))
        return Bound(values: values, undeclared: given.keys.filter { !declared.contains($0) }.sorted())
    }

    private enum Checked {
        case success(JSONValue)
        case failure(String)
    }

    private static func check(_ value: JSONValue, as variable: VariableDefinition) -> Checked {
        switch (variable.type, value) {
        case (.string, .string): return .success(value)
        case (.string, _): return .failure("must be a string")
        case (.number, .number): return .success(value)
        case (.number, _): return .failure("must be a number")
        case (.integer, .number(let number)) where number.rounded() == number && abs(number) < 9e15: return .success(value)
        case (.integer, _): return .failure("must be an integer")
        case (.boolean, .bool): return .success(value)
        case (.boolean, _): return .failure("must be true or false (a JSON boolean)")
        case (.enum, .string(let text)):
            let options = variable.options ?? []
            return options.contains(text) ? .success(value) : .failure("must be one of: " + options.joined(separator: ", "))
        case (.enum, _): return .failure("must be a string, one of: " + (variable.options ?? []).joined(separator: ", "))
        case (.list, .array): return .success(value)
        case (.list, _): return .failure("must be a list (a JSON array)")
        case (.json, .string(let text)):
            // A JSON variable may arrive as JSON text; it must parse, and what it holds obeys the
            // rule every other input does (its escapes would otherwise smuggle control characters).
            if let (_, problem) = ControlCharacters.firstProblem(inJSON: Data(text.utf8)) { return .failure("holds JSON that \(problem)") }
            guard let parsed = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
                return .failure("must be JSON (the text given does not parse)")
            }
            return .success(parsed)
        case (.json, _): return .success(value)
        }
    }
}
