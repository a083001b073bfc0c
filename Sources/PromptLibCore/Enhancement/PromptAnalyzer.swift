import Foundation

/// The built-in analyzer: deterministic and offline. It reads a prompt the way a careful reviewer
/// would, with rules rather than a model, and says so (`engine: "builtin"`).
///
/// Findings (`code`):
/// - `vague_goal` — a goal too short to act on, or leaning on words such as "something" or "good";
/// - `missing_audience` — nobody named for whom the answer is written;
/// - `missing_output_format` — no output spec, and the goal names no format;
/// - `missing_examples` — a task that examples pin down (classification, extraction, translation,
///   code) without any;
/// - `placeholder_not_variable` — a `{topic}`, `[TOPIC]` or `<topic>` placeholder that is not a
///   `{{variable}}`, so it would reach the model as written;
/// - `undeclared_variable` / `unused_variable` — templates and declarations that disagree;
/// - `contradictory_constraints` — instructions that cannot both hold (concise and exhaustive…);
/// - `long_goal` — a goal carrying steps and rules that belong in their own fields;
/// - `long_step` — a step of several sentences or over 40 words.
public enum PromptAnalyzer {
    /// What the analysis found.
    public struct Analysis: Sendable, Equatable {
        public var task: TaskType
        public var findings: [AnalyzerFinding]
        public var questions: [EnhancementQuestion]
    }

    static let vagueWords = ["something", "stuff", "things", "whatever", "etc", "good", "nice", "better", "interesting", "appropriate",
                             "somehow", "some kind of", "and so on", "improve it", "make it better", "as needed", "properly"]
    static let formatWords = ["json", "yaml", "csv", "markdown", "table", "bullet", "bulleted", "numbered list", "list of", "paragraph",
                              "paragraphs", "one sentence", "sentences", "words", "haiku", "headline", "email", "code block", "xml", "html",
                              "label only", "only the label", "single word", "yes or no"]
    static let longStepWords = 40
    static let longGoalWords = 45

    /// Analyzes `document` for `goals` (all of them when empty).
    public static func analyze(_ document: PromptDocument, goals: Set<EnhancementGoal> = []) -> Analysis {
        let wanted = goals.isEmpty ? Set(EnhancementGoal.allCases) : goals
        let body = document.prompt
        let goal = body.goal ?? body.messages?.first(where: { $0.role != .assistant })?.content ?? ""
        let task = TaskType.detect(goal: goal, context: body.context)
        let instructions = instructionTexts(body)
        let instructionText = instructions.map(\.text).joined(separator: " ").lowercased()
        var findings: [AnalyzerFinding] = []
        var questions: [EnhancementQuestion] = []

        if wanted.contains(.clarity) {
            let lowered = goal.lowercased()
            let vague = vagueWords.filter { TaskType.mentions(lowered, $0) }
            if PromptSentences.words(goal) < 6 || !vague.isEmpty {
                let why = vague.isEmpty ? "is only \(PromptSentences.words(goal)) words" : "leans on vague words (\(vague.joined(separator: ", ")))"
                findings.append(AnalyzerFinding(code: "vague_goal", field: "prompt.goal", message: "The goal \(why): say what a good answer contains."))
                questions.append(EnhancementQuestion(key: "goal_detail", text: "What exactly should a good answer achieve or contain?", type: .text,
                                                     required: false, help: "One or two sentences; they are added to the goal."))
            }
            if task.writesForPeople, (body.audience ?? "").trimmingCharacters(in: .whitespaces).isEmpty, body.messages == nil,
               !namesAudience(([goal, body.context ?? ""] + (body.steps ?? []) + (body.constraints ?? [])).joined(separator: " ")) {
                findings.append(AnalyzerFinding(code: "missing_audience", field: "prompt.audience", message: "No audience is named: the model cannot pitch tone or depth."))
                questions.append(EnhancementQuestion(key: "audience", text: "Who is the answer for?", type: .text, required: false,
                                                     help: "For example: support agents, first-year students, the CFO."))
            }
            for (index, conflict) in ContradictionRules.conflicts(in: instructions).enumerated() {
                findings.append(AnalyzerFinding(code: "contradictory_constraints", field: conflict.other.field, message:
                    "'\(conflict.one.phrase)' (\(conflict.one.field)) and '\(conflict.other.phrase)' (\(conflict.other.field)) contradict each other on \(conflict.rule.topic)."))
                questions.append(EnhancementQuestion(key: "resolve_\(conflict.rule.topic)", text: "Which should hold for \(conflict.rule.topic)?", type: .choice,
                                                     options: [conflict.one.phrase, conflict.other.phrase], required: true,
                                                     help: "The other instruction is removed (question \(index + 1) of the contradictions)."))
            }
        }
        if wanted.contains(.outputFormat), task.needsOutputFormat, body.output?.format == nil, body.messages == nil,
           !formatWords.contains(where: { TaskType.mentions(instructionText, $0) }) {
            findings.append(AnalyzerFinding(code: "missing_output_format", field: "prompt.output", message: "The answer's format is not stated."))
            questions.append(EnhancementQuestion(key: "output_format", text: "In what form should the answer come?", type: .choice,
                                                 options: OutputChoice.allCases.map(\.rawValue), required: true))
            questions.append(EnhancementQuestion(key: "output_fields", text: "Which fields should a structured answer have?", type: .text, required: false,
                                                 help: "Comma-separated, for JSON or a table: name, price, currency."))
        }
        if wanted.contains(.examples), task.benefitsFromExamples, (body.examples ?? []).isEmpty, body.messages == nil {
            findings.append(AnalyzerFinding(code: "missing_examples", field: "prompt.examples", message: "A \(task.rawValue) task has no worked example to pin down the answer."))
            questions.append(EnhancementQuestion(key: "example_input", text: "An example input", type: .text, required: false))
            questions.append(EnhancementQuestion(key: "example_output", text: "The answer you want for that input", type: .text, required: false))
        }
        if wanted.contains(.structure) {
            findings += variableFindings(document)
            if PromptSentences.words(body.goal ?? "") > longGoalWords && PromptSentences.split(body.goal ?? "").count > 2 {
                findings.append(AnalyzerFinding(code: "long_goal", field: "prompt.goal", message: "The goal carries steps and rules: give each its own field."))
            }
        }
        if wanted.contains(.structure) || wanted.contains(.brevity) {
            for (index, step) in (body.steps ?? []).enumerated() where PromptSentences.words(step) > longStepWords || PromptSentences.split(step).count > 2 {
                findings.append(AnalyzerFinding(code: "long_step", field: "prompt.steps[\(index)]", message: "This step does several things: split it."))
            }
        }
        return Analysis(task: task, findings: findings, questions: questions)
    }

    static let audienceNouns = ["student", "students", "beginner", "beginners", "engineer", "engineers", "developer", "developers", "customer",
                                "customers", "client", "clients", "children", "kids", "executive", "executives", "reader", "readers", "audience",
                                "team", "manager", "managers", "user", "users", "stakeholders", "patients", "employees", "colleague", "colleagues"]

    /// Whether `text` says whom the answer is for: "for the…", "for a…", a variable, or a group of people.
    static func namesAudience(_ text: String) -> Bool {
        let lowered = text.lowercased()
        if ["for the ", "for a ", "for an ", "for our ", "for my ", "for {{", "aimed at", "written for"].contains(where: lowered.contains) { return true }
        return audienceNouns.contains { TaskType.mentions(lowered, $0) }
    }

    /// The texts that give instructions, with their fields.
    static func instructionTexts(_ body: PromptBody) -> [(field: String, text: String)] {
        var texts: [(String, String)] = []
        if let goal = body.goal { texts.append(("prompt.goal", goal)) }
        for (index, step) in (body.steps ?? []).enumerated() { texts.append(("prompt.steps[\(index)]", step)) }
        for (index, rule) in (body.constraints ?? []).enumerated() { texts.append(("prompt.constraints[\(index)]", rule)) }
        for (index, message) in (body.messages ?? []).enumerated() where message.role == .system { texts.append(("prompt.messages[\(index)]", message.content)) }
        return texts
    }

    /// Placeholders that are not variables, variables used but not declared, and declared but unused.
    static func variableFindings(_ document: PromptDocument) -> [AnalyzerFinding] {
        var findings: [AnalyzerFinding] = []
        let declared = Set((document.variables ?? []).map(\.name))
        let collections = Set((document.variables ?? []).filter { $0.type == .list || $0.type == .json }.map(\.name))
        var used: Set<String> = []
        for (field, text) in document.prompt.templates {
            if case .success(let references) = TemplateScanner.references(in: text, collections: collections) {
                for reference in references {
                    used.insert(reference.name)
                    if !reference.insideCollection && !declared.contains(reference.name) {
                        findings.append(AnalyzerFinding(code: "undeclared_variable", field: field, message: "{{\(reference.name)}} is used but not declared."))
                    }
                }
            }
            // A prompt full of placeholders gets a handful of findings, not one per blank.
            for placeholder in Placeholders.find(in: text) where findings.count(where: { $0.code == "placeholder_not_variable" }) < Placeholders.maxFindings {
                findings.append(AnalyzerFinding(code: "placeholder_not_variable", field: field,
                                                message: "\(placeholder.literal) looks like a placeholder but is not a variable: it reaches the model as written."))
            }
        }
        for variable in document.variables ?? [] where !used.contains(variable.name) {
            findings.append(AnalyzerFinding(code: "unused_variable", field: "variables", message: "'\(variable.name)' is declared but no template uses it."))
        }
        return findings
    }
}

/// The answer formats the analyzer offers, and what each becomes in the draft.
public enum OutputChoice: String, Sendable, CaseIterable {
    case plainText = "plain text", markdown, json = "JSON", bulletedList = "bulleted list", table

    var format: String {
        switch self {
        case .plainText: "text"
        case .markdown, .bulletedList, .table: "markdown"
        case .json: "json"
        }
    }

    /// A rule that says what the format alone does not.
    var constraint: String? {
        switch self {
        case .bulletedList: "Answer as a bulleted list."
        case .table: "Answer with a Markdown table."
        case .json: "Answer with JSON only, no prose around it."
        default: nil
        }
    }
}
