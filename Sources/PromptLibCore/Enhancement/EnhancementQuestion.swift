import Foundation

/// A question for information only the prompt's author has. Its answer is typed and checked.
public struct EnhancementQuestion: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case text, choice, multiChoice = "multi_choice", boolean, number
    }

    /// The answer's key in `answers`.
    public var key: String
    public var text: String
    public var type: Kind
    /// The allowed answers of a `choice` or `multi_choice`.
    public var options: [String]?
    public var required: Bool
    public var help: String?

    public init(key: String, text: String, type: Kind, options: [String]? = nil, required: Bool, help: String? = nil) {
        self.key = key
        self.text = text
        self.type = type
        self.options = options
        self.required = required
        self.help = help
    }

    /// The longest text answer.
    public static let maxTextLength = 4_000

    /// `answers` checked against `questions`: every required one given, each of the right type, no
    /// key that was not asked. All problems are reported together.
    public static func validate(_ answers: [String: JSONValue], against questions: [EnhancementQuestion]) throws(ValidationFailures) -> [String: JSONValue] {
        var failures: [ValidationFailure] = []
        let byKey = Dictionary(questions.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for key in answers.keys.sorted() where byKey[key] == nil {
            failures.append(ValidationFailure(field: "answers.\(key.prefix(64))", message: "was not asked"))
        }
        var accepted: [String: JSONValue] = [:]
        for question in questions {
            let field = "answers.\(question.key)"
            guard let answer = answers[question.key], answer != .null else {
                if question.required { failures.append(ValidationFailure(field: field, message: "is required: \(question.text)")) }
                continue
            }
            if let problem = question.problem(with: answer) {
                failures.append(ValidationFailure(field: field, message: problem))
            } else {
                accepted[question.key] = answer
            }
        }
        if !failures.isEmpty { throw ValidationFailures(failures: failures) }
        return accepted
    }

    /// What is wrong with `answer` for this question, or `nil`.
    func problem(with answer: JSONValue) -> String? {
        switch (type, answer) {
        case (.text, .string(let text)):
            if required && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "must not be empty" }
            return text.unicodeScalars.count > Self.maxTextLength ? "must be at most \(Self.maxTextLength) characters" : nil
        case (.choice, .string(let choice)):
            return (options ?? []).contains(choice) ? nil : "must be one of: " + (options ?? []).joined(separator: ", ")
        case (.multiChoice, .array(let items)):
            let allowed = Set(options ?? [])
            guard items.allSatisfy({ $0.stringValue.map(allowed.contains) == true }) else {
                return "must list some of: " + (options ?? []).joined(separator: ", ")
            }
            return required && items.isEmpty ? "must choose at least one" : nil
        case (.boolean, .bool):
            return nil
        case (.number, .number(let value)):
            return value.isFinite ? nil : "must be a finite number"
        default:
            return "must be \(type == .multiChoice ? "a list of choices" : type == .choice ? "one of the choices" : "a \(type.rawValue)")"
        }
    }
}
